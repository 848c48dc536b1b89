"""Computed criterion "recognised initiatives by level": read from the initiatives app."""

import datetime
from decimal import Decimal

import pytest

from evaluation.computed import compute, initiative_points
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme
from initiatives.models import Replication
from initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def criterion(world):
    """Criterion 4.1 of a 2026 scheme of the province, counted from initiatives (cutoff 31/10)."""
    scheme = EvaluationScheme.objects.create(
        issuer=world.province, year=2026, name="Bộ tiêu chí", cutoff=datetime.date(2026, 10, 31)
    )
    group = CriterionGroup.objects.create(scheme=scheme, name="Mô hình, sáng kiến")
    return Criterion.objects.create(
        group=group, code="4.1", name="Sáng kiến", max_points=10, source="initiatives"
    )


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


def test_each_replication_elsewhere_adds_a_quarter_up_to_the_maximum():
    assert initiative_points(Decimal(10), [], 1) == Decimal("2.50")
    assert initiative_points(Decimal(10), ["co_so"], 1) == Decimal("7.50")
    assert initiative_points(Decimal(10), ["co_so"], 3) == 10
    assert initiative_points(Decimal("7.5"), [], 1) == Decimal("1.88")


def test_the_criterion_counts_the_units_recognised_initiatives_of_the_year_by_the_cutoff(
    world, criterion
):
    scheme = criterion.group.scheme
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


def test_replications_elsewhere_of_the_units_initiatives_weigh_duy_tri_nhan_rong(world, criterion):
    """Seed 004 §III.8a: "khả năng duy trì, nhân rộng, lan tỏa". A model recognised last year
    that another unit takes up this year still earns its unit points; the unit that took it up
    earns none for it, nor does a replication after the cutoff or of last year."""
    scheme = criterion.group.scheme
    model = _recognised(world.commune, "tinh", datetime.date(2025, 6, 1), title="Chợ số")
    other = _recognised(world.commune, "co_so", datetime.date(2025, 7, 1), title="Thôn số")

    def replicate(initiative, unit, day):
        Replication.objects.create(initiative=initiative, unit=unit, started_on=day, results="Tốt")

    replicate(model, world.other_commune, datetime.date(2026, 3, 2))
    replicate(other, world.other_commune, datetime.date(2026, 11, 5))  # after the cutoff
    replicate(other, world.village, datetime.date(2025, 12, 20))  # last year
    replicate(other, world.commune, datetime.date(2026, 4, 1))  # its own unit: no spread
    found = compute(scheme=scheme, criteria=[criterion], units=[world.commune, world.other_commune])
    commune = found[(world.commune.pk, criterion.pk)]
    assert commune.points == Decimal("2.50")
    assert commune.basis["replications"] == 1
    assert [(item["pk"], item["state"]) for item in commune.basis["items"]] == [
        (model.pk, "nhân rộng tại UBND xã Bắc Hà từ 02/03/2026")
    ]
    taker = found[(world.other_commune.pk, criterion.pk)]
    assert (taker.points, taker.basis["replications"]) == (Decimal("0.00"), 0)


def test_initiatives_keep_each_recognised_one_and_each_replication_elsewhere(world, criterion):
    long = "Chợ số " + "x" * 300

    this_year = _recognised(world.commune, "co_so", datetime.date(2026, 5, 4), title=long)
    last_year = _recognised(world.commune, "tinh", datetime.date(2025, 6, 1), title="Thôn " + long)
    Replication.objects.create(
        initiative=last_year,
        unit=world.other_commune,
        started_on=datetime.date(2026, 3, 2),
        results="Tốt",
    )
    found = compute(scheme=criterion.group.scheme, criteria=[criterion], units=[world.commune])
    result = found[world.commune.pk, criterion.pk]
    assert result.points == Decimal("7.50")  # half for the base level, a quarter for the spread
    assert result.basis == {
        "levels": {"co_so": 1, "tinh": 0},
        "replications": 1,
        "items": [
            {
                "kind": "initiative",
                "pk": this_year.pk,
                "label": long[:200],
                "state": "Cấp cơ sở, 12/QĐ-UBND (04/05/2026)",
                "ok": True,
            },
            {
                "kind": "initiative",
                "pk": last_year.pk,
                "label": ("Thôn " + long)[:200],
                "state": "nhân rộng tại UBND xã Bắc Hà từ 02/03/2026",
                "ok": True,
            },
        ],
    }


def test_an_initiatives_share_is_rounded_half_up_and_a_level_without_a_share_earns_nothing():
    assert initiative_points(Decimal("8.5"), [], 1) == Decimal("2.13")  # 2.125
    assert initiative_points(Decimal(10), ["cap_huyen"]) == 0
    assert initiative_points(Decimal(10), ["cap_huyen", "co_so"]) == 5
