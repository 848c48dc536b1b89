"""Reads of reports: which ones a person may see, one report's sheet, what is to do."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from org.models import OrgUnit, Role
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Task
from reporting.models import (
    Event,
    Evidence,
    Period,
    Report,
    ReportValue,
    Schedule,
    ScheduleIndicator,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.selectors.schedules import (
    items_for_unit,
    schedule_items,
    schedule_tasks,
    tasks_for_unit,
)

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
