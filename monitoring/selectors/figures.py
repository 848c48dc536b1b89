"""A plan's figures as every dashboard reads them: the plan's frame (targets, indicators and
their periods), the roll-ups' figures, and the `Judge` that gives every page the same verdict."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, F, Q, Value, When, Window
from django.db.models.functions import RowNumber, Substr

from monitoring.status import (
    RECENT_PERIODS,
    Figure,
    Goal,
    Status,
    Verdict,
    first_point,
    target_status,
)
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


Ask = tuple[list[int], list[int] | None]  # (unit ids, indicator ids or None for all the plan's)


@dataclass
class Judge:
    """The one decision of a verdict, for every page and for evaluation: the same unit and target
    get the same status and value on the overview, the target page, the unit page, the heat map
    and the share of targets met (issue 10 §4).

    The goal is the level the unit registered if it did, the target's otherwise, due when the
    plan's movement ends if the target names no year. The figures judged are those of the last
    `RECENT_PERIODS` periods begun by the day judged (the due day, once past); the baseline of a
    change and the start of the path are the first figure the unit ever reported, read for all
    the units at once (`figures`). A target for each unit is judged on its units one by one."""

    frame: PlanFrame
    as_of: datetime.date
    levels: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    # (unit id, indicator id) -> the first figure ever reported, filled by `figures`.
    firsts: dict[tuple[int, int], Figure] = field(default_factory=dict)
    # (target id, day, span) -> the window's period ids: a heat map asks it of every unit.
    _windows: dict = field(default_factory=dict, repr=False)

    @property
    def end_year(self) -> int | None:
        movement = self.frame.plan.movement
        return movement.end_year if movement else None

    def goal(self, target: Target, unit_id: int | None) -> Goal:
        return Goal.of(target, self.levels.get((unit_id, target.pk)), self.end_year)

    def window(
        self, target: Target, on: datetime.date | None = None, span: int = RECENT_PERIODS
    ) -> list[int]:
        """The ids of the periods a verdict on `on` reads: the indicator's last `span` periods
        begun by then, up to the due day once it is past (what came later neither saves nor
        spoils a target)."""
        on = on or self.as_of
        key = (target.pk, on, span)
        if key not in self._windows:
            due = self.goal(target, None).due
            until = due if due is not None and on > due else None
            periods = self.frame.periods
            ids = [
                p
                for p in self.frame.indicator_periods.get(target.indicator_id, [])
                if periods[p].start <= on and (until is None or periods[p].end <= until)
            ]
            self._windows[key] = ids[-span:]
        return self._windows[key]

    def figures(
        self, *asks: Ask, history_of: int | None = None, span: int = RECENT_PERIODS
    ) -> dict[tuple[int, int], list[Figure]]:
        """(unit id, indicator id) -> the figures of the periods the verdicts read, for each
        (units, indicators) asked; and the first figure of each, kept for `reading`: one query.
        `history_of`: a unit whose whole history is read too (a trend chart)."""
        periods_of: dict[int, set[int]] = defaultdict(set)
        for target in self.frame.targets:
            periods_of[target.indicator_id].update(self.window(target, span=span))
        everything = [t.indicator_id for t in self.frame.targets]
        recent = Q(pk__in=[])
        ever = Q(pk__in=[])
        asked: set[int] = set()
        for unit_ids, indicator_ids in asks:
            indicator_ids = sorted(set(indicator_ids or everything))
            asked.update(indicator_ids)
            ids = sorted({p for i in indicator_ids for p in periods_of.get(i, ())})
            recent |= Q(unit_id__in=unit_ids, indicator_id__in=indicator_ids, period_id__in=ids)
            ever |= Q(unit_id__in=unit_ids, indicator_id__in=indicator_ids)
        allowed = {i: set(self.frame.indicator_periods.get(i, [])) for i in asked}
        if history_of is not None:
            recent |= Q(unit_id=history_of, indicator_id__in=asked)
        found, firsts = _read(self.frame, ever, recent, allowed)
        self.firsts.update(firsts)
        return found

    def reading(
        self,
        target: Target,
        unit_id: int,
        figures: dict[tuple[int, int], list[Figure]],
        on: datetime.date | None = None,
    ) -> Verdict:
        """The verdict on a unit's own figures: only the window's, from the first figure."""
        on = on or self.as_of
        ends = self._ends(target, on)
        key = (unit_id, target.indicator_id)
        own = [f for f in figures.get(key, []) if f.period_end in ends]
        first = first_point(target.indicator, self.firsts.get(key))
        return target_status(target.indicator, self.goal(target, unit_id), own, on, first=first)

    def _ends(self, target: Target, on: datetime.date) -> frozenset[datetime.date]:
        key = ("ends", target.pk, on)
        if key not in self._windows:
            periods = self.frame.periods
            self._windows[key] = frozenset(periods[p].end for p in self.window(target, on))
        return self._windows[key]

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
            return self.reading(target, unit.pk, figures)
        return self.each_unit(target, members, figures)

    def each_unit(
        self, target: Target, units: list[OrgUnit], figures: dict[tuple[int, int], list[Figure]]
    ) -> Verdict:
        """A target every unit must meet by itself: the share of units meeting it, and the
        worst state among them (met only when all are)."""
        if not units:
            return Verdict(Status.NO_DATA)
        verdicts = [self.reading(target, u.pk, figures) for u in units]
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
        as judged on that day: the trend of a target for each unit, never the sum of their
        figures (12 → 118 models plotted against "01 mô hình"). Only the ends of the window
        judged today: `figures` must reach `RECENT_PERIODS` further back (`span`)."""
        if not units:
            return {}
        periods = self.frame.periods
        recent = {periods[p].end for p in self.window(target)}
        shares = {}
        for end in ends:
            if end not in recent:
                continue
            met = sum(
                1
                for unit in units
                if self.reading(target, unit.pk, figures, on=end).status == Status.MET
            )
            shares[end] = Decimal(met) * 100 / len(units)
        return shares


