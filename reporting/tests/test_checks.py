"""The rules a report must meet before it is submitted, one case each (no database: unsaved
model instances and plain objects in, a message or a share out)."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from indicators.models import Indicator
from reporting.checks import (
    Check,
    completeness,
    figure,
    report_check,
    task_error,
    value_error,
    value_warning,
    whole_number_error,
)
from reporting.models import ReportValue

D = Decimal

RATIO = Indicator(kind="ratio")
COUNT = Indicator(kind="count")
AMOUNT = Indicator(kind="amount")
RANK = Indicator(kind="rank")
YES_NO = Indicator(kind="boolean")
TEXT = Indicator(kind="text")
PILE = Indicator(kind="count", never_decreases=True)


def row(value=None, numerator=None, denominator=None, text=""):
    return ReportValue(
        value=None if value is None else D(value),
        numerator=None if numerator is None else D(numerator),
        denominator=None if denominator is None else D(denominator),
        text=text,
    )


def update(status="in_progress", progress=50, link="", files=0):
    return SimpleNamespace(
        status=status,
        progress=progress,
        evidence_link=link,
        files=SimpleNamespace(all=lambda: [object()] * files),
    )


class TestFigure:
    def test_a_ratio_stands_for_its_percentage(self):
        assert figure(RATIO, row(numerator=3, denominator=4)) == 75

    def test_other_kinds_stand_for_their_value(self):
        assert figure(COUNT, row(7, numerator=3, denominator=4)) == 7

    def test_no_row_is_no_figure(self):
        assert figure(COUNT, None) is None
        assert figure(RATIO, None) is None


class TestWholeNumbers:
    def test_a_count_or_a_rank_refuses_a_fraction(self):
        assert whole_number_error(COUNT, D("2.5")) == (
            "Số lượng phải là số nguyên (ví dụ 2 hoặc 3), không nhận 2,5."
        )
        assert whole_number_error(RANK, D("1.25")).endswith("không nhận 1,25.")

    def test_a_whole_number_written_with_decimals_is_accepted(self):
        assert whole_number_error(COUNT, D("3.00")) is None
        assert whole_number_error(COUNT, D(3)) is None

    def test_an_amount_takes_fractions_and_nothing_is_no_error(self):
        assert whole_number_error(AMOUNT, D("2.5")) is None
        assert whole_number_error(COUNT, None) is None

    def test_the_refused_fraction_is_shown_to_four_places(self):
        assert whole_number_error(COUNT, D("2.12345")).endswith("không nhận 2,1235.")


class TestValueError:
    def test_a_required_ratio_needs_both_terms(self):
        assert value_error(RATIO, None, required=True) == "Nhập tử số và mẫu số."
        assert value_error(RATIO, row(), required=True) == "Nhập tử số và mẫu số."

    def test_an_optional_ratio_left_blank_is_no_error(self):
        assert value_error(RATIO, None, required=False) is None
        assert value_error(RATIO, row(), required=False) is None

    def test_a_ratio_with_one_term_needs_the_other_even_when_optional(self):
        message = "Nhập cả tử số và mẫu số."
        assert value_error(RATIO, row(numerator=1), required=False) == message
        assert value_error(RATIO, row(denominator=1), required=False) == message

    def test_a_ratio_term_cannot_be_negative(self):
        message = "Tử số và mẫu số không được âm."
        assert value_error(RATIO, row(numerator=-1, denominator=5), required=True) == message
        assert value_error(RATIO, row(numerator=0, denominator=-5), required=True) == message

    def test_a_zero_term_is_not_negative(self):
        assert value_error(RATIO, row(numerator=0, denominator=5), required=True) is None

    def test_a_denominator_of_zero_is_refused(self):
        assert value_error(RATIO, row(numerator=0, denominator=0), required=True) == (
            "Mẫu số phải lớn hơn 0."
        )

    def test_a_numerator_above_its_denominator_is_refused_with_both_figures(self):
        assert value_error(RATIO, row(numerator="1200.5", denominator=1000), required=True) == (
            "Tử số (1.200,5) không được lớn hơn mẫu số (1.000)."
        )

    def test_a_numerator_equal_to_its_denominator_is_a_full_share(self):
        assert value_error(RATIO, row(numerator=10, denominator=10), required=True) is None

    def test_a_required_text_needs_more_than_blanks(self):
        assert value_error(TEXT, row(text="   "), required=True) == "Chưa nhập nội dung."
        assert value_error(TEXT, None, required=True) == "Chưa nhập nội dung."
        assert value_error(TEXT, row(text="Đã triển khai"), required=True) is None

    def test_an_optional_text_may_stay_blank(self):
        assert value_error(TEXT, None, required=False) is None
        assert value_error(TEXT, row(text=""), required=False) is None

    def test_a_required_number_must_be_entered(self):
        assert value_error(COUNT, None, required=True) == "Chưa nhập số liệu."
        assert value_error(COUNT, row(), required=True) == "Chưa nhập số liệu."
        assert value_error(COUNT, row(), required=False) is None
        assert value_error(COUNT, None, required=False) is None

    def test_yes_no_is_zero_or_one(self):
        assert value_error(YES_NO, row(2), required=True) == "Chọn Có hoặc Không."
        assert value_error(YES_NO, row(1), required=True) is None
        assert value_error(YES_NO, row(0), required=True) is None
        assert value_error(COUNT, row(2), required=True) is None  # only yes/no is 0 or 1

    def test_a_number_cannot_be_negative(self):
        assert value_error(AMOUNT, row(-1), required=True) == "Số liệu không được âm."
        assert value_error(AMOUNT, row(0), required=True) is None

    def test_a_fraction_in_a_count_is_refused_by_the_whole_number_rule(self):
        assert value_error(COUNT, row("2.5"), required=True) == whole_number_error(COUNT, D("2.5"))
        assert value_error(AMOUNT, row("2.5"), required=True) is None

    def test_a_rank_starts_from_one(self):
        assert value_error(RANK, row(0), required=True) == "Thứ hạng bắt đầu từ 1."
        assert value_error(RANK, row(1), required=True) is None
        assert value_error(COUNT, row(0), required=True) is None


class TestValueWarning:
    def test_a_jump_beyond_the_band_asks_for_a_comment(self):
        assert value_warning(COUNT, D(131), D(100), 30) == (
            "Số liệu thay đổi hơn 30% so với kỳ trước (100); hãy giải trình."
        )
        assert value_warning(COUNT, D(69), D(100), 30) is not None  # a fall counts too

    def test_a_change_within_the_band_passes(self):
        assert value_warning(COUNT, D(130), D(100), 30) is None
        assert value_warning(COUNT, D(70), D(100), 30) is None

    def test_the_band_is_relative_to_the_size_of_last_periods_figure(self):
        # From -10 to -14 is 40 % of 10, whatever the sign.
        assert value_warning(AMOUNT, D(-14), D(-10), 30) is not None
        assert value_warning(AMOUNT, D(-12), D(-10), 30) is None

    def test_last_period_at_zero_gives_no_band(self):
        assert value_warning(COUNT, D(50), D(0), 30) is None

    def test_nothing_to_compare_is_no_warning(self):
        assert value_warning(COUNT, None, D(100), 30) is None
        assert value_warning(COUNT, D(100), None, 30) is None

    def test_yes_no_and_text_never_warn(self):
        assert value_warning(YES_NO, D(100), D(0.01), 30) is None
        assert value_warning(TEXT, D(100), D(1), 30) is None
        assert value_warning(RATIO, D(100), D(1), 30) is not None

    def test_a_cumulative_figure_that_goes_down_asks_for_a_comment(self):
        assert value_warning(PILE, D("99.5"), D(100), 30) == (
            "Số liệu lũy kế giảm so với kỳ trước (100); hãy giải trình."
        )
        assert value_warning(PILE, D(100), D(100), 30) is None
        assert value_warning(COUNT, D("99.5"), D(100), 30) is None  # not a pile: within band


class TestTaskError:
    def test_a_task_not_updated_is_an_error(self):
        assert task_error(None, 0, evidence_required=False) == (
            "Chưa cập nhật tình hình thực hiện nhiệm vụ."
        )

    def test_status_and_progress_must_agree(self):
        error = task_error(update("done", 50), 1, evidence_required=False)
        assert error == "Nhiệm vụ hoàn thành thì tiến độ là 100%." and isinstance(error, str)

    def test_a_task_done_needs_evidence_where_the_schedule_requires_it(self):
        message = "Nhiệm vụ hoàn thành cần có minh chứng: tải tệp lên hoặc dán đường dẫn."
        assert task_error(update("done", 100), 0, evidence_required=True) == message

    def test_a_file_or_a_link_is_evidence(self):
        done = update("done", 100, link="https://example.gov.vn/qd-12")
        assert task_error(done, 0, evidence_required=True) is None
        assert task_error(update("done", 100), 1, evidence_required=True) is None

    def test_without_the_requirement_a_task_done_needs_no_evidence(self):
        assert task_error(update("done", 100), 0, evidence_required=False) is None

    def test_a_task_in_progress_needs_no_evidence(self):
        assert task_error(update("in_progress", 40), 0, evidence_required=True) is None


def value_line(key, indicator, value_row, previous=None, required=True):
    return SimpleNamespace(
        key=key,
        indicator=indicator,
        row=value_row,
        previous=previous,
        item=SimpleNamespace(required=required),
    )


def task_line(key, task_update):
    return SimpleNamespace(key=key, update=task_update)


def sheet(values=(), tasks=(), band=30, evidence=True):
    return SimpleNamespace(
        values=list(values),
        tasks=list(tasks),
        schedule=SimpleNamespace(jump_warning_percent=band, evidence_required_for_done=evidence),
    )


class TestReportCheck:
    def test_errors_and_warnings_are_keyed_by_the_pages_fields(self):
        check = report_check(
            sheet(
                values=[
                    value_line("value-1", COUNT, None),
                    value_line("value-2", COUNT, row(200), previous=row(100)),
                    value_line("value-3", COUNT, row(101), previous=row(100)),
                    value_line("value-4", RATIO, row(numerator=9, denominator=10), row(5, 1, 2)),
                ],
                tasks=[
                    task_line("task-1", None),
                    task_line("task-2", update("done", 100)),
                    task_line("task-3", update("done", 100, files=1)),
                    task_line("task-4", update("in_progress", 30)),
                ],
            )
        )
        assert check.errors == {
            "value-1": "Chưa nhập số liệu.",
            "task-1": "Chưa cập nhật tình hình thực hiện nhiệm vụ.",
            "task-2": "Nhiệm vụ hoàn thành cần có minh chứng: tải tệp lên hoặc dán đường dẫn.",
        }
        assert check.warnings == {
            "value-2": "Số liệu thay đổi hơn 30% so với kỳ trước (100); hãy giải trình.",
            "value-4": "Số liệu thay đổi hơn 30% so với kỳ trước (50); hãy giải trình.",
        }

    def test_a_value_in_error_gets_no_warning_on_top(self):
        check = report_check(sheet([value_line("value-1", COUNT, row("2.5"), row(100))]))
        assert list(check.errors) == ["value-1"] and check.warnings == {}

    def test_the_schedules_band_and_evidence_rule_apply(self):
        wide = sheet(
            [value_line("value-1", COUNT, row(200), row(100))],
            [task_line("task-1", update("done", 100))],
            band=150,
            evidence=False,
        )
        check = report_check(wide)
        assert (check.errors, check.warnings) == ({}, {})

    def test_an_optional_value_left_blank_passes(self):
        check = report_check(sheet([value_line("value-1", COUNT, None, required=False)]))
        assert (check.errors, check.warnings) == ({}, {})

    def test_a_warning_stands_until_it_is_explained(self):
        check = Check(warnings={"value-1": "a", "value-2": "b", "value-3": "c"})
        assert check.unexplained_warnings({"value-1": "Do sáp nhập xã", "value-2": "  "}) == {
            "value-2": "b",
            "value-3": "c",
        }


class TestCompleteness:
    def test_the_share_of_required_values_present_and_tasks_updated(self):
        values = [
            value_line("value-1", COUNT, row(3)),
            value_line("value-2", COUNT, row()),
            value_line("value-3", COUNT, None),
            value_line("value-4", COUNT, None, required=False),  # optional: not counted
        ]
        tasks = [task_line("task-1", update()), task_line("task-2", None)]
        assert str(completeness(sheet(values, tasks))) == "40.0"  # 2 of 3 + 2

    def test_it_is_rounded_to_one_decimal(self):
        values = [value_line(f"value-{i}", COUNT, row(1) if i else None) for i in range(3)]
        assert str(completeness(sheet(values))) == "66.7"

    def test_nothing_required_is_complete(self):
        assert completeness(sheet([value_line("value-1", COUNT, None, required=False)])) == 100

    @pytest.mark.parametrize("tasks, expected", [([None], "0.0"), (["x"], "100.0")])
    def test_tasks_alone(self, tasks, expected):
        lines = [task_line("task", None if t is None else update()) for t in tasks]
        assert str(completeness(sheet(tasks=lines))) == expected
