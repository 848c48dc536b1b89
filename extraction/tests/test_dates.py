"""Dates and deadlines as officials write them (extraction/dates.py), one rule a test; the
mutation run of the module (`make mutation`) checks that each of them fails when its rule breaks."""

import pytest

from extraction.dates import find_date, iso_date, parse_deadlines


def read(text: str) -> list[tuple[str, str]]:
    return [(d.kind, d.value) for d in parse_deadlines(text)]


def test_a_day_that_does_not_exist_is_no_date():
    assert iso_date(31, 2, 2026) is None
    assert iso_date(29, 2, 2028) == "2028-02-29"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ban hành ngày 5/3/2026 của", "2026-03-05"),
        ("ngày 05 / 03 / 2026", "2026-03-05"),
        ("Hà Nội, ngày 09 tháng 01 năm 2025", "2025-01-09"),
        ("NGÀY 22 THÁNG 12 NĂM 2024", "2024-12-22"),
        ("số 123/4/2026", None),  # a number cut out of a longer one is not a day
        ("1/2/20261", None),
        ("không có ngày", None),
        ("ngày 31/2/2026", None),
    ],
)
def test_a_date_is_read_in_figures_or_in_words(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hằng tháng", [("recurring", "monthly")]),
        ("hàng tháng", [("recurring", "monthly")]),
        ("Mỗi tháng", [("recurring", "monthly")]),
        ("Định kỳ tháng", [("recurring", "monthly")]),
        ("trước ngày 20 hằng tháng", [("recurring", "monthly")]),
        ("Hằng quý", [("recurring", "quarterly")]),
        ("mỗi quý", [("recurring", "quarterly")]),
        ("định kỳ quý", [("recurring", "quarterly")]),
        ("Định kỳ 6 tháng", [("recurring", "half_yearly")]),
        ("định kỳ sáu tháng", [("recurring", "half_yearly")]),
        ("Định kỳ nửa năm", [("recurring", "half_yearly")]),
        ("Hằng năm", [("recurring", "yearly")]),
        ("mỗi năm", [("recurring", "yearly")]),
        ("định kỳ năm", [("recurring", "yearly")]),
        ("Thường xuyên", [("recurring", "continuous")]),
        ("Liên tục", [("recurring", "continuous")]),
    ],
)
def test_a_recurring_deadline_is_its_rhythm(text, expected):
    assert read(text) == expected


def test_six_months_without_dinh_ky_is_not_a_half_yearly_rhythm():
    assert read("6 tháng đầu năm 2026") == [("year", "2026")]


def test_a_continuous_task_keeps_the_date_it_also_names():
    assert read("Thường xuyên; trước ngày 30/6/2026") == [
        ("recurring", "continuous"),
        ("before", "2026-06-30"),
    ]


def test_a_monthly_task_does_not_take_a_date_as_its_deadline():
    assert read("Hằng tháng, trước ngày 30/6/2026") == [("recurring", "monthly")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Trước ngày 30/6/2026", "before"),
        ("trước 30/6/2026", "before"),
        ("Chậm nhất ngày 30/6/2026", "before"),
        ("Không muộn hơn ngày 30/6/2026", "before"),
        ("Hạn chót: 30/6/2026", "before"),
        ("30/6/2026", "date"),
        ("Ngày 30/6/2026", "date"),
        ("Trước khi tổng kết, ngày 30/6/2026", "date"),  # "trước" too far from the date
    ],
)
def test_a_date_is_a_limit_when_trước_or_chậm_nhất_comes_just_before_it(text, kind):
    assert read(text) == [(kind, "2026-06-30")]


def test_every_date_of_a_cell_is_a_deadline_and_a_date_that_does_not_exist_is_skipped():
    assert read("30/6/2026 và 31/12/2026") == [("date", "2026-06-30"), ("date", "2026-12-31")]
    assert read("31/2/2026; 15/3/2026") == [("date", "2026-03-15")]
    assert read("31/2/2026") == []


