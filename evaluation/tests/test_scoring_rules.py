"""The scoring rules that read no database: points as typed, and a share of the maximum."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from evaluation.computed import share_points
from evaluation.models import Criterion
from evaluation.scoring import parse_points


def messages(error: ValidationError) -> dict:
    return {field: [str(m) for m in errs] for field, errs in error.message_dict.items()}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("7,5", Decimal("7.50")),
        ("7.5", Decimal("7.50")),
        (" 8 ", Decimal("8.00")),
        ("0", Decimal("0.00")),
        ("2,345", Decimal("2.34")),  # to the cent, half to even
        (Decimal("3"), Decimal("3.00")),
    ],
)
def test_points_are_read_with_a_comma_or_a_point_to_the_cent(raw, expected):
    points = parse_points(raw)
    assert points == expected and points.as_tuple().exponent == -2


@pytest.mark.parametrize("raw", ["", None, "bảy", "7,5,1"])
def test_points_that_are_not_a_number_are_refused_with_an_example(raw):
    with pytest.raises(ValidationError) as caught:
        parse_points(raw)
    assert messages(caught.value) == {"points": ["Nhập số điểm, ví dụ 7,5."]}


def test_negative_points_are_refused_and_zero_is_not():
    with pytest.raises(ValidationError) as caught:
        parse_points("-0,5")
    assert messages(caught.value) == {"points": ["Số điểm không được âm."]}
    assert parse_points("0") == 0


def test_points_up_to_the_criterions_maximum_pass_and_above_it_are_refused():
    criterion = Criterion(max_points=Decimal("7.50"))
    assert parse_points("7,5", criterion) == Decimal("7.50")
    with pytest.raises(ValidationError) as caught:
        parse_points("7,51", criterion, field="block_points")
    assert messages(caught.value) == {"block_points": ["Tối đa 7,50 điểm."]}


def test_the_error_names_the_field_it_belongs_to():
    with pytest.raises(ValidationError) as caught:
        parse_points("x", field="self_points")
    assert list(caught.value.message_dict) == ["self_points"]


def test_a_share_of_the_maximum_is_max_times_good_over_total_to_the_cent_half_up():
    assert share_points(Decimal("10"), 7, 10) == Decimal("7.00")
    assert share_points(Decimal("10"), 2, 3) == Decimal("6.67")
    assert share_points(Decimal("5"), 1, 8) == Decimal("0.63")  # 0.625 rounds up
    assert share_points(Decimal("10"), 0, 4) == Decimal("0.00")
    assert share_points(Decimal("10"), 4, 4) == Decimal("10.00")


def test_nothing_asked_of_a_unit_gives_the_full_points():
    assert share_points(Decimal("8"), 0, 0) == Decimal("8")
