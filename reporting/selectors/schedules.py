"""Reads of schedules and periods, and of what a unit reports under a schedule (its lines)."""

import time

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from org.models import OrgUnit
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Task
from reporting.models import (
    Period,
    Schedule,
    ScheduleIndicator,
)


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
