"""Criteria computed from the data the units already report: the share of their targets met,
of their tasks done on time with evidence, of their reports on time and complete, the
initiatives recognised by level, and an external index imported per unit. Each result keeps its
basis: the counts and the targets, reports, tasks and initiatives behind it, so that the sheet
links every point to where it came from.

Everything is read in bulk for a set of units (a province's 1,611 units in a few queries per
criterion), through the monitoring and reporting selectors, never by re-deriving their rules.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from evaluation.models import Criterion, EvaluationScheme, IndexValue
from initiatives.models import Initiative
from initiatives.selectors import recognised_by_level, replications_elsewhere
from monitoring.selectors import Judge, asked_types, plan_frame, registered_levels
from monitoring.status import Status
from org.models import OrgUnit
from registrations.models import RegisteredTarget, Registration
from reporting.models import (
    Period,
    Report,
    Schedule,
    TaskUpdate,
    WorkflowStatus,
)
from reporting.selectors import schedule_tasks, tasks_for_unit
from reporting.timeliness import ON_TIME
from reporting.timeliness import timeliness as _report_timeliness

CENT = Decimal("0.01")
CHUNK_UNITS = 200
# A target counts as met for the year when monitoring judges it met or on its path
# (a 2030 target on track in 2026 is what the year asks of a unit).
MET_STATES = (Status.MET, Status.ON_TRACK)


def report_standing(*, due_date: datetime.date, report, today: datetime.date):
    """The one place evaluation asks reporting whether a report was on time (reporting's
    lateness rule; when that rule moves, only this call changes)."""
    return _report_timeliness(due_date=due_date, report=report, today=today)


def share_points(max_points: Decimal, good: int, total: int) -> Decimal:
    """max × good / total, to the cent; nothing asked of the unit gives the full points."""
    if total == 0:
        return max_points
    return (max_points * good / total).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Computed:
    points: Decimal
    basis: dict = field(default_factory=dict)


@dataclass
class _Reading:
    """What the scheme's computed criteria read, fetched once for all the units."""

    scheme: EvaluationScheme
    units: list[OrgUnit]
    cutoff: datetime.date
    schedules: list[Schedule] = field(default_factory=list)


def _schedules(scheme: EvaluationScheme) -> list[Schedule]:
    if scheme.plan_id is None:
        return []
    return list(
        Schedule.objects.filter(plan_id=scheme.plan_id, is_active=True)
        .prefetch_related("unit_types")
        .order_by("pk")
    )


def targets_judged_on(scheme: EvaluationScheme) -> datetime.date:
    """The day the share of targets met is judged on: the cutoff, but never past 31 December of
    the scheme's year. A cutoff in January of the next year lets December's reports in; it does
    not judge the year on next year's level of a yearly path or on January's figures."""
    return min(scheme.cutoff, datetime.date(scheme.year, 12, 31))


def _targets_met(reading: _Reading, criterion: Criterion) -> dict[int, Computed]:
    """Each target as every dashboard shows it for the unit on the day judged: monitoring's
    `Judge` decides (its window of recent periods, the first figure as the baseline), with the
    scoring year's registered level. A civil servant checks 2.1 against the heat map or the
    target page of the same day; a figure older than the window (a stock reported two years ago
    and not since) earns nothing, as it shows nothing there."""
    scheme, units = reading.scheme, reading.units
    if scheme.plan is None:
        return {u.pk: Computed(criterion.max_points, {"good": 0, "of": 0}) for u in units}
    day = targets_judged_on(scheme)
    frame = plan_frame(scheme.plan, day)
    ids = [u.pk for u in units]
    asked = asked_types(scheme.plan)
    judge = Judge(frame, day, registered_levels(ids, scheme.plan, scheme.year))
    figures = judge.figures((ids, None))
    registered: dict[int, set[int]] = defaultdict(set)
    for unit_id, target_id in RegisteredTarget.objects.filter(
        registration__unit_id__in=ids,
        registration__plan_id=scheme.plan_id,
        registration__year=scheme.year,
        registration__status=Registration.Status.APPROVED,
    ).values_list("registration__unit_id", "target_id"):
        registered[unit_id].add(target_id)
    found = {}
    for unit in units:
        # The targets the unit registered, else every target of the plan it is asked to report.
        targets = [
            t
            for t in frame.targets
            if unit.unit_type_id in asked.get(t.indicator_id, set())
            and (not registered[unit.pk] or t.pk in registered[unit.pk])
        ]
        items, good = [], 0
        for target in targets:
            verdict = judge.reading(target, unit.pk, figures)
            ok = verdict.status in MET_STATES
            good += ok
            items.append(
                {
                    "kind": "target",
                    "pk": target.pk,
                    "label": target.text[:200],
                    "state": str(Status.LABELS[verdict.status]),
                    # The figure judged, as the heat map and the target page show it.
                    "value": None if verdict.current is None else str(verdict.current),
                    "ok": ok,
                }
            )
        found[unit.pk] = Computed(
            share_points(criterion.max_points, good, len(targets)),
            {"good": good, "of": len(targets), "items": items},
        )
    return found


