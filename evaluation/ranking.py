"""Ranking within each emulation block: total = criteria + bonus − penalty, ordered by total,
equal totals ordered by the office's tie rules (LAW.md, ND 152 art. 4: a woman-led or ≥ 70 %
women collective first), units still equal share a rank. Freezing writes a RankingVersion."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import free_text
from evaluation.models import (
    DEFAULT_TIE_RULES,
    Adjustment,
    Criterion,
    EvaluationScheme,
    RankingEntry,
    RankingVersion,
    Score,
    ScoreSheet,
    TieRule,
)
from evaluation.subjects import block_units, scheme_blocks
from org.models import EmulationBlock, OrgUnit

ZERO = Decimal(0)


@dataclass
class Row:
    unit: OrgUnit
    points: dict[int, Decimal] = field(default_factory=dict)  # criterion id -> points
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    women_led: bool = False
    computed_total: Decimal = ZERO
    first_group_total: Decimal = ZERO
    rank: int = 0
    tie_note: str = ""

    @property
    def total(self) -> Decimal:
        return sum(self.points.values(), ZERO) + self.bonus - self.penalty


def tie_rules(scheme: EvaluationScheme) -> list[str]:
    rules = [r for r in (scheme.tie_rules or []) if r in TieRule.values]
    return rules or [str(r) for r in DEFAULT_TIE_RULES]


def _key(row: Row, rule: str):
    if rule == TieRule.WOMEN:
        return 1 if row.women_led else 0
    if rule == TieRule.COMPUTED:
        return row.computed_total
    if rule == TieRule.FIRST_GROUP:
        return row.first_group_total
    if rule == TieRule.FEWER_PENALTIES:
        return -row.penalty
    raise ValueError(rule)


def rank_rows(rows: list[Row], rules: list[str]) -> list[Row]:
    """Order by total then each rule (higher first); rows equal on all share a rank, and a row
    placed by a rule says which one."""
    keyed = sorted(rows, key=lambda r: (r.total, *(_key(r, rule) for rule in rules)), reverse=True)
    # Names only keep the page stable; they never decide a rank.
    previous = None
    for position, row in enumerate(keyed, start=1):
        if previous is not None and previous.total == row.total:
            decided = next(
                (rule for rule in rules if _key(previous, rule) != _key(row, rule)), None
            )
            if decided is None:
                row.rank = previous.rank
                row.tie_note = str(_("Đồng hạng"))
            else:
                row.rank = position
                previous.tie_note = previous.tie_note or str(TieRule(decided).label)
                row.tie_note = str(TieRule(decided).label)
        else:
            row.rank = position
        previous = row
    return keyed


def sheet_rows(scheme: EvaluationScheme, units: list[OrgUnit]) -> list[Row]:
    """The rows of the units' sheets: points per criterion, bonus, penalty (three queries)."""
    rows = {u.pk: Row(unit=u) for u in units}
    criteria = {
        c.pk: c for c in Criterion.objects.filter(group__scheme=scheme).select_related("group")
    }
    first_group = min((c.group.order, c.group.pk) for c in criteria.values()) if criteria else None
    for unit_id, criterion_id, points, women_led in Score.objects.filter(
        sheet__scheme=scheme, sheet__unit_id__in=rows
    ).values_list("sheet__unit_id", "criterion_id", "points", "sheet__women_led"):
        row = rows[unit_id]
        row.women_led = women_led
        value = points or ZERO
        row.points[criterion_id] = value
        criterion = criteria[criterion_id]
        if criterion.is_computed:
            row.computed_total += value
        if (criterion.group.order, criterion.group.pk) == first_group:
            row.first_group_total += value
    for unit_id, kind, total in (
        Adjustment.objects.filter(sheet__scheme=scheme, sheet__unit_id__in=rows)
        .values("sheet__unit_id", "kind")
        .annotate(total=Sum("points"))
        .values_list("sheet__unit_id", "kind", "total")
    ):
        if kind == Adjustment.Kind.BONUS:
            rows[unit_id].bonus = total
        else:
            rows[unit_id].penalty = total
    return list(rows.values())


