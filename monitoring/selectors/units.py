"""A unit's page: its targets, the tasks it updates, how it reported."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from monitoring.selectors.overview import (
    TargetLine,
    plan_overview,
)
from org.models import OrgUnit
from org.scope import UserScope
from plans.models import Plan, Task, TaskStatus
from reporting.models import (
    Report,
    Schedule,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.selectors import (
    schedule_tasks,
    tasks_for_unit,
    unit_timeliness,
)
from reporting.timeliness import Tally

Timeliness = Tally  # how a unit reported: counted by reporting's one rule of lateness


@dataclass
class UnitPage:
    unit: OrgUnit
    as_of: datetime.date
    plans: list[tuple[Plan, list[TargetLine]]]
    tasks: list[tuple[Task, TaskUpdate | None]]
    timeliness: Timeliness
    recent_reports: list[Report]


def unit_page(*, scope: UserScope, unit: OrgUnit, as_of: datetime.date | None = None) -> UnitPage:
    """A unit's targets (each plan it reports under, its own figures against the target or its
    registered level), the tasks it updates with their latest state, its reporting timeliness."""
    as_of = as_of or timezone.localdate()
    lineage = [*unit.ancestor_paths(), unit.path]
    schedules = list(
        Schedule.objects.filter(is_active=True)
        .filter(
            Q(plan__issuer__path__in=lineage, unit_types=unit.unit_type_id) | Q(plan__issuer=unit)
        )
        .select_related("plan__issuer")
        .prefetch_related("unit_types")
        .distinct()
        .order_by("plan__issuer__path", "pk")
    )
    plans = []
    seen = set()
    for schedule in schedules:
        plan = schedule.plan
        if plan.pk in seen:
            continue
        seen.add(plan.pk)
        overview = plan_overview(scope=scope, plan=plan, unit=unit, as_of=as_of)
        plans.append((plan, [line for line in overview.lines if line.expected_units]))
    tasks = []
    for schedule in schedules:
        if unit.unit_type_id in {t.pk for t in schedule.unit_types.all()}:
            tasks.extend(
                t for t in tasks_for_unit(schedule_tasks(schedule), unit) if t not in tasks
            )
    latest: dict[int, TaskUpdate] = {}
    for update in (
        TaskUpdate.objects.filter(report__unit=unit, task__in=tasks)
        .exclude(report__status=WorkflowStatus.DRAFT)
        .select_related("report__period")
        .order_by("report__period__start")
    ):
        latest[update.task_id] = update
    today = timezone.localdate()
    tasks.sort(
        key=lambda t: (
            not (t.due_date and t.due_date < today and t.status != TaskStatus.DONE),
            t.due_date or datetime.date.max,
        )
    )
    timeliness = unit_timeliness(unit=unit, schedules=schedules, year=as_of.year, today=today)
    recent = list(
        Report.objects.filter(unit=unit).select_related("period").order_by("-period__start")[:12]
    )
    return UnitPage(
        unit=unit,
        as_of=as_of,
        plans=plans,
        tasks=[(t, latest.get(t.pk)) for t in tasks],
        timeliness=timeliness,
        recent_reports=recent,
    )
