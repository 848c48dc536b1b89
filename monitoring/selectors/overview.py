"""A plan seen from a unit: every target with its status (the overview), and the units directly
below × the targets (the heat map)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from indicators.models import Indicator
from monitoring.selectors.figures import (
    Judge,
    PlanFrame,
    asked_types,
    asked_units,
    plan_frame,
    registered_levels,
    subtree_types,
)
from monitoring.selectors.viewpoint import viewpoint
from monitoring.status import Status, Verdict
from org.models import OrgUnit
from org.scope import UserScope
from org.selectors import in_block_on_q
from plans.models import Plan, Target
from reporting.models import (
    Schedule,
)
from reporting.selectors import reports_visible_q


@dataclass
class TargetLine:
    target: Target
    verdict: Verdict
    expected_units: int = 0
    reporting_units: int = 0

    @property
    def indicator(self) -> Indicator:
        return self.target.indicator

    @property
    def units_without_data(self) -> int:
        return max(0, self.expected_units - self.reporting_units)

    @property
    def units_met(self) -> int | None:
        return getattr(self.verdict, "units_met", None)


@dataclass
class PlanOverview:
    plan: Plan
    unit: OrgUnit
    as_of: datetime.date
    lines: list[TargetLine]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Status.ORDER, 0)
        for line in self.lines:
            counts[line.verdict.status] += 1
        return counts

    @property
    def at_risk(self) -> list[TargetLine]:
        return [line for line in self.lines if line.verdict.status == Status.AT_RISK]


def _expected_reporters(unit: OrgUnit, frame: PlanFrame, as_of: datetime.date) -> dict[int, int]:
    """indicator id -> how many units of `unit`'s subtree are asked for it (their types)."""
    items = (
        Schedule.objects.filter(plan=frame.plan)
        .order_by("pk")
        .values_list("pk", "items__indicator_id", "items__unit_types", "unit_types")
    )
    types: dict[int, set[int]] = defaultdict(set)
    item_types: dict[int, set[int]] = defaultdict(set)
    first_schedule: dict[int, int] = {}
    for schedule_id, indicator_id, item_type, schedule_type in items:
        if indicator_id is None:
            continue
        first_schedule.setdefault(indicator_id, schedule_id)
        if first_schedule[indicator_id] != schedule_id:
            continue
        if schedule_type:
            types[indicator_id].add(schedule_type)
        if item_type:
            item_types[indicator_id].add(item_type)
    counts_by_type = dict(
        OrgUnit.objects.active_on(as_of)
        .filter(path__startswith=unit.path)
        .order_by()
        .values("unit_type")
        .annotate(n=Count("pk"))
        .values_list("unit_type", "n")
    )
    return {
        indicator_id: sum(
            counts_by_type.get(t, 0) for t in item_types.get(indicator_id) or schedule_types
        )
        for indicator_id, schedule_types in types.items()
    }


def plan_overview(
    *,
    scope: UserScope,
    plan: Plan,
    unit: OrgUnit | None = None,
    as_of: datetime.date | None = None,
) -> PlanOverview:
    """Every measurable target of a plan with its current value, path and status for the unit
    the user looks from, at-risk targets first; in a fixed handful of queries."""
    as_of = as_of or timezone.localdate()
    unit = viewpoint(scope, plan, unit)
    frame = plan_frame(plan, as_of)
    expected = _expected_reporters(unit, frame, as_of)
    each = [t for t in frame.targets if t.applies_to_each_unit]
    per_unit = asked_units(plan, unit, [t.indicator_id for t in each], as_of) if each else {}
    every = sorted({u.pk for units in per_unit.values() for u in units} | {unit.pk})
    judge = Judge(frame, as_of, registered_levels(every, plan, as_of.year))
    asks = [([unit.pk], None)]
    if each:
        asks.append((every, sorted({t.indicator_id for t in each})))
    figures = judge.figures(*asks)
    lines = []
    for target in frame.targets:
        series = figures.get((unit.pk, target.indicator_id), [])
        if target.applies_to_each_unit:
            members = per_unit.get(target.indicator_id, [])
            verdict = judge.of_branch(target, unit, members, figures)
        else:
            verdict = judge.reading(target, unit.pk, figures)
        reporting = getattr(verdict, "units_with_data", None)
        if reporting is None:
            used = next((f for f in series if f.period_end == verdict.as_of_period), None)
            reporting = used.count if used else 0
        lines.append(
            TargetLine(
                target=target,
                verdict=verdict,
                expected_units=expected.get(target.indicator_id, 0),
                reporting_units=reporting,
            )
        )
    lines.sort(key=lambda line: (Status.ORDER[line.verdict.status], line.target.order))
    return PlanOverview(plan=plan, unit=unit, as_of=as_of, lines=lines)


@dataclass
class HeatMap:
    plan: Plan
    unit: OrgUnit
    targets: list[Target]
    rows: list[tuple[OrgUnit, list[Verdict | None]]]


def heat_map(
    *,
    scope: UserScope,
    plan: Plan,
    unit: OrgUnit | None = None,
    as_of: datetime.date | None = None,
    block_id: int | None = None,
    unit_type_id: int | None = None,
) -> HeatMap:
    """The units directly below × the plan's targets, each cell the unit's status against the
    target (or the level it registered), judged as on every other page (`Judge`)."""
    as_of = as_of or timezone.localdate()
    unit = viewpoint(scope, plan, unit)
    frame = plan_frame(plan, as_of)
    children = (
        OrgUnit.objects.active_on(as_of)
        .filter(path__startswith=unit.path, depth=unit.depth + 1)
        .filter(reports_visible_q(scope, ""))
        .select_related("block", "unit_type")
        .order_by("path")
    )
    if block_id:
        children = children.filter(in_block_on_q(block_id, as_of))
    if unit_type_id:
        children = children.filter(unit_type_id=unit_type_id)
    asked = asked_types(plan)
    branch_types = subtree_types(unit, as_of)
    everyone_asked = set().union(*asked.values()) if asked else set()
    children = [c for c in children if branch_types.get(c.pk, set()) & everyone_asked]
    each = [t for t in frame.targets if t.applies_to_each_unit]
    members = asked_units(plan, unit, [t.indicator_id for t in each], as_of) if each else {}
    ids = sorted({c.pk for c in children} | {m.pk for ms in members.values() for m in ms})
    judge = Judge(frame, as_of, registered_levels(ids, plan, as_of.year))
    figures = judge.figures((ids, None))
    rows = []
    for child in children:
        cells = []
        for target in frame.targets:
            if not branch_types.get(child.pk, set()) & asked.get(target.indicator_id, set()):
                cells.append(None)  # not asked of this branch: no cell, not a red one
                continue
            if target.applies_to_each_unit:
                branch = [
                    m for m in members.get(target.indicator_id, []) if m.path.startswith(child.path)
                ]
                cells.append(judge.of_branch(target, child, branch, figures))
            else:
                cells.append(judge.reading(target, child.pk, figures))
        rows.append((child, cells))
    return HeatMap(plan=plan, unit=unit, targets=frame.targets, rows=rows)
