"""A plan's figures as every dashboard reads them: the plan's frame (targets, indicators and
their periods), the roll-ups' figures, and the `Judge` that gives every page the same verdict."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models.functions import Substr

from monitoring.status import Figure, Goal, Status, Verdict, target_status
from org.models import OrgUnit
from plans.models import Plan, Target
from registrations.models import RegisteredTarget, Registration
from reporting.models import (
    IndicatorRollup,
    Period,
    Schedule,
)

ZERO = Decimal(0)


@dataclass
class PlanFrame:
    """A plan's measurable targets, their indicators, and each indicator's periods."""

    plan: Plan
    targets: list[Target]
    periods: dict[int, Period]  # period id -> period
    indicator_periods: dict[int, list[int]]  # indicator id -> its primary schedule's period ids


def plan_frame(plan: Plan, as_of: datetime.date) -> PlanFrame:
    """Each indicator is read on the periods of the plan's first schedule that asks for it, so
    a monthly and a yearly schedule asking the same figure never count it twice."""
    targets = list(
        plan.targets.filter(indicator__isnull=False, value__isnull=False)
        .select_related("indicator")
        .order_by("order", "pk")
    )
    schedules = list(Schedule.objects.filter(plan=plan).order_by("pk").prefetch_related("items"))
    owner: dict[int, int] = {}
    for schedule in schedules:
        for item in schedule.items.all():
            owner.setdefault(item.indicator_id, schedule.pk)
    periods = {
        p.pk: p
        for p in Period.objects.filter(schedule__plan=plan, start__lte=as_of).order_by("end")
    }
    by_schedule: dict[int, list[int]] = defaultdict(list)
    for period in periods.values():
        by_schedule[period.schedule_id].append(period.pk)
    indicator_periods = {ind: by_schedule.get(sched, []) for ind, sched in owner.items()}
    return PlanFrame(plan, targets, periods, indicator_periods)


def figures_for(
    frame: PlanFrame, unit_ids: list[int], indicator_ids: list[int] | None = None
) -> dict[tuple[int, int], list[Figure]]:
    """(unit id, indicator id) -> figures in period order, from the roll-ups, in one query."""
    wanted = indicator_ids or [t.indicator_id for t in frame.targets]
    period_ids = sorted({p for ind in wanted for p in frame.indicator_periods.get(ind, [])})
    found: dict[tuple[int, int], list[Figure]] = defaultdict(list)
    if not period_ids or not unit_ids:
        return found
    allowed = {ind: set(frame.indicator_periods.get(ind, [])) for ind in wanted}
    rows = IndicatorRollup.objects.filter(
        unit_id__in=unit_ids, indicator_id__in=wanted, period_id__in=period_ids
    ).values_list(
        "unit_id",
        "indicator_id",
        "period_id",
        "value_sum",
        "numerator_sum",
        "denominator_sum",
        "value_count",
    )
    for unit_id, indicator_id, period_id, value, numerator, denominator, count in rows:
        if period_id not in allowed[indicator_id]:
            continue
        found[(unit_id, indicator_id)].append(
            Figure(frame.periods[period_id].end, value, numerator, denominator, count)
        )
    for figures in found.values():
        figures.sort(key=lambda f: f.period_end)
    return found


def registered_levels(unit_ids: list[int], plan: Plan, year: int) -> dict[tuple[int, int], Decimal]:
    """(unit id, target id) -> the level an approved registration committed to."""
    rows = RegisteredTarget.objects.filter(
        registration__unit_id__in=unit_ids,
        registration__plan=plan,
        registration__year=year,
        registration__status=Registration.Status.APPROVED,
        value__isnull=False,
    ).values_list("registration__unit_id", "target_id", "value")
    return {(unit_id, target_id): value for unit_id, target_id, value in rows}


@dataclass
class Judge:
    """Gives every page the same verdict for the same unit and target: the goal is the level
    the unit registered if it did, the target's otherwise, due when the plan's movement ends
    if the target names no year; a target for each unit is judged on its units one by one."""

    frame: PlanFrame
    as_of: datetime.date
    levels: dict[tuple[int, int], Decimal] = field(default_factory=dict)

    @property
    def end_year(self) -> int | None:
        movement = self.frame.plan.movement
        return movement.end_year if movement else None

    def goal(self, target: Target, unit_id: int) -> Goal:
        return Goal.of(target, self.levels.get((unit_id, target.pk)), self.end_year)

    def verdict(self, target: Target, unit_id: int, figures: list[Figure]) -> Verdict:
        return target_status(target.indicator, self.goal(target, unit_id), figures, self.as_of)

    def of_branch(
        self,
        target: Target,
        unit: OrgUnit,
        members: list[OrgUnit],
        figures: dict[tuple[int, int], list[Figure]],
    ) -> Verdict:
        """A target for each unit, seen from `unit` whose asked units are `members`: a unit
        that is its own only member is judged, and shown, on its own figure (6 models, not
        "100 %"); a branch of several on the share of its members meeting it."""
        if [m.pk for m in members] == [unit.pk]:
            return self.verdict(target, unit.pk, figures.get((unit.pk, target.indicator_id), []))
        return self.each_unit(target, members, figures)

    def each_unit(
        self, target: Target, units: list[OrgUnit], figures: dict[tuple[int, int], list[Figure]]
    ) -> Verdict:
        """A target every unit must meet by itself: the share of units meeting it, and the
        worst state among them (met only when all are)."""
        if not units:
            return Verdict(Status.NO_DATA)
        verdicts = [
            self.verdict(target, u.pk, figures.get((u.pk, target.indicator_id), [])) for u in units
        ]
        met = sum(1 for v in verdicts if v.status == Status.MET)
        judged = [v for v in verdicts if v.status != Status.NO_DATA]
        if not judged:
            return Verdict(Status.NO_DATA)
        if met == len(verdicts):
            status = Status.MET
        elif any(v.status == Status.MISSED for v in verdicts):
            status = Status.MISSED
        elif any(v.status in (Status.AT_RISK, Status.NO_DATA) for v in verdicts):
            status = Status.AT_RISK
        else:
            status = Status.ON_TRACK
        verdict = Verdict(
            status,
            current=Decimal(met) * 100 / len(verdicts),
            as_of_period=max(v.as_of_period for v in judged),
        )
        verdict.units_met, verdict.units_judged = met, len(verdicts)
        # The units whose own figures were judged: "18/18 đạt" stands next to "18/18 có số
        # liệu", never next to the count of one month's reports.
        verdict.units_with_data = len(judged)
        return verdict

    def each_unit_trend(
        self,
        target: Target,
        units: list[OrgUnit],
        figures: dict[tuple[int, int], list[Figure]],
        ends: list[datetime.date],
    ) -> dict[datetime.date, Decimal]:
        """Period end -> the share of `units` (in %) that met the target on their own figures
        up to that day: the trend of a target for each unit, never the sum of their figures
        (12 → 118 models plotted against "01 mô hình")."""
        if not units:
            return {}
        shares = {}
        for end in ends:
            met = 0
            for unit in units:
                own = figures.get((unit.pk, target.indicator_id), [])
                own = [f for f in own if f.period_end <= end]
                goal = self.goal(target, unit.pk)
                if own and target_status(target.indicator, goal, own, end).status == Status.MET:
                    met += 1
            shares[end] = Decimal(met) * 100 / len(units)
        return shares


def asked_units(plan: Plan, unit: OrgUnit, indicator_ids, as_of) -> dict[int, list[OrgUnit]]:
    """indicator id -> the active units of `unit`'s subtree that are asked for it."""
    types = asked_types(plan)
    wanted = set().union(*(types.get(i, set()) for i in indicator_ids)) if indicator_ids else set()
    units = list(
        OrgUnit.objects.active_on(as_of)
        .filter(path__startswith=unit.path, unit_type__in=wanted)
        .only("pk", "path", "depth", "unit_type", "name")
    )
    return {i: [u for u in units if u.unit_type_id in types.get(i, set())] for i in indicator_ids}


