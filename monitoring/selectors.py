"""Reads behind the dashboards: targets with their status, drill-down to units and reports,
the heat map, a unit's page and the task board. Every read goes through the user's scope; the
figures come from the roll-ups, so a province of 1,650 units costs a handful of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.models import Indicator
from monitoring.status import Figure, Goal, Status, Verdict, adds_up, target_status
from org.models import OrgUnit
from org.scope import UserScope, get_in_scope_or_404
from org.selectors import in_block_on_q
from plans.models import Plan, Target, Task, TaskStatus, task_status_of
from plans.selectors import visible_plans_q
from registrations.models import RegisteredTarget, Registration
from reporting.models import (
    IndicatorRollup,
    Period,
    Report,
    ReportValue,
    Schedule,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.selectors import (
    reports_visible,
    reports_visible_q,
    schedule_tasks,
    tasks_for_unit,
    unit_timeliness,
)
from reporting.timeliness import Tally

ZERO = Decimal(0)


# --- Which unit a person looks at ------------------------------------------------------------


def monitored_plans(*, scope: UserScope) -> QuerySet[Plan]:
    """Plans with a reporting schedule that the user can see."""
    return (
        Plan.objects.filter(visible_plans_q(scope), schedules__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "-created_at")
    )


def plan_in_scope(*, scope: UserScope, pk: int) -> Plan:
    queryset = Plan.objects.select_related("issuer", "movement")
    return get_in_scope_or_404(queryset, visible_plans_q(scope), pk=pk)


def viewpoint(scope: UserScope, plan: Plan, unit: OrgUnit | None = None) -> OrgUnit:
    """The unit whose figures a dashboard of `plan` shows: the one asked for if the user may
    read its reports, else the plan's issuer if they may, else the user's own unit below the
    issuer (a commune sees the province's targets with its own figures, never the province's).
    Figures, task states and lateness are read by the rule of reports (reports_visible_q): a
    commune's reporter sees the commune's, not its villages' one by one."""
    issuer = plan.issuer
    if issuer is None:
        raise Http404
    if unit is not None:
        if not unit.path.startswith(issuer.path) or not reports_visible(scope, unit):
            raise Http404
        return unit
    if reports_visible(scope, issuer):
        return issuer
    below = [g.unit_id for g in scope.grants if g.unit_path.startswith(issuer.path)]
    readable = {u.pk: u for u in OrgUnit.objects.filter(reports_visible_q(scope, ""), pk__in=below)}
    for unit_id in below:
        if unit_id in readable:
            return readable[unit_id]
    raise Http404


def readable_plans(*, scope: UserScope, plans, limit: int) -> list[Plan]:
    """The first `limit` plans among `plans` of which the user reads some unit's figures (a
    block leader with no other role reads none: viewpoint refuses them)."""
    readable = []
    for plan in plans:
        if len(readable) == limit:
            break
        try:
            viewpoint(scope, plan)
        except Http404:
            continue
        readable.append(plan)
    return readable


def unit_in_scope(*, scope: UserScope, pk: int) -> OrgUnit:
    """A unit whose figures the user may read: the units whose reports they may read."""
    return get_in_scope_or_404(
        OrgUnit.objects.select_related("unit_type", "block"), reports_visible_q(scope, ""), pk=pk
    )


# --- Figures -----------------------------------------------------------------------------------


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


def _recent(frame: PlanFrame, periods: int = 13) -> PlanFrame:
    """The frame cut to its last periods: enough for a trend and for the year so far."""
    return PlanFrame(
        frame.plan,
        frame.targets,
        frame.periods,
        {ind: ids[-periods:] for ind, ids in frame.indicator_periods.items()},
    )


# --- Plan overview -----------------------------------------------------------------------------


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
    figures = figures_for(frame, [unit.pk])
    expected = _expected_reporters(unit, frame, as_of)
    each = [t for t in frame.targets if t.applies_to_each_unit]
    per_unit = asked_units(plan, unit, [t.indicator_id for t in each], as_of) if each else {}
    every = sorted({u.pk for units in per_unit.values() for u in units} | {unit.pk})
    judge = Judge(frame, as_of, registered_levels(every, plan, as_of.year))
    if each:
        figures.update(figures_for(_recent(frame), every, sorted({t.indicator_id for t in each})))
    lines = []
    for target in frame.targets:
        series = figures.get((unit.pk, target.indicator_id), [])
        if target.applies_to_each_unit:
            members = per_unit.get(target.indicator_id, [])
            verdict = judge.of_branch(target, unit, members, figures)
        else:
            verdict = judge.verdict(target, unit.pk, series)
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


