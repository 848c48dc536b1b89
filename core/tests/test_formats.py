from decimal import Decimal

import pytest

from core.formats import number_vi, parse_number_vi


@pytest.mark.parametrize(
    "typed, number",
    [
        ("70,5", "70.5"),
        ("1.234,5", "1234.5"),
        ("1.000", "1000"),
        ("1.234.567", "1234567"),
        ("12.5", "12.5"),
        ("0.125", "0.125"),
        ("  250 ", "250"),
        ("-3", "-3"),
    ],
)
def test_numbers_are_read_as_vietnamese_officers_type_them(typed, number):
    assert parse_number_vi(typed) == Decimal(number)


@pytest.mark.parametrize("typed", ["", "bảy", "1,2,3", "NaN", "inf", "1..2"])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_number_vi(typed)


def test_numbers_are_written_with_a_decimal_comma_and_dots_between_thousands():
    assert number_vi(Decimal("1234.5")) == "1.234,5"
    assert number_vi(70) == "70"
    assert number_vi(None) == ""
    assert number_vi(Decimal("0.125"), 3) == "0,125"
