import pytest
from django.core.exceptions import ValidationError

from indicators.models import Indicator

pytestmark = pytest.mark.django_db


def test_ratio_needs_numerator_and_denominator():
    indicator = Indicator(code="tthc-truc-tuyen", name="Tỷ lệ hồ sơ trực tuyến", kind="ratio")
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "denominator_label" in exc.value.message_dict
    indicator.numerator_label = "Số hồ sơ trực tuyến"
    indicator.denominator_label = "Tổng số hồ sơ"
    indicator.full_clean()


def test_rank_is_better_when_lower():
    indicator = Indicator(code="pii-rank", name="Thứ hạng PII", kind="rank", direction="higher")
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "direction" in exc.value.message_dict


def test_indicator_search_ignores_diacritics():
    indicator = Indicator.objects.create(code="cds", name="Chỉ số chuyển đổi số", kind="count")
    assert Indicator.objects.filter(search_text__contains="chuyen doi so").get() == indicator


class TestWhatTheKindMeansForCallers:
    """The indicator answers what its kind and temporal choice mean, so that roll-ups, status and
    the report forms ask it instead of branching on the kind."""

    @pytest.mark.parametrize(
        ("kind", "temporal", "expected"),
        [
            ("count", "latest", "level"),
            ("count", "cumulative", "year_sum"),
            ("amount", "cumulative", "year_sum"),
            ("ratio", "cumulative", "year_share"),
            ("ratio", "latest", "level"),
            ("rank", "cumulative", "level"),  # a rank marked cumulative by mistake never adds up
        ],
    )
    def test_accumulation(self, kind, temporal, expected):
        assert Indicator(kind=kind, temporal=temporal).accumulation == expected

    def test_a_rank_and_a_text_do_not_sum_over_units(self):
        sums = {kind: Indicator(kind=kind).sums_over_units for kind in Indicator.Kind.values}
        assert sums == {
            "ratio": True,
            "count": True,
            "amount": True,
            "rank": False,
            "boolean": True,
            "text": False,
        }

    def test_input_fields(self):
        assert Indicator(kind="ratio").input_fields == ("numerator", "denominator")
        assert Indicator(kind="text").input_fields == ()
        assert Indicator(kind="boolean").input_fields == ("value",)