def _unit_schedules(reading: _Reading, unit: OrgUnit) -> list[Schedule]:
    return [s for s in reading.schedules if unit.unit_type_id in {t.pk for t in s.unit_types.all()}]


def _reports_on_time(reading: _Reading, criterion: Criterion) -> dict[int, Computed]:
    """Periods of the year due before the cutoff: sent on time (by the cutoff), 100 % complete
    and not returned as wrong, or not."""
    year_start = datetime.date(reading.scheme.year, 1, 1)
    periods = list(
        Period.objects.filter(
            schedule__in=reading.schedules, start__gte=year_start, due_date__lt=reading.cutoff
        )
        .order_by("start", "pk")
        .only("pk", "schedule_id", "label", "due_date", "start")
    )
    reports = {
        (r.unit_id, r.period_id): r
        for r in Report.objects.filter(
            unit__in=reading.units,
            period__in=periods,
            submitted_at__isnull=False,
            submitted_at__date__lte=reading.cutoff,
        ).only("pk", "unit_id", "period_id", "status", "submitted_at", "days_late", "completeness")
    }
    found = {}
    for unit in reading.units:
        schedule_ids = {s.pk for s in _unit_schedules(reading, unit)}
        mine = [p for p in periods if p.schedule_id in schedule_ids]
        items, good = [], 0
        for period in mine:
            report = reports.get((unit.pk, period.pk))
            standing = report_standing(
                due_date=period.due_date, report=report, today=reading.cutoff
            )
            # A report returned as wrong and not sent again is not complete.
            complete = (
                report is not None
                and report.completeness >= 100
                and report.status != WorkflowStatus.RETURNED
            )
            ok = standing.state == ON_TIME and complete
            good += ok
            items.append(
                {
                    "kind": "report" if report else "period",
                    "pk": report.pk if report else period.pk,
                    "label": period.label,
                    "state": standing.state,
                    "days": standing.days,
                    "complete": complete,
                    "ok": ok,
                }
            )
        found[unit.pk] = Computed(
            share_points(criterion.max_points, good, len(mine)),
            {"good": good, "of": len(mine), "items": items},
        )
    return found


def _tasks_on_time(reading: _Reading, criterion: Criterion) -> dict[int, Computed]:
    """Tasks due in the year up to the cutoff: done in the period it fell due or before, with
    evidence (a link or a file), by the unit's reports past draft."""
    year_start = datetime.date(reading.scheme.year, 1, 1)
    per_unit: dict[int, list] = {}
    wanted: set[int] = set()
    # Each schedule's tasks read once, not once per unit (reporting keeps them only a minute).
    lines = {schedule.pk: schedule_tasks(schedule) for schedule in reading.schedules}
    for unit in reading.units:
        tasks = {}
        for schedule in _unit_schedules(reading, unit):
            for task in tasks_for_unit(lines[schedule.pk], unit):
                if task.due_date and year_start <= task.due_date <= reading.cutoff:
                    tasks[task.pk] = task
        per_unit[unit.pk] = sorted(tasks.values(), key=lambda t: (t.due_date, t.pk))
        wanted.update(tasks)
    done: dict[tuple[int, int], TaskUpdate] = {}
    updates = (
        TaskUpdate.objects.filter(
            task_id__in=wanted,
            report__unit__in=reading.units,
            status=TaskUpdate.Status.DONE,
            report__period__start__lte=reading.cutoff,
        )
        .exclude(report__status=WorkflowStatus.DRAFT)
        .filter(~Q(evidence_link="") | Q(files__isnull=False))
        .select_related("report__period")
        .order_by("report__period__start", "pk")
        .distinct()
    )
    for update in updates:
        done.setdefault((update.report.unit_id, update.task_id), update)
    found = {}
    for unit in reading.units:
        items, good = [], 0
        for task in per_unit[unit.pk]:
            update = done.get((unit.pk, task.pk))
            ok = update is not None and update.report.period.start <= task.due_date
            good += ok
            items.append(
                {
                    "kind": "report" if update else "task",
                    "pk": update.report_id if update else task.pk,
                    "label": task.title[:200],
                    "due": task.due_date.isoformat(),
                    "ok": ok,
                }
            )
        found[unit.pk] = Computed(
            share_points(criterion.max_points, good, len(per_unit[unit.pk])),
            {"good": good, "of": len(per_unit[unit.pk]), "items": items},
        )
    return found


