"""The period board: every reporting unit × every period, with its standing and reminders."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from org.models import OrgUnit
from org.scope import UserScope
from org.selectors import in_block_on_q
from plans.models import Plan
from reporting.models import (
    Period,
    Reminder,
    Report,
    Schedule,
    WorkflowStatus,
)
from reporting.selectors.reports import (
    reports_visible_q,
)
from reporting.selectors.schedules import (
    reporting_units,
)
from reporting.timeliness import LATE, MISSING, ON_TIME, Standing, Tally
from reporting.timeliness import timeliness as report_timeliness


@dataclass
class BoardCell:
    period: Period
    report: Report | None
    reminded: list[Reminder]
    today: datetime.date

    @property
    def state(self) -> str:
        """missing / draft / submitted / approved / accepted / returned / not_due."""
        if self.report is None or (
            self.report.status == WorkflowStatus.DRAFT and self.report.submitted_at is None
        ):
            if self.timeliness.state == MISSING:
                return "missing"
            return "not_due" if self.report is None else "draft"
        return self.report.status

    @property
    def timeliness(self) -> Standing:
        return report_timeliness(
            due_date=self.period.due_date, report=self.report, today=self.today
        )

    @property
    def days_late(self) -> int | None:
        """Days after the due day: of the first submission, or until today when none."""
        standing = self.timeliness
        if standing.state in (ON_TIME, LATE):
            return standing.days
        return standing.days or None

    @property
    def on_time(self) -> bool:
        return self.timeliness.state == ON_TIME

    @property
    def late(self) -> bool:
        return self.timeliness.state == LATE

    @property
    def completeness(self) -> Decimal | None:
        return self.report.completeness if self.report is not None else None


def unit_timeliness(
    *, unit: OrgUnit, schedules: list[Schedule], year: int, today: datetime.date | None = None
) -> Tally:
    """How the unit reported in `year` under those of `schedules` that name its type: each
    period due before `today` counted on time, late or missing (reporting.timeliness)."""
    today = today or timezone.localdate()
    reporting = [s for s in schedules if unit.unit_type_id in {t.pk for t in s.unit_types.all()}]
    periods = list(
        Period.objects.filter(
            schedule__in=reporting, due_date__lt=today, start__year=year
        ).values_list("pk", "due_date")
    )
    sent = {
        r.period_id: r
        for r in Report.objects.filter(unit=unit, period__in=[pk for pk, _due in periods]).exclude(
            submitted_at=None
        )
    }
    tally = Tally()
    for period_id, due_date in periods:
        tally.add(report_timeliness(due_date=due_date, report=sent.get(period_id), today=today))
    return tally


@dataclass
class BoardRow:
    unit: OrgUnit
    cells: list[BoardCell]

    @property
    def late_count(self) -> int:
        """Periods submitted after the due day (missing ones are counted apart)."""
        return sum(1 for c in self.cells if c.late)

    @property
    def missing_count(self) -> int:
        return sum(1 for c in self.cells if c.state == "missing")


@dataclass
class Board:
    schedule: Schedule
    periods: list[Period]
    rows: list[BoardRow]

    def totals(self) -> list[dict]:
        """Per period: how many reports accepted, submitted on time, late, missing."""
        out = []
        for index, period in enumerate(self.periods):
            cells = [row.cells[index] for row in self.rows]
            out.append(
                {
                    "period": period,
                    "accepted": sum(1 for c in cells if c.state == "accepted"),
                    "on_time": sum(1 for c in cells if c.on_time),
                    "late": sum(1 for c in cells if c.late),
                    "missing": sum(1 for c in cells if c.state == "missing"),
                }
            )
        return out


@dataclass
class BoardFilters:
    year: int | None = None
    period_id: int | None = None
    block_id: int | None = None
    unit_type_id: int | None = None
    query: str = ""


def period_board(
    *,
    scope: UserScope,
    schedule: Schedule,
    filters: BoardFilters | None = None,
    today: datetime.date | None = None,
) -> Board:
    """Every reporting unit of the scope × every period of the year: status, lateness,
    completeness and reminders, in five queries whatever the size."""
    from core.text import search_terms

    filters = filters or BoardFilters()
    today = today or timezone.localdate()
    periods = schedule.periods.order_by("start")
    if filters.year:
        periods = periods.filter(start__year=filters.year)
    if filters.period_id:
        periods = periods.filter(pk=filters.period_id)
    periods = list(periods)
    units = (
        reporting_units(schedule)
        .filter(reports_visible_q(scope, prefix=""))
        .select_related("unit_type", "block")
        .order_by("path")
    )
    if filters.block_id:
        units = units.filter(in_block_on_q(filters.block_id, today))
    if filters.unit_type_id:
        units = units.filter(unit_type_id=filters.unit_type_id)
    for word in search_terms(filters.query):
        units = units.filter(search_text__contains=word)
    units = list(units)
    unit_ids = [u.pk for u in units]
    reports = {
        (r.unit_id, r.period_id): r
        for r in Report.objects.filter(period__in=periods, unit_id__in=unit_ids).only(
            "id",
            "unit_id",
            "period_id",
            "status",
            "submitted_at",
            "days_late",
            "completeness",
        )
    }
    reminders: dict[tuple[int, int], list[Reminder]] = {}
    for reminder in Reminder.objects.filter(period__in=periods, unit_id__in=unit_ids).order_by(
        "sent_at"
    ):
        reminders.setdefault((reminder.unit_id, reminder.period_id), []).append(reminder)
    rows = [
        BoardRow(
            unit=unit,
            cells=[
                BoardCell(
                    period=period,
                    report=reports.get((unit.pk, period.pk)),
                    reminded=reminders.get((unit.pk, period.pk), []),
                    today=today,
                )
                for period in periods
            ],
        )
        for unit in units
    ]
    return Board(schedule=schedule, periods=periods, rows=rows)


@dataclass
class PeriodSummary:
    """How the units a person sees stand on one period: the board's totals of its column."""

    schedule: Schedule
    period: Period
    units: int
    accepted: int
    on_time: int
    late: int
    missing: int


def last_due_period_summary(
    *, scope: UserScope, plan: Plan, today: datetime.date | None = None
) -> PeriodSummary | None:
    """The plan's first active schedule, its last period whose due day has passed, and how the
    units of the scope stand on it (sent on time, late, missing), counted as the board counts
    them. None when nothing is due yet."""
    today = today or timezone.localdate()
    schedule = (
        Schedule.objects.filter(plan=plan, is_active=True)
        .select_related("plan__issuer")
        .order_by("pk")
        .first()
    )
    if schedule is None:
        return None
    period = schedule.periods.filter(due_date__lt=today).order_by("-due_date").first()
    if period is None:
        return None
    board = period_board(
        scope=scope, schedule=schedule, filters=BoardFilters(period_id=period.pk), today=today
    )
    (totals,) = board.totals()
    return PeriodSummary(
        schedule=schedule,
        period=period,
        units=len(board.rows),
        accepted=totals["accepted"],
        on_time=totals["on_time"],
        late=totals["late"],
        missing=totals["missing"],
    )