def _read(frame: PlanFrame, ever: Q, recent: Q, allowed: dict[int, set[int]]):
    """The rows `recent` asks for, and the first figure with a value of each pair `ever` asks
    for, of the indicator's own periods begun by the frame's day, in one query: every row of a
    pair numbered in period order (ROW_NUMBER), the recent ones and the first kept."""
    found: dict[tuple[int, int], list[Figure]] = defaultdict(list)
    firsts: dict[tuple[int, int], Figure] = {}
    if not allowed:
        return found, firsts
    # Indicators of one schedule share their periods: one condition per set of periods, not
    # one per indicator (60 indicators x 60 periods made 3,600 parameters that the driver
    # parsed on every dashboard, bench/README.md).
    sharing: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for indicator_id, period_ids in sorted(allowed.items()):
        sharing[tuple(sorted(period_ids))].append(indicator_id)
    own_periods = Q(pk__in=[])
    for period_ids, indicator_ids in sharing.items():
        own_periods |= Q(indicator_id__in=indicator_ids, period_id__in=period_ids)
    known = Q(value_count__gt=0)
    ratios = sorted({t.indicator_id for t in frame.targets if t.indicator.is_ratio})
    if ratios:
        # A ratio over nothing has no value (`value_of`): it is no first figure.
        known &= ~Q(indicator_id__in=ratios, denominator_sum=0)
    rows = (
        IndicatorRollup.objects.filter(ever & own_periods)
        .annotate(known=Case(When(known, then=Value(True)), default=Value(False)))
        .annotate(
            order=Window(
                RowNumber(),
                partition_by=[F("unit_id"), F("indicator_id"), F("known")],
                order_by=F("period__end").asc(),
            )
        )
        .filter(recent | Q(order=1, known=True))
        .values_list(*FIGURE_FIELDS, "order", "known")
    )
    for unit_id, indicator_id, period_id, value, numerator, denominator, count, n, ok in rows:
        figure = Figure(frame.periods[period_id].end, value, numerator, denominator, count)
        if n == 1 and ok:
            firsts[(unit_id, indicator_id)] = figure
        found[(unit_id, indicator_id)].append(figure)
    for figures in found.values():
        figures.sort(key=lambda f: f.period_end)
    return found, firsts


FIGURE_FIELDS = (
    "unit_id",
    "indicator_id",
    "period_id",
    "value_sum",
    "numerator_sum",
    "denominator_sum",
    "value_count",
)


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
