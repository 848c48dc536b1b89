"""What a valid figure is (reporting.figures), rule by rule, without the database: each test pins
one boundary or one word of the rule, so that breaking it fails here (issue #19, mutation testing).
The channels that share the rule are in test_figures.py."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.models import Indicator
from reporting.figures import (
    LINK_MAX_LENGTH,
    MAX_DIGITS,
    clean_link,
    clean_number,
    clean_progress,
    clean_task_update,
    clean_task_update_fields,
    clean_value,
    clean_value_fields,
    figure_error,
    task_error,
    value_error,
    whole_number_error,
)
from reporting.models import ReportValue, TaskUpdate

COUNT = Indicator(kind="count")
AMOUNT = Indicator(kind="amount")
RANK = Indicator(kind="rank")
RATIO = Indicator(kind="ratio")
YES_NO = Indicator(kind="boolean")
TEXT = Indicator(kind="text")

NOT_A_NUMBER = "Nhập một số (dùng dấu phẩy cho phần thập phân)."
TOO_LARGE = "Số quá lớn."
NEGATIVE = "Số liệu không được âm."
NEGATIVE_RATIO = "Tử số và mẫu số không được âm."
YES_OR_NO = "Chọn Có hoặc Không."
PROGRESS = "Tiến độ là một số nguyên từ 0 đến 100."
LINK = "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://"
IN_PROGRESS_1_TO_99 = "Nhiệm vụ đang thực hiện thì tiến độ từ 1 đến 99%."
NOT_STARTED_AT_0 = "Nhiệm vụ chưa thực hiện thì tiến độ là 0%; đã làm thì chọn “Đang thực hiện”."
DONE_AT_100 = "Nhiệm vụ hoàn thành thì tiến độ là 100%."
LARGEST = MAX_DIGITS - Decimal("0.0001")
TEXT_TOO_LONG = "Nội dung dài 30.001 ký tự, quá giới hạn 30.000 ký tự."


def refusal(call, *args, **kwargs):
    with pytest.raises(ValidationError) as exc:
        call(*args, **kwargs)
    return exc.value


# --- One number ----------------------------------------------------------------------------------


def test_a_blank_number_is_none():
    assert clean_number(None) is None
    assert clean_number("") is None


def test_a_number_is_kept_to_four_decimals():
    assert clean_number("12.345678") == Decimal("12.3457")
    assert str(clean_number(5)) == "5.0000"
    assert str(clean_number(Decimal("0.5"))) == "0.5000"
    assert str(clean_number(0.25)) == "0.2500"


def test_what_is_not_a_number_is_refused_in_words():
    assert refusal(clean_number, "abc").messages == [NOT_A_NUMBER]


@pytest.mark.parametrize("raw", ["NaN", "Infinity", Decimal("-Infinity"), float("inf")])
def test_a_number_that_is_not_finite_is_too_large(raw):
    assert refusal(clean_number, raw).messages == [TOO_LARGE]


def test_a_number_is_below_ten_to_the_thirteen_either_side_of_zero():
    assert clean_number(LARGEST) == LARGEST
    assert clean_number(-LARGEST) == -LARGEST
    assert refusal(clean_number, MAX_DIGITS).messages == [TOO_LARGE]
    assert refusal(clean_number, -MAX_DIGITS).messages == [TOO_LARGE]


# --- One figure for its indicator ----------------------------------------------------------------


def test_a_count_or_a_rank_is_whole_and_its_refusal_names_the_kind_and_the_figure():
    assert whole_number_error(COUNT, Decimal("2.5")) == (
        "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5."
    )
    assert whole_number_error(RANK, Decimal("1.0001")) == (
        "Thứ hạng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 1,0001."
    )
    assert whole_number_error(COUNT, Decimal("2.0000")) is None
    assert whole_number_error(COUNT, None) is None


def test_a_fraction_refused_is_shown_to_the_four_decimals_a_figure_keeps():
    assert whole_number_error(COUNT, Decimal("2.00005")) == (
        "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,0001."
    )


def test_an_amount_may_have_decimals():
    assert whole_number_error(AMOUNT, Decimal("2.5")) is None
    assert figure_error(AMOUNT, Decimal("2.5")) is None


def test_no_figure_is_no_error():
    assert figure_error(COUNT, None) is None
    assert figure_error(YES_NO, None) is None


def test_yes_no_is_one_or_zero_and_nothing_else():
    assert figure_error(YES_NO, Decimal(0)) is None
    assert figure_error(YES_NO, Decimal(1)) is None
    assert figure_error(YES_NO, Decimal(2)) == YES_OR_NO
    assert figure_error(YES_NO, Decimal(-1)) == YES_OR_NO
    assert figure_error(YES_NO, Decimal("0.5")) == YES_OR_NO


def test_zero_is_a_figure_and_below_zero_is_negative():
    assert figure_error(COUNT, Decimal(0)) is None
    assert figure_error(COUNT, Decimal(-1)) == NEGATIVE
    assert figure_error(AMOUNT, Decimal("-0.0001")) == NEGATIVE
    assert figure_error(RATIO, Decimal(-1)) == NEGATIVE_RATIO


def test_a_figure_of_ten_to_the_thirteen_is_too_large():
    assert figure_error(AMOUNT, LARGEST) is None
    assert figure_error(AMOUNT, MAX_DIGITS) == TOO_LARGE


def test_a_negative_fraction_is_named_negative_before_whole():
    assert figure_error(COUNT, Decimal("-2.5")) == NEGATIVE
    assert figure_error(COUNT, Decimal("2.5")).startswith("Số lượng phải là số nguyên")


# --- The fields of a figure ----------------------------------------------------------------------


def test_each_field_is_cleaned_and_a_blank_one_is_none():
    assert clean_value(RATIO, {"numerator": "1", "denominator": ""}) == {
        "numerator": Decimal("1.0000"),
        "denominator": None,
    }


def test_only_the_fields_given_are_cleaned():
    assert clean_value(RATIO, {"denominator": 4}) == {"denominator": Decimal(4)}
    assert clean_value(COUNT, {}) == {}


def test_a_text_indicator_takes_no_number_but_its_text_and_comment_are_stripped():
    assert clean_value(TEXT, {"value": 3, "text": "  Đã làm. ", "comment": " ghi chú "}) == {
        "text": "Đã làm.",
        "comment": "ghi chú",
    }


def test_the_valid_fields_are_kept_while_the_others_are_refused():
    cleaned, errors = clean_value_fields(
        RATIO, {"numerator": "-1", "denominator": "3", "comment": "x" * 30_001, "text": "a"}
    )
    assert cleaned == {"denominator": Decimal(3), "text": "a"}
    assert errors["numerator"] == [NEGATIVE_RATIO]
    assert errors["comment"] == [TEXT_TOO_LONG]
    assert set(errors) == {"numerator", "comment"}


def test_a_field_that_is_not_a_number_is_refused_under_its_name():
    assert refusal(clean_value, COUNT, {"value": "x"}).message_dict == {"value": [NOT_A_NUMBER]}
    assert refusal(clean_value, AMOUNT, {"value": MAX_DIGITS}).message_dict == {
        "value": [TOO_LARGE]
    }
    assert refusal(clean_value, COUNT, {"value": Decimal("2.5")}).message_dict == {
        "value": ["Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5."]
    }


# --- Progress and link ---------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [None, "", "  ", " % "])
def test_a_blank_progress_is_zero(typed):
    assert clean_progress(typed) == 0


@pytest.mark.parametrize(
    ("typed", "read"),
    [(0, 0), (100, 100), ("100", 100), (" 40 % ", 40), ("40,0", 40), (99.0, 99), (Decimal("1"), 1)],
)
def test_progress_is_a_whole_number_from_0_to_100(typed, read):
    assert clean_progress(typed) == read
    assert type(clean_progress(typed)) is int


@pytest.mark.parametrize(
    "typed",
    [-1, 101, "101", "-1", 40.5, "40,5", Decimal("0.1"), "x", [], float("nan"), Decimal("NaN")],
)
def test_any_other_progress_is_refused_in_words(typed):
    assert refusal(clean_progress, typed).messages == [PROGRESS]


def test_a_float_progress_is_read_as_it_is_written():
    # 1e-20 is not 0: a float is read from what it prints, which keeps it above 0.
    assert refusal(clean_progress, 1e-20).messages == [PROGRESS]


def test_an_evidence_link_is_an_http_address_stripped_and_blank_is_empty():
    assert clean_link("  https://a.gov.vn/mc.pdf ") == "https://a.gov.vn/mc.pdf"
    assert clean_link("http://a.gov.vn") == "http://a.gov.vn"
    assert clean_link(None) == ""
    assert clean_link("  ") == ""
    assert refusal(clean_link, "ftp://a.gov.vn/mc.pdf").messages == [LINK]
    assert refusal(clean_link, "D:\\mc.pdf").messages == [LINK]


def test_an_evidence_link_fits_its_column():
    head = "https://a.gov.vn/"
    fits = head + "x" * (LINK_MAX_LENGTH - len(head))
    assert clean_link(fits) == fits
    assert refusal(clean_link, fits + "x").messages == [
        f"Đường dẫn minh chứng dài quá {LINK_MAX_LENGTH} ký tự."
    ]


# --- A task's update -----------------------------------------------------------------------------


def test_a_status_outside_the_list_is_refused():
    assert refusal(clean_task_update, {"status": "finished"}).message_dict == {
        "status": ["Chọn tình trạng nhiệm vụ trong danh sách."]
    }


def test_with_no_saved_update_a_task_is_not_started_at_0():
    assert clean_task_update({"status": "not_started"}) == {"status": "not_started"}
    assert clean_task_update({"progress": 0}) == {"progress": 0}
    assert refusal(clean_task_update, {"progress": 50}).message_dict == {
        "progress": [NOT_STARTED_AT_0]
    }
    assert refusal(clean_task_update, {"status": "in_progress"}).message_dict == {
        "progress": [IN_PROGRESS_1_TO_99],
    }


def test_status_alone_must_agree_with_the_saved_progress():
    current = TaskUpdate(status="in_progress", progress=40)
    assert clean_task_update({"status": "overdue"}, current=current) == {"status": "overdue"}
    assert refusal(clean_task_update, {"status": "not_started"}, current=current).message_dict == {
        "progress": [NOT_STARTED_AT_0],
    }


def test_when_status_and_progress_disagree_neither_is_kept_and_both_are_named():
    cleaned, errors = clean_task_update_fields({"status": "in_progress", "progress": 0})
    assert cleaned == {}
    assert errors == {"progress": [IN_PROGRESS_1_TO_99], "status": []}
    cleaned, errors = clean_task_update_fields({"status": "x", "progress": 40, "note": " n "})
    assert cleaned == {"note": "n"}
    assert errors == {"status": ["Chọn tình trạng nhiệm vụ trong danh sách."], "progress": []}


def test_a_refused_progress_keeps_no_status():
    cleaned, errors = clean_task_update_fields({"status": "in_progress", "progress": 140})
    assert cleaned == {}
    assert errors == {"progress": [PROGRESS], "status": []}


@pytest.mark.parametrize("left", [None, "", 0])
def test_done_with_no_progress_typed_means_100(left):
    assert clean_task_update({"status": "done", "progress": left}) == {
        "status": "done",
        "progress": 100,
    }


def test_done_alone_means_100_and_done_at_40_is_refused():
    current = TaskUpdate(status="in_progress", progress=40)
    assert clean_task_update({"status": "done"}, current=current) == {
        "status": "done",
        "progress": 100,
    }
    assert refusal(clean_task_update, {"status": "done", "progress": 40}).message_dict == {
        "progress": [DONE_AT_100],
    }


def test_a_blank_progress_in_progress_is_not_100():
    assert refusal(clean_task_update, {"status": "in_progress", "progress": ""}).message_dict == {
        "progress": [IN_PROGRESS_1_TO_99],
    }


def test_the_link_and_the_note_are_cleaned_beside_status_and_progress():
    assert clean_task_update(
        {"status": "in_progress", "progress": "40", "evidence_link": " http://a.vn ", "note": " x "}
    ) == {"status": "in_progress", "progress": 40, "evidence_link": "http://a.vn", "note": "x"}
    cleaned, errors = clean_task_update_fields({"evidence_link": "a.pdf", "note": "x" * 30_001})
    assert cleaned == {}
    assert errors == {"evidence_link": [LINK], "note": [TEXT_TOO_LONG]}


# --- What a report must hold to be sent ----------------------------------------------------------


def ratio(numerator, denominator):
    return ReportValue(numerator=numerator, denominator=denominator)


def test_a_ratio_not_typed_is_missing_only_where_required():
    assert value_error(RATIO, None, required=True) == "Nhập tử số và mẫu số."
    assert value_error(RATIO, ratio(None, None), required=True) == "Nhập tử số và mẫu số."
    assert value_error(RATIO, None, required=False) is None
    assert value_error(RATIO, ratio(None, None), required=False) is None


def test_a_ratio_is_sent_whole_even_where_not_required():
    for row in (ratio(1, None), ratio(None, 2)):
        assert value_error(RATIO, row, required=False) == "Nhập cả tử số và mẫu số."


def test_a_ratio_has_no_negative_part():
    assert value_error(RATIO, ratio(-1, 2), required=True) == NEGATIVE_RATIO
    assert value_error(RATIO, ratio(1, -2), required=True) == NEGATIVE_RATIO


def test_a_ratio_s_denominator_is_above_zero():
    assert value_error(RATIO, ratio(0, 0), required=True) == "Mẫu số phải lớn hơn 0."
    assert value_error(RATIO, ratio(0, 1), required=True) is None


def test_a_ratio_s_numerator_is_at_most_its_denominator():
    assert value_error(RATIO, ratio(3, 3), required=True) is None
    assert value_error(RATIO, ratio(Decimal("3.5"), Decimal(3)), required=True) == (
        "Tử số (3,5) không được lớn hơn mẫu số (3)."
    )


def test_a_text_is_missing_when_blank_and_required():
    assert value_error(TEXT, None, required=True) == "Chưa nhập nội dung."
    assert value_error(TEXT, ReportValue(text="  "), required=True) == "Chưa nhập nội dung."
    assert value_error(TEXT, ReportValue(text="Đã làm"), required=True) is None
    assert value_error(TEXT, None, required=False) is None
    assert value_error(TEXT, ReportValue(text=""), required=False) is None


def test_a_figure_is_missing_only_where_required():
    assert value_error(COUNT, None, required=True) == "Chưa nhập số liệu."
    assert value_error(COUNT, ReportValue(value=None), required=True) == "Chưa nhập số liệu."
    assert value_error(COUNT, None, required=False) is None
    assert value_error(COUNT, ReportValue(value=None), required=False) is None


def test_a_saved_figure_the_entry_rule_refuses_is_not_sent():
    assert value_error(COUNT, ReportValue(value=Decimal(-1)), required=False) == NEGATIVE
    assert value_error(YES_NO, ReportValue(value=Decimal(2)), required=True) == YES_OR_NO


def test_a_rank_starts_at_1_and_a_count_at_0():
    assert value_error(RANK, ReportValue(value=Decimal(0)), required=True) == (
        "Thứ hạng bắt đầu từ 1."
    )
    assert value_error(RANK, ReportValue(value=Decimal(1)), required=True) is None
    assert value_error(COUNT, ReportValue(value=Decimal(0)), required=True) is None
    assert value_error(RANK, ReportValue(value=Decimal(-1)), required=True) == NEGATIVE


def test_a_task_not_updated_is_not_sent():
    assert task_error(None, 0, evidence_required=False) == (
        "Chưa cập nhật tình hình thực hiện nhiệm vụ."
    )


def test_a_task_whose_status_and_progress_disagree_is_not_sent():
    update = TaskUpdate(status="in_progress", progress=100)
    assert task_error(update, 0, evidence_required=False) == IN_PROGRESS_1_TO_99


EVIDENCE = "Nhiệm vụ hoàn thành cần có minh chứng: tải tệp lên hoặc dán đường dẫn."


def test_a_done_task_has_evidence_where_the_schedule_asks():
    done = TaskUpdate(status="done", progress=100)
    assert task_error(done, 0, evidence_required=True) == EVIDENCE
    assert task_error(done, 1, evidence_required=True) is None
    assert task_error(done, 0, evidence_required=False) is None
    linked = TaskUpdate(status="done", progress=100, evidence_link="https://a.vn/mc.pdf")
    assert task_error(linked, 0, evidence_required=True) is None


def test_a_task_under_way_needs_no_evidence():
    update = TaskUpdate(status="in_progress", progress=40)
    assert task_error(update, 0, evidence_required=True) is None
