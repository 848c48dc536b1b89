"""A target seen from a unit: its trend against the path, the units below it, who sent nothing
and the accepted reports its figure came from."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from monitoring.selectors.figures import (
    Judge,
    asked_types,
    asked_units,
    plan_frame,
    registered_levels,
    subtree_types,
)
from monitoring.selectors.viewpoint import viewpoint
from monitoring.status import RECENT_PERIODS, Figure, Goal, Verdict, adds_up
from org.models import OrgUnit
from org.scope import UserScope, get_in_scope_or_404
from plans.models import Plan, Target
from plans.selectors import visible_plans_q
from reporting.models import (
    Report,
    ReportValue,
    WorkflowStatus,
)
from reporting.selectors import reports_visible_q


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


def _contribution(indicator, figure: Figure | None, total: Figure | None) -> Decimal | None:
    if figure is None or total is None:
        return None
    if indicator.is_ratio:
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
    judge = Judge(frame, as_of, registered_levels(ids, plan, as_of.year))
    # The trend chart shows the unit's whole history; the share of units meeting a target for
    # each unit is drawn over the periods judged today, each judged on its own window.
    span = 2 * RECENT_PERIODS - 1 if each else RECENT_PERIODS
    figures = judge.figures((ids, [indicator.pk]), history_of=unit.pk, span=span)
    own = figures.get((unit.pk, indicator.pk), [])
    verdict = judge.reading(target, unit.pk, figures)
    if each:
        own_verdict, verdict = verdict, judge.of_branch(target, unit, members, figures)
        verdict.points, verdict.start = own_verdict.points, own_verdict.start
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
            child_verdict = judge.reading(target, child.pk, figures)
        rows.append(
            UnitFigure(
                unit=child,
                value=child_verdict.current,
                verdict=child_verdict,
                share=_contribution(indicator, _period_figure(series, latest_day), total),
                has_children=child.numchild > 0,
            )
        )
    lower_better = judge.goal(target, unit.pk).lower_is_better or indicator.lower_is_better
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
    rank = indicator.counts_places
    values = dict(series(indicator, own))
    first = verdict.start
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