# --- A target, with the units below it -------------------------------------------------------


@dataclass
class UnitFigure:
    unit: OrgUnit
    value: Decimal | None
    verdict: Verdict
    share: Decimal | None  # part of the parent's total (numerators for a ratio), in %
    has_children: bool


@dataclass
class TargetDetail:
    target: Target
    unit: OrgUnit
    as_of: datetime.date
    verdict: Verdict
    trend: list[dict]  # {"period": label, "end": date, "value": .., "path": ..}
    children: list[UnitFigure]
    without_data: list[OrgUnit]
    reports: list[Report]
    ancestors: list[OrgUnit] = field(default_factory=list)
    goal: Goal | None = None
    without_data_total: int = 0
    reports_total: int = 0
    # A target for each unit seen from a branch: the figure is the share of units meeting it.
    share_of_units: bool = False

    @property
    def sources_by_period(self) -> bool:
        """The figure adds up over the year: its sources are every month's reports so far."""
        return adds_up(self.target.indicator)


def target_in_scope(*, scope: UserScope, pk: int) -> Target:
    queryset = Target.objects.select_related("plan__issuer", "plan__movement", "indicator")
    target = get_in_scope_or_404(
        queryset, Q(plan__in=Plan.objects.filter(visible_plans_q(scope))), pk=pk
    )
    if target.indicator_id is None or target.value is None:
        raise Http404
    return target


def _contribution(kind: str, figure: Figure | None, total: Figure | None) -> Decimal | None:
    if figure is None or total is None:
        return None
    if kind == Indicator.Kind.RATIO:
        part, whole = figure.numerator_sum, total.numerator_sum
    else:
        part, whole = figure.value_sum, total.value_sum
    return part * 100 / whole if whole else None


def _period_figure(figures: list[Figure], day: datetime.date | None) -> Figure | None:
    return next((f for f in figures if f.period_end == day), None)


def target_detail(
    *,
    scope: UserScope,
    target: Target,
    unit: OrgUnit | None = None,
    as_of: datetime.date | None = None,
    by_share: bool = False,
) -> TargetDetail:
    """A target seen from a unit: its trend against the path, the units directly below ranked
    by their figure (or by their share of the total: `by_share`) with that share, the units
    asked for it that sent nothing in the latest period, and the accepted reports the latest
    figure came from."""
    as_of = as_of or timezone.localdate()
    plan = target.plan
    unit = viewpoint(scope, plan, unit)
    frame = plan_frame(plan, as_of)
    indicator = target.indicator
    children = list(
        OrgUnit.objects.active_on(as_of)
        .filter(path__startswith=unit.path, depth=unit.depth + 1)
        .filter(reports_visible_q(scope, ""))
        .select_related("unit_type")
        .order_by("path")
    )
    each = target.applies_to_each_unit
    members = asked_units(plan, unit, [indicator.pk], as_of)[indicator.pk] if each else []
    ids = sorted({unit.pk, *[c.pk for c in children], *[m.pk for m in members]})
    figures = figures_for(_recent(frame) if each else frame, ids, [indicator.pk])
    if each:
        figures.update(figures_for(frame, [unit.pk], [indicator.pk]))
    judge = Judge(frame, as_of, registered_levels(ids, plan, as_of.year))
    own = figures.get((unit.pk, indicator.pk), [])
    if each:
        verdict = judge.of_branch(target, unit, members, figures)
        verdict.points = judge.verdict(target, unit.pk, own).points
    else:
        verdict = judge.verdict(target, unit.pk, own)
    paths = _trend_rows(frame, judge.goal(target, unit.pk), indicator, own, verdict, as_of)
    share_of_units = each and [m.pk for m in members] != [unit.pk]
    if share_of_units:
        # Each period: the share of the units that met it by then, against 100 %.
        shares = judge.each_unit_trend(target, members, figures, [row["end"] for row in paths])
        for row in paths:
            row["value"], row["path"] = shares.get(row["end"]), None
    latest_day = verdict.as_of_period
    total = _period_figure(own, latest_day)
    asked = asked_types(plan).get(indicator.pk, set())
    branch_types = subtree_types(unit, as_of)
    rows = []
    for child in children:
        series = figures.get((child.pk, indicator.pk), [])
        if not series and not (branch_types.get(child.pk, set()) & asked):
            continue  # nobody in that branch is asked for this figure
        if each:
            branch = [m for m in members if m.path.startswith(child.path)]
            child_verdict = judge.of_branch(target, child, branch, figures)
        else:
            child_verdict = judge.verdict(target, child.pk, series)
        rows.append(
            UnitFigure(
                unit=child,
                value=child_verdict.current,
                verdict=child_verdict,
                share=_contribution(indicator.kind, _period_figure(series, latest_day), total),
                has_children=child.numchild > 0,
            )
        )
    lower_better = judge.goal(target, unit.pk).lower_is_better or indicator.kind == "rank"
    if each:
        lower_better = False  # a share of units meeting the target: more is better
    rows.sort(
        key=lambda r: (
            r.value is None,
            (r.value if lower_better else -r.value) if r.value is not None else 0,
        )
    )
    if by_share:  # who weighs most in the total (stable: equal shares keep the order above)
        rows.sort(key=lambda r: (r.share is None, -(r.share or 0)))
    latest_period = next(
        (
            frame.periods[p]
            for p in reversed(frame.indicator_periods.get(indicator.pk, []))
            if frame.periods[p].end == latest_day
        ),
        None,
    )
    without, without_total, reports, reports_total = _gaps_and_sources(
        frame, unit, indicator, latest_period, scope
    )
    ancestors = list(
        OrgUnit.objects.filter(path__in=unit.ancestor_paths(), path__startswith=plan.issuer.path)
        .filter(reports_visible_q(scope, ""))
        .order_by("depth")
    )
    return TargetDetail(
        target=target,
        unit=unit,
        as_of=as_of,
        verdict=verdict,
        trend=paths,
        children=rows,
        without_data=without,
        reports=reports,
        without_data_total=without_total,
        reports_total=reports_total,
        ancestors=ancestors,
        goal=judge.goal(target, unit.pk),
        share_of_units=share_of_units,
    )


