"""Reads of schedules, periods and reports, always through the user's scope."""

import datetime
import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from org.models import OrgUnit, Role
from org.scope import UserScope, get_in_scope_or_404
from org.selectors import in_block_on_q
from plans.models import Plan, Task
from reporting.models import (
    Event,
    Evidence,
    Period,
    Reminder,
    Report,
    ReportValue,
    Schedule,
    ScheduleIndicator,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.timeliness import LATE, MISSING, ON_TIME, Standing, Tally
from reporting.timeliness import timeliness as report_timeliness

# Roles that read the reports of their unit's whole subtree. A reporter (cán bộ đầu mối) reads
# only those of the unit they report for: reports_visible_q.
SUBTREE_VIEW_ROLES = (Role.HEAD, Role.COORDINATOR, Role.LEADER, Role.COUNCIL)


def _reported_units(scope: UserScope) -> list[int]:
    """The units the user reports for: a reporter reads their reports and nothing below."""
    return sorted({g.unit_id for g in scope.grants if g.role == Role.REPORTER})


def reports_visible_q(scope: UserScope, prefix: str = "unit") -> Q:
    """Q matching the units (reached through `prefix`) whose reports and registrations the user
    may read: their subtree for heads, coordinators, leaders and the council; for a reporter,
    the unit they report for and nothing below it. The dashboards read units' figures, task
    states and lateness by the same rule (monitoring.selectors)."""
    if scope.is_superuser:
        return Q()
    lookup = f"{prefix}__in" if prefix else "pk__in"
    return scope.unit_q(prefix, roles=SUBTREE_VIEW_ROLES) | Q(**{lookup: _reported_units(scope)})


def reports_visible(scope: UserScope, unit: OrgUnit) -> bool:
    """reports_visible_q for one unit already in hand, without a query."""
    return scope.covers(unit, roles=SUBTREE_VIEW_ROLES) or unit.pk in _reported_units(scope)


# --- What a unit reports -----------------------------------------------------------------------


def reporting_units(schedule: Schedule) -> QuerySet[OrgUnit]:
    """Units that report under a schedule: active units of the plan issuer's subtree (the issuer
    included) whose type the schedule names."""
    issuer = schedule.plan.issuer
    if issuer is None:
        return OrgUnit.objects.none()
    return OrgUnit.objects.active_on(timezone.localdate()).filter(
        path__startswith=issuer.path,
        unit_type__in=schedule.unit_types.all(),
    )


def reporting_units_in_scope(*, scope: UserScope, schedule: Schedule) -> QuerySet[OrgUnit]:
    """The schedule's reporting units the user manages (a period is reopened for one of them)."""
    return reporting_units(schedule).filter(scope.unit_q()).order_by("path")


def items_for_unit(items: list[ScheduleIndicator], unit: OrgUnit) -> list[ScheduleIndicator]:
    """The schedule's indicators that apply to the unit's type (none named: every type)."""
    return [item for item in items if not item.type_ids or unit.unit_type_id in item.type_ids]


def tasks_for_unit(tasks: list[Task], unit: OrgUnit) -> list[Task]:
    """Schedule tasks the unit updates: those of its own plan, those it leads or coordinates,
    and those that name no lead unit (addressed to every reporting unit). Prefetched units."""
    return [
        task
        for task in tasks
        if task.plan.issuer_id == unit.pk
        or unit.pk in task.lead_ids
        or unit.pk in task.coordinating_ids
        or not task.lead_ids
    ]


# A schedule's lines are read on every save of every report under it (60 indicators, their
# unit types, the tasks and their units): kept per process for a minute, keyed by the
# schedule's version, which every change of its lines moves (services.schedule_update). A
# task renamed meanwhile shows its new title within the minute.
_LINES_CACHE: dict[tuple[int, int], tuple[float, list, list]] = {}


def _schedule_lines(schedule: Schedule) -> tuple[list[ScheduleIndicator], list[Task]]:
    ttl = settings.REPORTING_SCHEDULE_CACHE_SECONDS
    key = (schedule.pk, schedule.version)
    cached = _LINES_CACHE.get(key) if ttl else None
    now = time.monotonic()
    if cached and now - cached[0] < ttl:
        return cached[1], cached[2]
    items = list(
        schedule.items.select_related("indicator")
        .prefetch_related("unit_types")
        .order_by("order", "pk")
    )
    for item in items:
        # Read once here, not once per unit and per save.
        item.type_ids = frozenset(t.pk for t in item.unit_types.all())
    tasks = list(
        schedule.tasks.select_related("plan", "person_in_charge")
        .prefetch_related("lead_units", "coordinating_units", "deadlines")
        .order_by("plan_id", "order", "pk")
    )
    for task in tasks:
        task.lead_ids = frozenset(u.pk for u in task.lead_units.all())
        task.coordinating_ids = frozenset(u.pk for u in task.coordinating_units.all())
    if ttl:
        if len(_LINES_CACHE) > 500:
            _LINES_CACHE.clear()
        _LINES_CACHE[key] = (now, items, tasks)
    return items, tasks


def schedule_items(schedule: Schedule) -> list[ScheduleIndicator]:
    return _schedule_lines(schedule)[0]


def schedule_tasks(schedule: Schedule) -> list[Task]:
    return _schedule_lines(schedule)[1]


# --- Schedules and periods ---------------------------------------------------------------------


def schedules_q(scope: UserScope) -> Q:
    """Schedules of plans issued in the scope's subtrees or by their ancestors (a commune sees
    the province's schedule it reports under)."""
    return scope.unit_q("plan__issuer") | scope.ancestor_q("plan__issuer")


def schedule_list(*, scope: UserScope) -> QuerySet[Schedule]:
    return (
        Schedule.objects.filter(schedules_q(scope))
        .select_related("plan__issuer")
        .prefetch_related("unit_types")
        .order_by("plan__issuer__path", "pk")
    )


def schedule_in_scope(*, scope: UserScope, pk: int) -> Schedule:
    queryset = Schedule.objects.select_related("plan__issuer").prefetch_related(
        "unit_types", "periods"
    )
    return get_in_scope_or_404(queryset, schedules_q(scope), pk=pk)


def period_in_scope(*, scope: UserScope, pk: int) -> Period:
    queryset = Period.objects.select_related("schedule__plan__issuer")
    return get_in_scope_or_404(
        queryset, Q(schedule__in=Schedule.objects.filter(schedules_q(scope))), pk=pk
    )


# --- Reports -----------------------------------------------------------------------------------


def report_in_scope(*, scope: UserScope, pk: int, for_update: bool = False) -> Report:
    """A report the user may see; with `for_update`, its row locked for the caller's
    transaction, so a service acting on it need not read it again."""
    queryset = Report.objects.select_related("unit", "period__schedule__plan__issuer")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    report = get_in_scope_or_404(queryset, reports_visible_q(scope), pk=pk)
    report.locked_for_update = for_update
    return report


def unit_with_reports_in_scope(*, scope: UserScope, pk: int) -> OrgUnit:
    """A unit whose reports the user may read; another unit's id is a 404."""
    return get_in_scope_or_404(OrgUnit.objects.all(), reports_visible_q(scope, prefix=""), pk=pk)


def report_of(*, unit: OrgUnit, period: Period) -> Report | None:
    """The unit's report of the period, if it was started."""
    return Report.objects.filter(unit=unit, period=period).first()


def period_reports(*, scope: UserScope, period: Period) -> QuerySet[Report]:
    """The period's reports the user may read, with their figures, by unit."""
    return (
        Report.objects.filter(period=period)
        .filter(reports_visible_q(scope))
        .select_related("unit")
        .prefetch_related("values__indicator")
        .order_by("unit__path")
    )


def evidence_in_scope(*, scope: UserScope, pk: int, to_delete: bool = False) -> Evidence:
    """An evidence file of a report the user may read; `to_delete`: one of a unit they report
    for (whether its report may still change is ReportActions' answer)."""
    if to_delete:
        queryset = Evidence.objects.select_related(
            "task_update__report__period", "task_update__report__unit"
        )
        where = scope.unit_q("task_update__report__unit", roles=[Role.REPORTER])
    else:
        queryset = Evidence.objects.all()
        where = reports_visible_q(scope, "task_update__report__unit")
    return get_in_scope_or_404(queryset, where, pk=pk)


@dataclass
class ValueLine:
    """One indicator on the report page: this period's row, last period's, the checks."""

    item: ScheduleIndicator
    row: ReportValue | None
    previous: ReportValue | None

    @property
    def indicator(self):
        return self.item.indicator

    @property
    def key(self) -> str:
        return f"value-{self.item.indicator_id}"


@dataclass
class TaskLine:
    task: Task
    update: TaskUpdate | None
    previous: TaskUpdate | None

    @property
    def key(self) -> str:
        return f"task-{self.task.pk}"


@dataclass
class ReportSheet:
    """Everything the report page, the checks and the Excel file need, in a fixed number of
    queries whatever the number of indicators and tasks."""

    report: Report
    previous_report: Report | None
    values: list[ValueLine]
    tasks: list[TaskLine]
    events: list[Event] = field(default_factory=list)

    @property
    def schedule(self) -> Schedule:
        return self.report.period.schedule


def previous_report(report: Report) -> Report | None:
    """The unit's latest earlier report that was sent (a draft or a returned report's figures
    are not the unit's word yet, so they neither show as last period's nor drive warnings)."""
    return (
        Report.objects.filter(
            unit_id=report.unit_id,
            period__schedule_id=report.period.schedule_id,
            period__start__lt=report.period.start,
            status__in=[
                WorkflowStatus.SUBMITTED,
                WorkflowStatus.APPROVED,
                WorkflowStatus.ACCEPTED,
            ],
        )
        .select_related("period")
        .order_by("-period__start")
        .first()
    )


def report_lines(report: Report) -> ReportSheet:
    """The lines of a unit's report without its figures: what parsing a posted page needs
    (no query once the schedule's lines are cached)."""
    schedule = report.period.schedule
    return ReportSheet(
        report=report,
        previous_report=None,
        values=[
            ValueLine(i, None, None) for i in items_for_unit(schedule_items(schedule), report.unit)
        ],
        tasks=[
            TaskLine(t, None, None) for t in tasks_for_unit(schedule_tasks(schedule), report.unit)
        ],
    )


def report_sheet(
    report: Report, *, with_events: bool = False, with_previous: bool = True
) -> ReportSheet:
    """The report's lines with its figures, last period's (unless `with_previous` is off:
    saving a draft does not need them) and, for the page, its history."""
    schedule = report.period.schedule
    items = items_for_unit(schedule_items(schedule), report.unit)
    tasks = tasks_for_unit(schedule_tasks(schedule), report.unit)
    before = previous_report(report) if with_previous else None
    rows = {v.indicator_id: v for v in report.values.all()}
    updates, old_rows, old_updates = {}, {}, {}
    if tasks:  # a schedule without tasks costs no query for them
        updates = {
            u.task_id: u
            for u in report.task_updates.prefetch_related(
                Prefetch("files", queryset=Evidence.objects.order_by("pk"))
            )
        }
    if before is not None:
        old_rows = {v.indicator_id: v for v in before.values.all()}
        if tasks:
            old_updates = {u.task_id: u for u in before.task_updates.all()}
    sheet = ReportSheet(
        report=report,
        previous_report=before,
        values=[
            ValueLine(i, rows.get(i.indicator_id), old_rows.get(i.indicator_id)) for i in items
        ],
        tasks=[TaskLine(t, updates.get(t.pk), old_updates.get(t.pk)) for t in tasks],
    )
    if with_events:
        # The history: every step, and the latest saves (an autosave every few seconds would
        # otherwise make it hundreds of lines).
        recent_saves = (
            report.events.filter(kind=Event.Kind.SAVE)
            .order_by("-at", "-pk")
            .values("pk")[:HISTORY_SAVES]
        )
        sheet.events = list(
            report.events.filter(~Q(kind=Event.Kind.SAVE) | Q(pk__in=recent_saves))
            .select_related("user")
            .order_by("at", "pk")
        )
    return sheet


HISTORY_SAVES = 10


@dataclass
class DueReport:
    """A period a unit must report for, with its report if one was started."""

    unit: OrgUnit
    period: Period
    report: Report | None

    @property
    def is_overdue(self) -> bool:
        submitted = self.report is not None and self.report.submitted_at is not None
        return not submitted and self.period.due_date < timezone.localdate()


def reports_to_do(
    *,
    scope: UserScope,
    today: datetime.date | None = None,
    roles: tuple[str, ...] = (Role.REPORTER, Role.HEAD),
) -> list[DueReport]:
    """For the units where the user holds one of `roles` (reporter and head by default): every
    started period of every schedule they report under, newest first, with the report if it
    exists (missing ones too)."""
    today = today or timezone.localdate()
    unit_ids = [g.unit_id for g in scope.grants if g.role in roles]
    units = list(OrgUnit.objects.filter(pk__in=unit_ids).select_related("unit_type"))
    if not units:
        return []
    ancestor_paths = {p for u in units for p in u.ancestor_paths()} | {u.path for u in units}
    periods = list(
        Period.objects.filter(
            schedule__plan__issuer__path__in=ancestor_paths,
            schedule__is_active=True,
            start__lte=today,
        )
        .select_related("schedule__plan")
        .prefetch_related("schedule__unit_types")
        .order_by("-start", "schedule_id")[:200]
    )
    reports = {
        (r.unit_id, r.period_id): r
        for r in Report.objects.filter(unit__in=units, period__in=periods)
    }
    rows = []
    for period in periods:
        types = {t.pk for t in period.schedule.unit_types.all()}
        for unit in units:
            if unit.unit_type_id in types:
                rows.append(DueReport(unit, period, reports.get((unit.pk, period.pk))))
    return rows


def reports_awaiting(*, scope: UserScope) -> QuerySet[Report]:
    """Reports waiting for this user: submitted ones for a head, approved ones for a
    coordinator."""
    waiting = Q(pk__in=[])
    heads = [g.unit_id for g in scope.grants if g.role == Role.HEAD]
    if heads:
        waiting |= Q(status=WorkflowStatus.SUBMITTED, unit_id__in=heads)
    if scope.has_role(Role.COORDINATOR):
        # Reports addressed to a body the coordinator manages (the plan's issuer).
        waiting |= Q(status=WorkflowStatus.APPROVED) & scope.unit_q(
            "period__schedule__plan__issuer", roles=[Role.COORDINATOR]
        )
    return (
        Report.objects.filter(waiting)
        .select_related("unit", "period__schedule")
        .order_by("period__due_date", "unit__path")
    )


# --- Period board ------------------------------------------------------------------------------


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