def _external_index(reading: _Reading, criterion: Criterion) -> dict[int, Computed]:
    values = {
        v.unit_id: v for v in IndexValue.objects.filter(criterion=criterion, unit__in=reading.units)
    }
    found = {}
    for unit in reading.units:
        value = values.get(unit.pk)
        if value is None:
            found[unit.pk] = Computed(Decimal(0), {"value": None})
            continue
        points = min(
            criterion.max_points,
            (criterion.max_points * value.value / criterion.index_scale).quantize(
                CENT, rounding=ROUND_HALF_UP
            ),
        )
        found[unit.pk] = Computed(
            max(points, Decimal(0)),
            {
                "value": str(value.value),
                "scale": str(criterion.index_scale),
                "source": value.source_name,
                "imported_at": value.imported_at.isoformat(),
            },
        )
    return found


# A recognised initiative's share of the criterion's points by the level that recognised it: one
# recognised by the province earns the full points, one by the unit's own body half of them, and
# several add up to the maximum (seed 004 §II.2d asks for at least one a year; seed 004 §III.8a
# weighs "số lượng, chất lượng" — the shares are this product's default, not the plan's).
LEVEL_SHARE = {Initiative.Level.PROVINCE: Decimal(1), Initiative.Level.BASE: Decimal("0.5")}
# Each replication by another unit, begun in the year, of one of the unit's recognised initiatives
# (of any year) adds a quarter: the same criterion weighs "khả năng duy trì, nhân rộng, lan tỏa".
REPLICATION_SHARE = Decimal("0.25")


def initiative_points(max_points: Decimal, levels: list[str], replications: int = 0) -> Decimal:
    """max × (the sum of the levels' shares + the replications' share), to the cent, at most
    max."""
    share = sum((LEVEL_SHARE.get(level, Decimal(0)) for level in levels), Decimal(0))
    share += REPLICATION_SHARE * replications
    return min(max_points, (max_points * share).quantize(CENT, rounding=ROUND_HALF_UP))


def _initiatives(reading: _Reading, criterion: Criterion) -> dict[int, Computed]:
    """The unit's initiatives recognised by a decision dated in the scheme's year, and the
    replications elsewhere of its recognised initiatives begun in that year, by the cutoff."""
    unit_ids = [u.pk for u in reading.units]
    year, cutoff = reading.scheme.year, reading.cutoff
    found_by_unit = recognised_by_level(unit_ids=unit_ids, year=year, until=cutoff)
    spread_by_unit = replications_elsewhere(unit_ids=unit_ids, year=year, until=cutoff)
    found = {}
    for unit in reading.units:
        rows, spread = found_by_unit[unit.pk], spread_by_unit[unit.pk]
        items = [
            {
                "kind": "initiative",
                "pk": row.pk,
                "label": row.title[:200],
                "state": f"{row.get_level_display()}, {row.decision_number} "
                f"({row.decision_date.strftime('%d/%m/%Y')})",
                "ok": True,
            }
            for row in rows
        ]
        items += [
            {
                "kind": "initiative",
                "pk": replication.initiative_id,
                "label": replication.initiative.title[:200],
                "state": _("nhân rộng tại %(unit)s từ %(day)s")
                % {
                    "unit": replication.unit.name,
                    "day": replication.started_on.strftime("%d/%m/%Y"),
                },
                "ok": True,
            }
            for replication in spread
        ]
        by_level = {
            level: sum(1 for row in rows if row.level == level) for level in Initiative.Level.values
        }
        found[unit.pk] = Computed(
            initiative_points(criterion.max_points, [row.level for row in rows], len(spread)),
            {"levels": by_level, "replications": len(spread), "items": items},
        )
    return found


RULES = {
    Criterion.Source.TARGETS_MET: _targets_met,
    Criterion.Source.REPORTS_ON_TIME: _reports_on_time,
    Criterion.Source.TASKS_ON_TIME: _tasks_on_time,
    Criterion.Source.EXTERNAL_INDEX: _external_index,
    Criterion.Source.INITIATIVES: _initiatives,
}


def compute(
    *, scheme: EvaluationScheme, criteria: list[Criterion], units: list[OrgUnit]
) -> dict[tuple[int, int], Computed]:
    """(unit id, criterion id) -> the computed points of every computed criterion given.

    Units are read CHUNK at a time: the share of targets met reads every unit's series of
    figures over monitoring's recent periods (its trend needs them), which for the bench
    province's 1,611 units at once would hold far more than a worker should (bench/README.md,
    Scoring)."""
    schedules = _schedules(scheme)
    found = {}
    for start in range(0, len(units), CHUNK_UNITS):
        reading = _Reading(scheme, units[start : start + CHUNK_UNITS], scheme.cutoff, schedules)
        for criterion in criteria:
            rule = RULES.get(criterion.source)
            if rule is None:
                continue
            for unit_id, result in rule(reading, criterion).items():
                found[(unit_id, criterion.pk)] = result
    return found
