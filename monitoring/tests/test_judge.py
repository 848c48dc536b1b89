"""The rules the one `Judge` applies for every page and for evaluation, each checked on every
page at once: the recent periods only, the due day once past, the first figure ever reported."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import Indicator
from monitoring.selectors import Judge, plan_frame
from monitoring.status import RECENT_PERIODS, Status
from monitoring.tests.helpers import month_starts
from monitoring.tests.test_verdicts_over_years import verdicts_everywhere
from org.tests.factories import OrgUnitFactory, UnitTypeFactory
from plans.models import Comparator
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import IndicatorRollup
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db


class Province:
    """A province, its communes, a plan reported monthly from January 2023 to December 2026."""

    def __init__(self, communes: int = 1):
        self.province = OrgUnitFactory(unit_type=UnitTypeFactory(code="tinh", level=0))
        xa = UnitTypeFactory(code="xa")
        self.units = [OrgUnitFactory(parent=self.province, unit_type=xa) for _ in range(communes)]
        self.plan = PlanFactory(issuer=self.province)
        self.schedule = ScheduleFactory(plan=self.plan, unit_types=[xa])
        self.periods = {
            day: PeriodFactory(schedule=self.schedule, start=day)
            for day in month_starts(datetime.date(2023, 1, 1), 48)
        }
        self.targets = []

    def target(self, indicator, **fields):
        ScheduleIndicatorFactory(schedule=self.schedule, indicator=indicator)
        target = TargetFactory(plan=self.plan, indicator=indicator, **fields)
        self.targets.append(target)
        return target

    def figure(self, unit, month: datetime.date, indicator, **sums):
        IndicatorRollup.objects.create(
            unit=unit, period=self.periods[month], indicator=indicator, value_count=1, **sums
        )

    def everywhere(self, target, as_of) -> set:
        """What every page and evaluation say of the first commune and `target`."""
        pages = verdicts_everywhere(self.plan, self.province, self.units, self.targets, as_of)
        return {page[(self.units[0].pk, target.pk)] for page in pages.values()}


def test_a_figure_older_than_the_recent_periods_is_no_data_on_every_page_never_met():
    world = Province()
    online = RatioIndicatorFactory()
    target = world.target(online, value=90, due_year=2030)
    # 95 % in October 2025 and nothing since: 14 months before December 2026.
    world.figure(
        world.units[0], datetime.date(2025, 10, 1), online, numerator_sum=95, denominator_sum=100
    )
    assert world.everywhere(target, datetime.date(2026, 12, 15)) == {(Status.NO_DATA, None)}
    # Two months earlier it lay within the window (October 2025 to October 2026).
    assert world.everywhere(target, datetime.date(2026, 10, 15)) == {
        (Status.MET, Decimal("95.0000"))
    }


def test_a_target_past_its_due_day_is_judged_on_the_periods_up_to_it_on_every_page():
    """Due in 2024 and met then: two years later every page still says met, on 2024's figure,
    not "chưa có số liệu" for want of figures in the last 13 months."""
    world = Province()
    online = RatioIndicatorFactory()
    target = world.target(online, value=90, due_year=2024)
    for month in month_starts(datetime.date(2024, 1, 1), 12):
        world.figure(world.units[0], month, online, numerator_sum=92, denominator_sum=100)
    world.figure(
        world.units[0], datetime.date(2026, 5, 1), online, numerator_sum=10, denominator_sum=100
    )
    assert world.everywhere(target, datetime.date(2026, 11, 25)) == {
        (Status.MET, Decimal("92.0000"))
    }


def test_a_change_counts_from_the_first_figure_ever_on_every_page():
    """ "Tăng 20 người" with no baseline in the plan: from the 10 of January 2023, not from the
    first figure of the window (31), on every page and in evaluation."""
    world = Province()
    trained = IndicatorFactory(temporal=Indicator.Temporal.LATEST, unit="người")
    target = world.target(
        trained, comparator=Comparator.INCREASE, value=20, unit="count", due_year=2030
    )
    world.figure(world.units[0], datetime.date(2023, 1, 1), trained, value_sum=10)
    for n, month in enumerate(month_starts(datetime.date(2026, 1, 1), 6)):
        world.figure(world.units[0], month, trained, value_sum=31 + n)
    assert world.everywhere(target, datetime.date(2026, 6, 30)) == {
        (Status.MET, Decimal("36.0000"))
    }


def test_a_ratio_over_nothing_is_no_first_figure():
    world = Province()
    online = RatioIndicatorFactory()
    target = world.target(online, value=90, due_year=2030)
    unit = world.units[0]
    world.figure(unit, datetime.date(2025, 1, 1), online, numerator_sum=0, denominator_sum=0)
    world.figure(unit, datetime.date(2025, 2, 1), online, numerator_sum=40, denominator_sum=50)
    judge = Judge(plan_frame(world.plan, datetime.date(2025, 3, 1)), datetime.date(2025, 3, 1))
    judge.figures(([unit.pk], None))
    first = judge.firsts[(unit.pk, online.pk)]
    assert first.period_end == datetime.date(2025, 2, 28)
    verdict = judge.reading(target, unit.pk, {})
    assert verdict.status == Status.NO_DATA  # the first figure is no current value


def test_the_recent_figures_and_the_first_ones_cost_one_query_for_any_number_of_units():
    counts = []
    for communes in (2, 12):
        world = Province(communes)
        count = IndicatorFactory(temporal=Indicator.Temporal.CUMULATIVE)
        world.target(count, value=12, unit="count", due_year=2030)
        for unit in world.units:
            for month in month_starts(datetime.date(2023, 6, 1), 41):
                world.figure(unit, month, count, value_sum=1)
        as_of = datetime.date(2026, 10, 15)
        judge = Judge(plan_frame(world.plan, as_of), as_of)
        with CaptureQueriesContext(connection) as queries:
            figures = judge.figures(([u.pk for u in world.units], None))
        counts.append(len(queries))
        unit = world.units[0]
        # The window (13 periods) and the first figure, not the 41 months.
        assert len(figures[(unit.pk, count.pk)]) == RECENT_PERIODS + 1
        assert judge.firsts[(unit.pk, count.pk)].period_end == datetime.date(2023, 6, 30)
    assert counts == [1, 1]
