"""When a report is late: one rule (reporting.timeliness) for the stored `days_late`, the period
board and a unit's page."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from org.models import Role
from reporting import selectors, services
from reporting.models import Period
from reporting.tests.factories import PeriodFactory
from reporting.timeliness import (
    LATE,
    MISSING,
    NOT_DUE,
    ON_TIME,
    Standing,
    Tally,
    days_late,
    timeliness,
)

DUE = datetime.date(2026, 3, 20)
SENT = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)


def test_submitting_on_the_due_day_is_on_time_and_the_day_after_is_one_day_late():
    assert days_late(DUE, DUE) == 0
    assert days_late(DUE, DUE - datetime.timedelta(days=5)) == 0
    assert days_late(DUE, DUE + datetime.timedelta(days=1)) == 1


def test_a_sent_report_keeps_the_lateness_of_its_first_submission():
    report = SimpleNamespace(submitted_at=SENT, days_late=3)
    later = DUE + datetime.timedelta(days=40)
    assert timeliness(due_date=DUE, report=report, today=later) == Standing(LATE, 3)
    on_time = SimpleNamespace(submitted_at=SENT, days_late=0)
    assert timeliness(due_date=DUE, report=on_time, today=later).state == ON_TIME


def test_an_unsent_report_is_missing_only_after_the_due_day():
    draft = SimpleNamespace(submitted_at=None, days_late=None)
    assert timeliness(due_date=DUE, report=None, today=DUE).state == NOT_DUE
    assert timeliness(due_date=DUE, report=draft, today=DUE).state == NOT_DUE
    after = DUE + datetime.timedelta(days=4)
    assert timeliness(due_date=DUE, report=draft, today=after) == Standing(MISSING, 4)


def test_late_means_sent_late_or_missing_and_a_tally_counts_only_periods_due():
    assert [Standing(s, 0).is_late for s in (ON_TIME, LATE, MISSING, NOT_DUE)] == [
        False,
        True,
        True,
        False,
    ]
    tally = Tally()
    for standing in (Standing(ON_TIME, 0), Standing(LATE, 2), Standing(LATE, 4)):
        tally.add(standing)
    tally.add(Standing(MISSING, 9))
    tally.add(Standing(NOT_DUE, 0))
    assert (tally.on_time, tally.late, tally.missing, tally.due) == (1, 2, 1, 4)
    assert tally.average_days_late == 3


@pytest.mark.django_db
def test_board_unit_page_and_stored_days_late_agree_on_time_late_and_missing(setup, world):
    from monitoring.selectors import unit_page

    today = timezone.localdate()
    # On time: sent on its due day.
    on_time = setup.period
    Period.objects.filter(pk=on_time.pk).update(due_date=today)
    setup.fill()
    assert setup.submit().days_late == 0
    # The unit page counts periods whose due day has passed: let a day go by.
    Period.objects.filter(pk=on_time.pk).update(due_date=today - datetime.timedelta(days=1))
    # Late: sent three days after its due day.
    late = PeriodFactory(schedule=setup.schedule, code="late", due_date=today)
    Period.objects.filter(pk=late.pk).update(due_date=today - datetime.timedelta(days=3))
    reporter = setup.scope[Role.REPORTER]
    report = services.report_open(scope=reporter, unit=world.commune, period=late)
    setup.report = report
    setup.fill()
    assert setup.submit().days_late == 3
    # Missing: due five days ago, never sent.
    PeriodFactory(
        schedule=setup.schedule, code="missing", due_date=today - datetime.timedelta(days=5)
    )

    board = selectors.period_board(
        scope=setup.scope[Role.COORDINATOR], schedule=setup.schedule, today=today
    )
    (row,) = board.rows
    states = sorted((cell.timeliness.state, cell.days_late) for cell in row.cells)
    assert states == [(LATE, 3), (MISSING, 5), (ON_TIME, 0)]
    assert (row.late_count, row.missing_count) == (1, 1)
    assert sum(t["on_time"] for t in board.totals()) == 1

    page = unit_page(scope=setup.scope[Role.COORDINATOR], unit=world.commune)
    assert (page.timeliness.on_time, page.timeliness.late, page.timeliness.missing) == (1, 1, 1)
    assert page.timeliness.days_late_total == 3