def recent_frame(frame: PlanFrame, periods: int = 13) -> PlanFrame:
    """The frame cut to its last periods: enough for a trend and for the year so far."""
    return PlanFrame(
        frame.plan,
        frame.targets,
        frame.periods,
        {ind: ids[-periods:] for ind, ids in frame.indicator_periods.items()},
    )


def units_frame(plan: Plan, as_of: datetime.date) -> PlanFrame:
    """The frame of the pages that judge many units side by side: the heat map, and evaluation's
    share of targets met (evaluation.computed), which must show a unit the verdict the heat map
    shows it on the same day. Its last 13 periods begun by `as_of`: the trend and the year so
    far, in January still December's; a figure older than that is no verdict."""
    return recent_frame(plan_frame(plan, as_of))


def asked_types(plan: Plan) -> dict[int, set[int]]:
    """indicator id -> the unit types its (first) schedule asks it from."""
    found: dict[int, set[int]] = {}
    for schedule in (
        Schedule.objects.filter(plan=plan)
        .order_by("pk")
        .prefetch_related("unit_types", "items__unit_types")
    ):
        schedule_types = {t.pk for t in schedule.unit_types.all()}
        for item in schedule.items.all():
            if item.indicator_id not in found:
                found[item.indicator_id] = {t.pk for t in item.unit_types.all()} or schedule_types
    return found


def subtree_types(unit: OrgUnit, as_of: datetime.date) -> dict[int, set[int]]:
    """child id -> the unit types found in that child's subtree (itself included), in one
    grouped query over the materialised paths."""
    width = OrgUnit.steplen * (unit.depth + 1)
    rows = (
        OrgUnit.objects.active_on(as_of)
        .filter(path__startswith=unit.path, depth__gt=unit.depth)
        .order_by()
        .annotate(branch=Substr("path", 1, width))
        .values_list("branch", "unit_type")
        .distinct()
    )
    by_path: dict[str, set[int]] = defaultdict(set)
    for branch, unit_type in rows:
        by_path[branch].add(unit_type)
    ids = dict(OrgUnit.objects.filter(path__in=list(by_path)).values_list("path", "pk"))
    return {ids[path]: types for path, types in by_path.items() if path in ids}
