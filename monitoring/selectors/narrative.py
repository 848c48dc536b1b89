"""What the periodic narrative report (báo cáo kết quả thực hiện) of a unit says, gathered.

The Word file is built from this by documents.contexts.report_context and rendered by
monitoring.exports.narrative_report; the reads are here, through the user's scope.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from monitoring.selectors.overview import PlanOverview, plan_overview
from monitoring.selectors.tasks import TaskRow, task_board
from org.models import OrgUnit, Person, Role
from org.scope import UserScope
from plans.models import Plan
from reporting.models import Period, Report, WorkflowStatus
from reporting.selectors import reports_visible_q

PLACE_PREFIXES = ("UBND tỉnh ", "UBND xã ", "UBND phường ", "Ủy ban nhân dân ")


@dataclass
class NarrativeData:
    plan: Plan
    unit: OrgUnit
    parent: OrgUnit | None  # the body the report goes up to
    as_of: datetime.date
    period: Period | None  # the period being reported on, if one has begun
    overview: PlanOverview
    task_groups: list[tuple[str, list[TaskRow]]]
    # What a head has answered for: the unit's own report and its direct children's, approved
    # or accepted, in the period.
    reports: list[Report]
    place: str  # the place name of the date line ("Thống Nhất")
    head: Person | None  # who signs: the unit's head

    @property
    def signs_collectively(self) -> bool:
        """A province's or a commune's people's committee signs for the collective."""
        return self.unit.unit_type.code in ("tinh", "xa")

    @property
    def own_report(self) -> Report | None:
        return next((r for r in self.reports if r.unit_id == self.unit.pk), None)

    @property
    def child_reports(self) -> list[Report]:
        return [r for r in self.reports if r.unit_id != self.unit.pk]


def _place(unit: OrgUnit, plan: Plan) -> str:
    for prefix in PLACE_PREFIXES:
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    if plan.issuer_id == unit.pk and plan.place:
        return plan.place
    ancestors = OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("-depth")
    for ancestor in ancestors:
        for prefix in PLACE_PREFIXES:
            if ancestor.name.startswith(prefix):
                return ancestor.name[len(prefix) :]
    return "……"


def _period_of(plan: Plan, as_of: datetime.date) -> Period | None:
    """The period being reported on that day: the newest one begun by then."""
    return (
        Period.objects.filter(schedule__plan=plan, start__lte=as_of)
        .order_by("-start", "schedule_id")
        .first()
    )


def _head(unit: OrgUnit) -> Person | None:
    return (
        Person.objects.filter(
            user__role_assignments__unit=unit, user__role_assignments__role=Role.HEAD
        )
        .order_by("pk")
        .first()
    )


def narrative_data(
    *, scope: UserScope, plan: Plan, unit: OrgUnit | None = None, as_of: datetime.date | None = None
) -> NarrativeData:
    """The report of the unit looked from, for the period containing `as_of`: the targets'
    status, the task board, the narratives its head and its children's heads answered for."""
    as_of = as_of or timezone.localdate()
    overview = plan_overview(scope=scope, plan=plan, unit=unit, as_of=as_of)
    unit = overview.unit
    period = _period_of(plan, as_of)
    _unit_seen, groups = task_board(scope=scope, plan=plan, unit=unit)
    reports = []
    if period is not None:
        reports = list(
            Report.objects.filter(
                period=period,
                unit__path__startswith=unit.path,
                unit__depth__lte=unit.depth + 1,
                status__in=[WorkflowStatus.APPROVED, WorkflowStatus.ACCEPTED],
            )
            .filter(reports_visible_q(scope, "unit"))
            .select_related("unit")
            .order_by("unit__path")
        )
    return NarrativeData(
        plan=plan,
        unit=unit,
        parent=OrgUnit.objects.filter(path__in=unit.ancestor_paths()).order_by("-depth").first(),
        as_of=as_of,
        period=period,
        overview=overview,
        task_groups=groups,
        reports=reports,
        place=_place(unit, plan),
        head=_head(unit),
    )
