"""Computed criterion "recognised initiatives by level": read from the initiatives app."""

import datetime
from decimal import Decimal

import pytest

from evaluation.computed import compute, initiative_points
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme
from initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _recognised(unit, level, day, **kwargs):
    return InitiativeFactory(
        unit=unit,
        status="recognised",
        level=level,
        decision_number="12/QĐ-UBND",
        decision_date=day,
        **kwargs,
    )


def test_points_by_level_add_up_to_the_maximum():
    assert initiative_points(Decimal(10), []) == 0
    assert initiative_points(Decimal(10), ["co_so"]) == 5
    assert initiative_points(Decimal(10), ["tinh"]) == 10
    assert initiative_points(Decimal(10), ["co_so", "co_so", "tinh"]) == 10
    assert initiative_points(Decimal("7.5"), ["co_so"]) == Decimal("3.75")


def test_the_criterion_counts_the_units_recognised_initiatives_of_the_year_by_the_cutoff(world):
    scheme = EvaluationScheme.objects.create(
        issuer=world.province, year=2026, name="Bộ tiêu chí", cutoff=datetime.date(2026, 10, 31)
    )
    group = CriterionGroup.objects.create(scheme=scheme, name="Mô hình, sáng kiến")
    criterion = Criterion.objects.create(
        group=group, code="4.1", name="Sáng kiến", max_points=10, source="initiatives"
    )
    counted = _recognised(world.commune, "co_so", datetime.date(2026, 5, 4), title="Chợ số")
    _recognised(world.commune, "tinh", datetime.date(2025, 12, 1))  # last year
    _recognised(world.commune, "tinh", datetime.date(2026, 11, 20))  # after the cutoff
    InitiativeFactory(unit=world.commune, status="under_review")  # not recognised
    _recognised(world.other_commune, "tinh", datetime.date(2026, 3, 1))
    found = compute(scheme=scheme, criteria=[criterion], units=[world.commune, world.other_commune])
    commune = found[(world.commune.pk, criterion.pk)]
    assert commune.points == Decimal("5.00")
    assert commune.basis["levels"] == {"co_so": 1, "tinh": 0}
    assert [item["pk"] for item in commune.basis["items"]] == [counted.pk]
    assert found[(world.other_commune.pk, criterion.pk)].points == Decimal("10.00")
