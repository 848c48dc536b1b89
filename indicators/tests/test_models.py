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


@pytest.mark.parametrize("kind", ["count", "amount"])
@pytest.mark.parametrize("unit", ["%", " % ", "Phần trăm"])
def test_a_quantity_in_percent_is_refused_as_it_would_add_up_over_units(kind, unit):
    indicator = Indicator(code="hai-long", name="Chỉ số hài lòng", kind=kind, unit=unit)
    with pytest.raises(ValidationError) as exc:
        indicator.full_clean()
    assert "Tỷ lệ" in exc.value.message_dict["kind"][0]


def test_a_quantity_in_its_own_measure_or_a_ratio_in_percent_is_accepted():
    Indicator(code="so-mo-hinh", name="Số mô hình", kind="amount", unit="tỷ đồng").full_clean()
    Indicator(
        code="ty-le",
        name="Tỷ lệ hồ sơ",
        kind="ratio",
        unit="%",
        numerator_label="Số hồ sơ trực tuyến",
        denominator_label="Tổng số hồ sơ",
    ).full_clean()


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

    def test_a_unit_enters_a_ratio_as_two_numbers_and_a_text_in_words(self):
        entry = {kind: Indicator(kind=kind).entry_fields for kind in Indicator.Kind.values}
        assert entry == {
            "ratio": ("numerator", "denominator"),
            "count": ("value",),
            "amount": ("value",),
            "rank": ("value",),
            "boolean": ("value",),
            "text": ("text",),
        }

    def test_a_ratio_a_yes_no_question_and_words_are_the_kinds_shown_their_own_way(self):
        shapes = {
            kind: [name for name in ("is_ratio", "is_yes_no", "is_words") if getattr(ind, name)]
            for kind in Indicator.Kind.values
            for ind in [Indicator(kind=kind)]
        }
        assert shapes == {
            "ratio": ["is_ratio"],
            "count": [],
            "amount": [],
            "rank": [],
            "boolean": ["is_yes_no"],
            "text": ["is_words"],
        }

    def test_only_a_count_and_an_amount_are_quantities(self):
        quantities = {kind for kind in Indicator.Kind.values if Indicator(kind=kind).is_quantity}
        assert quantities == {"count", "amount"}

    def test_a_ratio_and_a_yes_no_question_read_as_percent(self):
        shares = {kind for kind in Indicator.Kind.values if Indicator(kind=kind).reads_as_percent}
        assert shares == {"ratio", "boolean"}

    def test_only_a_count_and_a_rank_take_whole_numbers(self):
        whole = {kind for kind in Indicator.Kind.values if Indicator(kind=kind).takes_whole_numbers}
        assert whole == {"count", "rank"}


class TestWhichWayIsBetter:
    """`lower_is_better` is read from `direction`; a rank counts places, whatever was stored."""

    def test_lower_is_better_follows_the_direction(self):
        assert Indicator(kind="ratio", direction="lower").lower_is_better
        assert not Indicator(kind="ratio", direction="higher").lower_is_better
        assert Indicator(kind="count", direction="lower").lower_is_better

    def test_a_rank_is_better_lower_even_if_saved_higher_before_the_rule(self):
        assert Indicator(kind="rank", direction="higher").lower_is_better

    def test_only_a_rank_counts_places(self):
        places = {kind for kind in Indicator.Kind.values if Indicator(kind=kind).counts_places}
        assert places == {"rank"}

    def test_a_lower_is_better_share_does_not_count_places(self):
        # "giảm tỷ lệ hộ nghèo 1,5%" moves the number down by 1,5: no inversion, unlike a rank.
        assert not Indicator(kind="ratio", direction="lower").counts_places