def _trend_rows(frame, goal: Goal, indicator, own, verdict, as_of) -> list[dict]:
    """Each period's value against the path of the same goal the verdict used."""
    from monitoring.status import adds_up, path_value, series

    goal = verdict.goal or goal  # a change counted from the first figure keeps that start
    rank = indicator.kind == Indicator.Kind.RANK
    values = dict(series(indicator, own))
    first = verdict.points[0] if verdict.points else None
    rows = []
    for period_id in frame.indicator_periods.get(indicator.pk, []):
        period = frame.periods[period_id]
        if period.end > as_of and period.start > as_of:
            continue
        rows.append(
            {
                "period": period.label,
                "end": period.end,
                "value": values.get(period.end),
                "path": path_value(
                    goal, period.end, first=first, flow=adds_up(indicator), rank=rank
                ),
            }
        )
    return rows


WITHOUT_DATA_SHOWN = 500
SOURCES_SHOWN = 200


def _gaps_and_sources(frame, unit, indicator, period, scope):
    """Units asked for the indicator that sent nothing in the period, and the accepted reports
    its figure came from (first 200)."""
    if period is None:
        return [], 0, [], 0
    schedule = period.schedule
    item = schedule.items.filter(indicator=indicator).prefetch_related("unit_types").first()
    types = [t.pk for t in item.unit_types.all()] if item else []
    types = types or list(schedule.unit_types.values_list("pk", flat=True))
    asked = (
        OrgUnit.objects.active_on(timezone.localdate())
        .filter(path__startswith=unit.path, unit_type__in=types)
        .filter(reports_visible_q(scope, ""))
        .order_by("path")
    )
    sent = ReportValue.objects.filter(
        report__period=period,
        report__status=WorkflowStatus.ACCEPTED,
        indicator=indicator,
    ).values("report__unit_id")
    missing = asked.exclude(pk__in=sent)
    without = list(missing[:WITHOUT_DATA_SHOWN])
    # The lists are cut for the page; their counts are not (one more query only when cut).
    without_total = missing.count() if len(without) == WITHOUT_DATA_SHOWN else len(without)
    # A figure that adds up over the year (models, dossiers) comes from every report of the
    # year so far, not from the last month's alone.
    periods = [period.pk]
    if adds_up(indicator):
        periods = [
            pk
            for pk in frame.indicator_periods.get(indicator.pk, [])
            if frame.periods[pk].end.year == period.end.year and frame.periods[pk].end <= period.end
        ] or [period.pk]
    reports = (
        Report.objects.filter(
            period__in=periods,
            status=WorkflowStatus.ACCEPTED,
            unit__path__startswith=unit.path,
            values__indicator=indicator,
        )
        .filter(reports_visible_q(scope, "unit"))
        .select_related("unit", "period")
        .prefetch_related(
            Prefetch("values", queryset=ReportValue.objects.filter(indicator=indicator))
        )
        .order_by("unit__path", "period__start")
    )
    shown = list(reports[:SOURCES_SHOWN])
    reports_total = reports.count() if len(shown) == SOURCES_SHOWN else len(shown)
    return without, without_total, shown, reports_total