def test_dates_come_before_quarters_and_months():
    assert read("Quý II/2026, trước 30/6/2026") == [("before", "2026-06-30")]
    assert read("Tháng 6/2026, Quý III/2026") == [("quarter", "2026-Q3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quý II/2026", [("quarter", "2026-Q2")]),
        ("quý 3/2026", [("quarter", "2026-Q3")]),
        ("Qúy IV năm 2026", [("quarter", "2026-Q4")]),
        ("Quý II, Quý III/2026", [("quarter", "2026-Q2"), ("quarter", "2026-Q3")]),
        ("Quý I và II/2026", [("quarter", "2026-Q1"), ("quarter", "2026-Q2")]),
        ("Quý I - IV/2026", [("quarter", "2026-Q1"), ("quarter", "2026-Q4")]),
        ("Quý II, II/2026", [("quarter", "2026-Q2")]),  # a quarter named twice is one
        ("Quý II/2026 và Quý I/2027", [("quarter", "2026-Q2"), ("quarter", "2027-Q1")]),
    ],
)
def test_a_quarter_is_read_with_roman_or_arabic_figures(text, expected):
    assert read(text) == expected


def test_a_quarter_out_of_one_to_four_is_not_a_quarter():
    assert read("Quý 5/2026") == []
    assert read("Quý 0/2026") == []
    assert read("Quý 5 năm 2026") == [("year", "2026")]


def test_quarters_named_before_a_year_written_apart_are_each_a_deadline():
    assert read("Quý II và Quý III (2026)") == [("quarter", "2026-Q2"), ("quarter", "2026-Q3")]
    assert read("Quý 2 (2026)") == [("quarter", "2026-Q2")]
    assert read("Quý 5 (2026)") == []
    assert read("Quý II") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tháng 6/2026", [("month", "2026-06")]),
        ("tháng 12 năm 2026", [("month", "2026-12")]),
        ("Tháng 1/2026", [("month", "2026-01")]),
        ("Tháng 6/2026, tháng 9/2026", [("month", "2026-06"), ("month", "2026-09")]),
        ("Tháng 13/2026", []),
        ("Tháng 0/2026", []),
    ],
)
def test_a_month_is_read_after_tháng(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/2025", [("month", "2025-06")]),
        (" 12 / 2025 ", [("month", "2025-12")]),
        ("1/2025", [("month", "2025-01")]),
        ("13/2025", []),
        ("0/2025", []),
    ],
)
def test_a_bare_month_and_year_in_a_cell_is_a_month(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-2030", [("year", "2030")]),
        ("Giai đoạn 2026 – 2030", [("year", "2030")]),
        ("Năm 2026", [("year", "2026")]),
        ("trong năm 2027", [("year", "2027")]),
        ("Đến năm 2030.", [("year", "2030")]),
        ("hết năm 2026;", [("year", "2026")]),
        ("2026", [("year", "2026")]),
        ("(2026)", [("year", "2026")]),
        ("Sớm nhất có thể", []),
    ],
)
def test_a_range_of_years_is_due_at_its_end_and_a_year_alone_is_that_year(text, expected):
    assert read(text) == expected


def test_the_deadline_keeps_the_cell_as_written_without_its_final_stop():
    (deadline,) = parse_deadlines(" Quý II/2026. ")
    assert deadline.text == "Quý II/2026"
    (deadline,) = parse_deadlines("Năm 2026;")
    assert deadline.text == "Năm 2026"


def test_quarters_listed_in_arabic_figures_are_each_a_deadline():
    assert read("Quý 1, 2/2026") == [("quarter", "2026-Q1"), ("quarter", "2026-Q2")]
    assert read("Quý 1 - 3/2026") == [("quarter", "2026-Q1"), ("quarter", "2026-Q3")]


def test_a_recurring_deadline_keeps_the_cell_as_written():
    (deadline,) = parse_deadlines("Hằng quý.")
    assert deadline.text == "Hằng quý"


def test_only_a_final_stop_or_semicolon_is_cut_from_the_cell():
    (deadline,) = parse_deadlines("Năm 2030, trước Đại hội XX")
    assert deadline.text == "Năm 2030, trước Đại hội XX"


@pytest.mark.parametrize(
    "text",
    ["Trước ngày 30/6/2026", "Quý II (2026)", "Tháng 6/2026", "6/2026", "2026 - 2030", "Năm 2026"],
)
def test_every_kind_of_deadline_keeps_the_cell_it_was_read_from(text):
    (deadline,) = parse_deadlines(text)
    assert deadline.text == text


def test_the_first_and_the_last_quarter_and_month_are_in_range():
    assert read("Quý I và Quý IV (2026)") == [("quarter", "2026-Q1"), ("quarter", "2026-Q4")]
    assert read("tháng 1 năm 2026") == [("month", "2026-01")]
    assert read("tháng 12 năm 2026") == [("month", "2026-12")]
