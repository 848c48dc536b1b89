"""Which figures the share of targets met (criterion 2.1) judges a year on: the heat map's, on
31 December of the scheme's year (or the cutoff, if earlier). A civil servant checks a unit's
2.1 against the heat map of that day; a figure older than the map's last 13 periods, or one of
the next year's periods, counts on neither."""

import datetime
from decimal import Decimal

import pytest

from evaluation.computed import compute, targets_judged_on
from evaluation.models import Criterion, CriterionGroup, EvaluationScheme
from evaluation.tests.conftest import SUPER
from monitoring.selectors import heat_map
from monitoring.status import Status
from monitoring.tests.helpers import month_starts
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import IndicatorRollup
from reporting.tests.factories import (
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db


def _figure(unit, period, indicator, percent) -> None:
    # The roll-up an accepted report leaves (reporting's own tests pin how it is built).
    IndicatorRollup.objects.create(
        unit=unit,
        period=period,
        indicator=indicator,
        numerator_sum=Decimal(percent),
        denominator_sum=Decimal(100),
        value_count=1,
    )


def test_a_year_is_scored_on_the_figures_the_heat_map_shows_on_its_last_day(world):
    a, b = world.commune, world.other_commune
    plan = PlanFactory(issuer=world.province, title="Kế hoạch chuyển đổi số 2025-2030")
    schedule = ScheduleFactory(plan=plan, unit_types=[a.unit_type])
    online = ScheduleIndicatorFactory(
        schedule=schedule, indicator=RatioIndicatorFactory()
    ).indicator
    TargetFactory(
        plan=plan,
        indicator=online,
        value=90,
        text="Đến năm 2030, trên 90% hồ sơ được giải quyết trực tuyến",
        due_year=2030,
    )
    # Monthly from January 2025 to January 2027.
    periods = {
        day: PeriodFactory(schedule=schedule, start=day)
        for day in month_starts(datetime.date(2025, 1, 1), 25)
    }
    # A reported 95 % in January 2025 and nothing since.
    _figure(a, periods[datetime.date(2025, 1, 1)], online, 95)
    # B met it every month of 2026, then reported 40 % for January 2027 before the cutoff.
    for day, period in periods.items():
        if day.year == 2026:
            _figure(b, period, online, 95)
    _figure(b, periods[datetime.date(2027, 1, 1)], online, 40)

    scheme = EvaluationScheme.objects.create(
        issuer=world.province,
        plan=plan,
        year=2026,
        name="Bộ tiêu chí 2026",
        cutoff=datetime.date(2027, 1, 20),
    )
    group = CriterionGroup.objects.create(scheme=scheme, name="Hoàn thành chỉ tiêu")
    criterion = Criterion.objects.create(
        group=group,
        code="2.1",
        name="Tỷ lệ chỉ tiêu đạt",
        max_points=Decimal(20),
        source="targets_met",
    )
    assert targets_judged_on(scheme) == datetime.date(2026, 12, 31)

    found = compute(scheme=scheme, criteria=[criterion], units=[a, b])

    # A's January 2025 figure lies beyond the heat map's 13 months: no verdict, no points
    # (over the whole history it would be "đạt" and earn 20).
    assert found[(a.pk, criterion.pk)].basis["good"] == 0
    assert found[(a.pk, criterion.pk)].points == 0
    # B is judged on its December 2026 figure, not on January 2027's 40 % (which the heat map
    # of 20/01/2027 would show "có nguy cơ").
    assert found[(b.pk, criterion.pk)].basis["good"] == 1
    assert found[(b.pk, criterion.pk)].points == 20
    # And each unit's verdict is the heat map's cell on 31/12/2026.
    heat = heat_map(scope=SUPER, plan=plan, unit=world.province, as_of=datetime.date(2026, 12, 31))
    cells = {unit.pk: row[0].status for unit, row in heat.rows}
    assert cells[a.pk] == Status.NO_DATA and cells[b.pk] == Status.MET
    labels = {u: found[(u, criterion.pk)].basis["items"][0]["state"] for u in (a.pk, b.pk)}
    assert labels == {u: str(Status.LABELS[cells[u]]) for u in (a.pk, b.pk)}


def test_a_cutoff_within_the_year_is_the_day_judged():
    scheme = EvaluationScheme(year=2026, cutoff=datetime.date(2026, 10, 31))
    assert targets_judged_on(scheme) == datetime.date(2026, 10, 31)
    scheme.cutoff = datetime.date(2026, 12, 31)
    assert targets_judged_on(scheme) == datetime.date(2026, 12, 31)