# --- Heat map ----------------------------------------------------------------------------------


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
    target (or the level it registered). The last 13 periods, one query: enough for the trend
    and the year so far, and in January still December's figures, as on the other pages."""
    as_of = as_of or timezone.localdate()
    unit = viewpoint(scope, plan, unit)
    frame = _recent(plan_frame(plan, as_of))
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
    figures = figures_for(frame, ids)
    judge = Judge(frame, as_of, registered_levels(ids, plan, as_of.year))
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
                series = figures.get((child.pk, target.indicator_id), [])
                cells.append(judge.verdict(target, child.pk, series))
        rows.append((child, cells))
    return HeatMap(plan=plan, unit=unit, targets=frame.targets, rows=rows)


# --- A unit's page -----------------------------------------------------------------------------


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


# --- Task board --------------------------------------------------------------------------------


@dataclass
class TaskRow:
    task: Task
    updates: list[TaskUpdate]

    @property
    def is_overdue(self) -> bool:
        """Past its deadline and not done by what the row shows."""
        return self.task.is_overdue and self.status != TaskStatus.DONE

    @property
    def done_count(self) -> int:
        return sum(1 for u in self.updates if u.status == TaskUpdate.Status.DONE)

    @property
    def average_progress(self) -> Decimal | None:
        if not self.updates:
            return None
        return Decimal(sum(u.progress for u in self.updates)) / len(self.updates)

    @property
    def progress(self) -> Decimal:
        """The progress the row shows: the units' average, or the task's own."""
        average = self.average_progress
        return Decimal(self.task.progress) if average is None else average

    @property
    def status(self) -> str:
        """What the progress figures on the row add up to (never "not started" beside 35 %);
        the task's own status while no unit has reported on it."""
        return task_status_of([u.progress for u in self.updates]) or self.task.status

    @property
    def status_label(self) -> str:
        return TaskStatus(self.status).label


def task_board(*, scope: UserScope, plan: Plan, unit: OrgUnit | None = None):
    """The plan's tasks grouped by lead unit, overdue first, each with the latest update of
    every unit in the viewer's scope that reports on it."""
    from plans.selectors import task_rows

    unit = viewpoint(scope, plan, unit)
    tasks = list(task_rows(plan.tasks.all()).order_by("order", "pk"))
    # The state of a task now is what units said in the last two periods begun (this month
    # and, for units that have not reported it yet, the month before): a province's whole
    # history would be millions of rows for the same answer.
    recent = list(
        Period.objects.filter(schedule__plan=plan, start__lte=timezone.localdate())
        .order_by("-start")
        .values_list("pk", flat=True)[:2]
    )
    latest: dict[tuple[int, int], TaskUpdate] = {}
    for update in (
        TaskUpdate.objects.filter(
            task__in=tasks, report__unit__path__startswith=unit.path, report__period__in=recent
        )
        .filter(reports_visible_q(scope, "report__unit"))
        .exclude(report__status=WorkflowStatus.DRAFT)
        .select_related("report__unit", "report__period")
        .order_by("report__period__start", "pk")
    ):
        latest[(update.task_id, update.report.unit_id)] = update
    by_task: dict[int, list[TaskUpdate]] = defaultdict(list)
    for (task_id, _unit_id), update in latest.items():
        by_task[task_id].append(update)
    groups: dict[str, list[TaskRow]] = defaultdict(list)
    for task in tasks:
        leads = [u.name for u in task.lead_units.all()] or [
            task.lead_units_text or str(_("Mọi đơn vị báo cáo"))
        ]
        for lead in leads:
            groups[lead].append(
                TaskRow(task, sorted(by_task[task.pk], key=lambda u: u.report.unit.path))
            )
    today = timezone.localdate()
    for rows in groups.values():
        rows.sort(
            key=lambda r: (not r.is_overdue, r.task.due_date or today.replace(year=today.year + 50))
        )
    ordered = sorted(groups.items(), key=lambda kv: (not any(r.is_overdue for r in kv[1]), kv[0]))
    return unit, ordered
