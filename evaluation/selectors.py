"""Reads behind the evaluation pages, every one through the person's scope (404 outside it)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from evaluation.access import EvaluationAccess
from evaluation.models import (
    Criterion,
    CriterionGroup,
    EvaluationScheme,
    RankingVersion,
    Score,
    ScoreChange,
    ScoreSheet,
)
from evaluation.subjects import scheme_blocks
from org.models import EmulationBlock
from org.scope import UserScope, get_in_scope_or_404


def schemes_q(scope: UserScope, prefix: str = "") -> Q:
    """Schemes issued in the person's subtrees or above them (a commune is scored by its
    province's scheme)."""
    issuer = f"{prefix}issuer" if prefix else "issuer"
    return scope.unit_q(issuer) | scope.ancestor_q(issuer)


def scheme_list(*, scope: UserScope) -> QuerySet[EvaluationScheme]:
    return EvaluationScheme.objects.filter(schemes_q(scope)).select_related("issuer", "plan")


def scheme_in_scope(*, scope: UserScope, pk: int) -> EvaluationScheme:
    queryset = EvaluationScheme.objects.select_related("issuer", "plan", "movement")
    return get_in_scope_or_404(queryset, schemes_q(scope), pk=pk)


def scheme_groups(scheme: EvaluationScheme) -> list[CriterionGroup]:
    return list(scheme.groups.prefetch_related("criteria"))


def scheme_criteria_ordered(scheme: EvaluationScheme) -> list[Criterion]:
    return [c for g in scheme_groups(scheme) for c in g.criteria.all()]


def sheet_in_scope(*, scope: UserScope, pk: int) -> tuple[ScoreSheet, EvaluationAccess]:
    queryset = ScoreSheet.objects.select_related("unit", "scheme__issuer", "scheme__plan")
    sheet = get_in_scope_or_404(queryset, schemes_q(scope, "scheme__"), pk=pk)
    access = EvaluationAccess(scope, sheet.scheme)
    if not access.can_see_sheet(sheet):
        raise Http404
    return sheet, access


def own_sheets(*, scope: UserScope, scheme: EvaluationScheme) -> QuerySet[ScoreSheet]:
    """The sheets of the units the person works for (their grants' units, not the subtree)."""
    return ScoreSheet.objects.filter(
        scheme=scheme, unit_id__in=[g.unit_id for g in scope.grants]
    ).select_related("unit")


@dataclass
class SheetLine:
    criterion: Criterion
    score: Score
    changes: list[ScoreChange]


def sheet_lines(sheet: ScoreSheet) -> list[tuple[CriterionGroup, list[SheetLine]]]:
    """The sheet's criteria by group, each with its score and its history (three queries)."""
    scores = {s.criterion_id: s for s in sheet.scores.all()}
    changes: dict[int | None, list[ScoreChange]] = defaultdict(list)
    for change in sheet.changes.select_related("changed_by"):
        changes[change.criterion_id].append(change)
    out = []
    for group in scheme_groups(sheet.scheme):
        lines = [
            SheetLine(c, scores.get(c.pk) or Score(sheet=sheet, criterion=c), changes[c.pk])
            for c in group.criteria.all()
        ]
        out.append((group, lines))
    return out


def adjustment_changes(sheet: ScoreSheet) -> list[ScoreChange]:
    return list(sheet.changes.filter(criterion=None).select_related("changed_by"))


def block_in_scheme(scheme: EvaluationScheme, pk) -> EmulationBlock:
    try:
        return scheme_blocks(scheme.issuer).get(pk=pk)
    except (EmulationBlock.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def version_in_scope(*, scope: UserScope, pk: int) -> RankingVersion:
    queryset = RankingVersion.objects.select_related("scheme__issuer", "frozen_by")
    return get_in_scope_or_404(queryset, schemes_q(scope, "scheme__"), pk=pk)