def block_ranking(scheme: EvaluationScheme, block: EmulationBlock) -> list[Row]:
    """The working ranking of a block from the current scores."""
    units = list(block_units(block, scheme.cutoff))
    return rank_rows(sheet_rows(scheme, units), tie_rules(scheme))


@transaction.atomic
def ranking_freeze(
    *, scheme: EvaluationScheme, user, note: str = "", cutoff: datetime.date | None = None
) -> RankingVersion:
    """Freeze every block's ranking as the scheme's next version."""
    note = free_text(note, key="note")
    EvaluationScheme.objects.select_for_update().get(pk=scheme.pk)
    number = (scheme.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = RankingVersion.objects.create(
        scheme=scheme,
        number=number,
        cutoff=cutoff or scheme.cutoff,
        note=note,
        frozen_by=user,
        frozen_at=timezone.now(),
    )
    entries = []
    for block in scheme_blocks(scheme.issuer):
        for row in block_ranking(scheme, block):
            entries.append(
                RankingEntry(
                    version=version,
                    block=block,
                    unit=row.unit,
                    rank=row.rank,
                    total=row.total,
                    bonus=row.bonus,
                    penalty=row.penalty,
                    breakdown={str(k): str(v) for k, v in row.points.items()},
                    tie_note=row.tie_note[:255],
                )
            )
    RankingEntry.objects.bulk_create(entries, batch_size=1000)
    ScoreSheet.objects.filter(scheme=scheme).update(status=ScoreSheet.Status.REVIEWED)
    return version


@dataclass
class EntryLine:
    entry: RankingEntry
    points: list[Decimal | None]  # in the order of the criteria
    before: RankingEntry | None = None
    changed: list[int] = field(default_factory=list)  # indexes of criteria that changed

    @property
    def total_changed(self) -> bool:
        return self.before is not None and self.before.total != self.entry.total

    @property
    def rank_changed(self) -> bool:
        return self.before is not None and self.before.rank != self.entry.rank


def version_block(
    version: RankingVersion, block: EmulationBlock, criteria: list[Criterion]
) -> list[EntryLine]:
    """A block's frozen rows with their breakdown, and what changed since the version before
    (two queries, whatever the block's size)."""
    entries = list(
        RankingEntry.objects.filter(version=version, block=block)
        .select_related("unit")
        .order_by("rank", "unit__name")
    )
    before = {}
    if version.number > 1:
        before = {
            e.unit_id: e
            for e in RankingEntry.objects.filter(
                version__scheme_id=version.scheme_id,
                version__number=version.number - 1,
                block=block,
            )
        }
    lines = []
    for entry in entries:
        points = [_decimal(entry.breakdown.get(str(c.pk))) for c in criteria]
        old = before.get(entry.unit_id)
        changed = []
        if old is not None:
            changed = [
                i
                for i, c in enumerate(criteria)
                if _decimal(old.breakdown.get(str(c.pk))) != points[i]
            ]
        lines.append(EntryLine(entry, points, old, changed))
    return lines


def _decimal(text) -> Decimal | None:
    return Decimal(text) if text is not None else None


def changes_by_block(version: RankingVersion) -> dict[int, int]:
    """block id -> how many of its units' totals changed from the version before."""
    if version.number == 1:
        return {}
    old = dict(
        RankingEntry.objects.filter(
            version__scheme_id=version.scheme_id, version__number=version.number - 1
        ).values_list("unit_id", "total")
    )
    counts: dict[int, int] = defaultdict(int)
    for block_id, unit_id, total in version.entries.values_list("block_id", "unit_id", "total"):
        if old.get(unit_id) != total:
            counts[block_id] += 1
    return dict(counts)
