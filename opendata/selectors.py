"""What the public may read of a movement: nothing but published data.

- targets of the movement's issued plans (never a draft), with their status as monitoring judges
  it (monitoring.selectors.plan_overview: one rule, not a second one), seen from each plan's
  issuer;
- the rankings: the newest frozen version (RankingVersion) of each scheme of the movement —
  never the working scores, which change until the office freezes them;
- the decided awards: the award registry (AwardRecord) of the movement.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from awards.models import AwardRecord
from evaluation.models import RankingEntry, RankingVersion
from monitoring.selectors import TargetLine, plan_overview
from movements.models import Movement
from org.models import OrgUnit
from org.scope import Grant, UserScope
from plans.models import Plan


def licence() -> dict:
    """The licence named on the page, in every file and in the API's open answers."""
    return {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL}


def _published_plans_q() -> Q:
    return Q(status=Plan.Status.ISSUED, issuer__isnull=False)


def public_movements() -> QuerySet[Movement]:
    """Movements with at least one issued plan."""
    return Movement.objects.filter(
        pk__in=Plan.objects.filter(_published_plans_q()).values("movement")
    ).order_by("-start_year", "name")


def public_movement(pk: int) -> Movement:
    movement = public_movements().filter(pk=pk).first()
    if movement is None:
        raise Http404
    return movement


def _reader_of(unit: OrgUnit) -> UserScope:
    """A read-only viewpoint at the plan's issuer: monitoring judges the issuer's own figures."""
    return UserScope(user_id=None, grants=(Grant("leader", unit.pk, unit.path, unit.name),))


@dataclass
class PlanTargets:
    plan: Plan
    lines: list[TargetLine]


def movement_targets(*, movement: Movement, as_of: datetime.date) -> list[PlanTargets]:
    plans = (
        Plan.objects.filter(_published_plans_q(), movement=movement, schedules__isnull=False)
        .select_related("issuer")
        .distinct()
        .order_by("issuer__path", "pk")
    )
    result = []
    for plan in plans:
        overview = plan_overview(scope=_reader_of(plan.issuer), plan=plan, as_of=as_of)
        lines = sorted(overview.lines, key=lambda line: line.target.order)
        result.append(PlanTargets(plan, lines))
    return result


@dataclass
class PublishedRanking:
    version: RankingVersion
    entries: list[RankingEntry]


def movement_rankings(*, movement: Movement) -> list[PublishedRanking]:
    """The newest frozen version of each scheme of the movement, block by block."""
    versions = (
        RankingVersion.objects.filter(
            Q(scheme__movement=movement) | Q(scheme__plan__movement=movement)
        )
        .select_related("scheme__issuer")
        .order_by("scheme_id", "-number")
    )
    newest: dict[int, RankingVersion] = {}
    for version in versions:
        newest.setdefault(version.scheme_id, version)
    entries_by_version: dict[int, list[RankingEntry]] = {v.pk: [] for v in newest.values()}
    for entry in (
        RankingEntry.objects.filter(version__in=newest.values())
        .select_related("unit", "block")
        .order_by("block__order", "block__name", "rank", "unit__name")
    ):
        entries_by_version[entry.version_id].append(entry)
    return [PublishedRanking(v, entries_by_version[v.pk]) for v in newest.values()]


def movement_awards(*, movement: Movement) -> QuerySet[AwardRecord]:
    return (
        AwardRecord.objects.filter(movement=movement)
        .select_related("form", "kind", "owner_unit")
        .order_by("-year", "-decision_date", "subject_name", "pk")
    )


# --- the rows of the CSV and JSON files (machine-readable: ISO dates, decimal point) -----------


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


def target_rows(plans: list[PlanTargets]) -> list[dict]:
    return [
        {
            "plan": item.plan.display_number,
            "issuer": item.plan.issuer.name,
            "target": line.target.text,
            "comparator": line.target.comparator,
            "value": _number(line.target.value),
            "value_max": _number(line.target.value_max),
            "unit": line.target.unit or "",
            "due_year": line.target.due_year or "",
            "current": _number(line.verdict.current),
            "status": line.verdict.status,
            "status_label": str(line.verdict.label),
        }
        for item in plans
        for line in item.lines
    ]


def ranking_rows(rankings: list[PublishedRanking]) -> list[dict]:
    return [
        {
            "scheme": item.version.scheme.name,
            "year": item.version.scheme.year,
            "version": item.version.number,
            "cutoff": item.version.cutoff.isoformat(),
            "block": entry.block.name,
            "rank": entry.rank,
            "unit": entry.unit.name,
            "total": _number(entry.total),
        }
        for item in rankings
        for entry in item.entries
    ]


def award_rows(records) -> list[dict]:
    return [
        {
            "year": record.year,
            "subject": record.subject_name,
            "subject_type": record.subject_type,
            "unit": record.owner_unit.name,
            "form": record.form.name,
            "kind": record.kind.name,
            "decision_number": record.decision_number,
            "decision_date": record.decision_date.isoformat(),
        }
        for record in records
    ]


def dataset_rows(movement: Movement, dataset: str) -> list[dict]:
    """The rows of one of the movement's files ("targets", "rankings", "awards"): what the CSV
    and JSON files and the API's /open/ endpoints carry."""
    if dataset == "targets":
        today = timezone.localdate()
        return target_rows(movement_targets(movement=movement, as_of=today))
    if dataset == "rankings":
        return ranking_rows(movement_rankings(movement=movement))
    return award_rows(movement_awards(movement=movement))
