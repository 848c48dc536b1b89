"""A unit's reporting record in a year is read from reporting's own lateness rule: the periods
already due, the late, the missing and the returned ones."""

import datetime

import pytest
from django.utils import timezone

from awards.reports import reporting_record
from plans.tests.factories import PlanFactory
from reporting.models import Event, Report, WorkflowStatus
from reporting.tests.factories import PeriodFactory, ScheduleFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def months(world):
    """The province's monthly schedule for communes, January 2025 to December 2026."""
    plan = PlanFactory(issuer=world.province)
    schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
    return {
        (year, month): PeriodFactory(
            schedule=schedule,
            start=datetime.date(year, month, 1),
            label=f"Tháng {month}/{year}",
        )
        for year in (2025, 2026)
        for month in range(1, 13)
    }


def _send(unit, period, days_late=0, status=WorkflowStatus.ACCEPTED):
    sent = period.due_date + datetime.timedelta(days=days_late)
    return Report.objects.create(
        unit=unit, period=period, status=status, submitted_at=_at(sent), days_late=days_late
    )


def test_late_missing_and_returned_reports_of_the_year(world, months):
    commune = world.commune
    for month in range(1, 12):
        if month == 9:
            continue  # never sent: missing
        _send(commune, months[(2026, month)], days_late={3: 2, 7: 5}.get(month, 0))
    returned = Report.objects.get(unit=commune, period=months[(2026, 5)])
    Event.objects.create(report=returned, kind=Event.Kind.RETURN, reason="Số liệu sai")
    _send(commune, months[(2025, 4)], days_late=9)  # another year

    record = reporting_record(unit=commune, year=2026, today=TODAY)

    assert record.periods == 11  # December is due on the 20th, not yet
    assert record.late == ["tháng 3", "tháng 7"]
    assert record.missing == ["tháng 9"]
    assert record.returned == ["tháng 5"]
    assert reporting_record(unit=commune, year=2025, today=TODAY).late == ["tháng 4"]


def test_a_period_due_today_is_not_yet_missing(world, months):
    on_due_day = months[(2026, 11)].due_date
    record = reporting_record(unit=world.commune, year=2026, today=on_due_day)
    assert "tháng 11" not in record.missing
    assert "tháng 10" in record.missing


def test_only_the_schedules_the_unit_reports_under(world, months):
    # A department is not a commune: the communes' schedule does not concern it.
    record = reporting_record(unit=world.department, year=2026, today=TODAY)
    assert (record.periods, record.missing) == (0, [])
    # Another province's commune-type unit is not under the plan's issuer either.
    other = reporting_record(unit=world.other_department, year=2026, today=TODAY)
    assert other.periods == 0


def test_three_queries_whatever_the_number_of_periods(world, months, django_assert_num_queries):
    with django_assert_num_queries(3):
        reporting_record(unit=world.commune, year=2026, today=TODAY)
