"""Keeping `IndicatorRollup` in step with accepted reports: incrementally, and from scratch.

The incremental path runs inside the transaction that accepts (or reopens) a report: one
INSERT ... ON CONFLICT DO UPDATE adds the report's values to the rows of the unit and of each of
its ancestors. That statement has the same syntax on SQLite (3.24+) and PostgreSQL, so both
backends take the same path. Rows are written in key order so that two accepts touching the
same province rows lock them in the same order and never deadlock.
"""

from decimal import Decimal

from django.db import connection, transaction

from indicators.models import UNSUMMED_KINDS, Indicator
from org.models import OrgUnit
from reporting.models import IndicatorRollup, Report, ReportValue, WorkflowStatus

Key = tuple[int, int, int]  # unit, period, indicator
Kind = Indicator.Kind
ZERO = Decimal(0)


def _contribution(
    indicator: Indicator, row: ReportValue
) -> tuple[Decimal, Decimal, Decimal] | None:
    """(value, numerator, denominator) a value adds to a roll-up; None when it adds nothing:
    a figure in words, or one with a number missing."""
    fields = indicator.input_fields
    if not fields or any(getattr(row, name) is None for name in fields):
        return None
    if indicator.is_ratio:
        return ZERO, row.numerator, row.denominator
    return row.value, ZERO, ZERO


def report_deltas(report: Report, sign: int) -> dict[Key, list]:
    """What accepting (sign=1) or reopening (sign=-1) `report` changes, keyed by roll-up row."""
    unit = report.unit
    lineage = [unit.pk] + list(
        OrgUnit.objects.filter(path__in=unit.ancestor_paths()).values_list("pk", flat=True)
    )
    deltas: dict[Key, list] = {}
    rows = ReportValue.objects.filter(report=report).select_related("indicator")
    for row in rows:
        contribution = _contribution(row.indicator, row)
        if contribution is None:
            continue
        owners = lineage if row.indicator.sums_over_units else [unit.pk]
        value, numerator, denominator = contribution
        for owner in owners:
            deltas[(owner, report.period_id, row.indicator_id)] = [
                sign * value,
                sign * numerator,
                sign * denominator,
                sign,
            ]
    return deltas


def _upsert(deltas: dict[Key, list]) -> None:
    if not deltas:
        return
    table = IndicatorRollup._meta.db_table
    keys = sorted(deltas)
    # Chunks keep the statement under SQLite's limit of variables.
    for start in range(0, len(keys), 100):
        chunk = keys[start : start + 100]
        placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
        params: list = []
        for key in chunk:
            value, numerator, denominator, count = deltas[key]
            params += [*key, value, numerator, denominator, count]
        sql = (
            f"INSERT INTO {table} (unit_id, period_id, indicator_id, value_sum, numerator_sum, "
            f"denominator_sum, value_count) VALUES {placeholders} "
            f"ON CONFLICT (unit_id, period_id, indicator_id) DO UPDATE SET "
            f"value_sum = {table}.value_sum + excluded.value_sum, "
            f"numerator_sum = {table}.numerator_sum + excluded.numerator_sum, "
            f"denominator_sum = {table}.denominator_sum + excluded.denominator_sum, "
            f"value_count = {table}.value_count + excluded.value_count"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def rollup_apply_report(report: Report, *, sign: int) -> int:
    """Add (sign=1) or remove (sign=-1) an accepted report's values in the roll-ups of its unit
    and every ancestor. Must run inside the transaction that changes the report's status."""
    deltas = report_deltas(report, sign)
    _upsert(deltas)
    if sign < 0 and deltas:
        # A row nobody contributes to any more is no data, not a zero.
        IndicatorRollup.objects.filter(
            period_id=report.period_id,
            unit_id__in={k[0] for k in deltas},
            indicator_id__in={k[2] for k in deltas},
            value_count__lte=0,
        ).delete()
    return len(deltas)


def rollup_move_subtree(*, old_path: str, new_path: str) -> int:
    """A unit moved in the tree (treebeard's `path_updated`): the figures of its subtree leave
    the ancestors it left and join the ones it joined. Its own roll-up rows are exactly that
    subtree's figures, so they are the delta; ranks stay with their unit."""
    step = OrgUnit.steplen
    if old_path[:-step] == new_path[:-step]:
        return 0  # reordered among siblings: same ancestors
    moved = OrgUnit.objects.filter(path=new_path).values_list("pk", flat=True).first()
    if moved is None:
        return 0

    def lineage(path: str) -> set[int]:
        prefixes = [path[:i] for i in range(step, len(path), step)]
        return set(OrgUnit.objects.filter(path__in=prefixes).values_list("pk", flat=True))

    left, joined = lineage(old_path), lineage(new_path)
    rows = (
        IndicatorRollup.objects.filter(unit_id=moved)
        .exclude(indicator__kind__in=UNSUMMED_KINDS)
        .values_list(
            "period_id",
            "indicator_id",
            "value_sum",
            "numerator_sum",
            "denominator_sum",
            "value_count",
        )
    )
    deltas: dict[Key, list] = {}
    for period_id, indicator_id, value, numerator, denominator, count in rows:
        for owner, sign in [(u, -1) for u in left - joined] + [(u, 1) for u in joined - left]:
            deltas[(owner, period_id, indicator_id)] = [
                sign * value,
                sign * numerator,
                sign * denominator,
                sign * count,
            ]
    _upsert(deltas)
    IndicatorRollup.objects.filter(unit_id__in=left - joined, value_count__lte=0).delete()
    return len(deltas)


@transaction.atomic
def rollup_rebuild(*, period_ids: list[int] | None = None) -> int:
    """Recompute roll-up rows from the raw values of accepted reports (all periods, or the
    given ones). Returns the number of rows written.

    One INSERT ... SELECT per depth of the tree: the values of every unit at depth >= d are
    grouped under their ancestor at depth d, found by the first d steps of the unit's
    materialised path. Plain SQL that SQLite and PostgreSQL both run.
    """
    rollups = IndicatorRollup.objects.all()
    if period_ids is not None:
        rollups = rollups.filter(period_id__in=period_ids)
    rollups.delete()
    if period_ids is not None and not period_ids:
        return 0
    max_depth = OrgUnit.objects.order_by("-depth").values_list("depth", flat=True).first() or 0
    written = 0
    with connection.cursor() as cursor:
        for depth in range(1, max_depth + 1):
            sql, params = _rebuild_sql(depth, period_ids)
            cursor.execute(sql, params)
            written += max(cursor.rowcount, 0)
    return written


def _rebuild_sql(depth: int, period_ids: list[int] | None) -> tuple[str, list]:
    table = IndicatorRollup._meta.db_table
    value_t = ReportValue._meta.db_table
    report_t = Report._meta.db_table
    unit_t = OrgUnit._meta.db_table
    indicator_t = Indicator._meta.db_table
    params: list = [OrgUnit.steplen * depth, depth, depth, WorkflowStatus.ACCEPTED]
    period_filter = ""
    if period_ids is not None:
        period_filter = f"AND r.period_id IN ({', '.join(['%s'] * len(period_ids))})"
        params += list(period_ids)
    # The kinds as stored (Indicator.Kind), quoted for SQL: `_contribution`'s rule, in SQL.
    ratio, rank, text = (f"'{kind.value}'" for kind in (Kind.RATIO, Kind.RANK, Kind.TEXT))
    contributing = (
        f"((i.kind = {ratio} AND v.numerator IS NOT NULL AND v.denominator IS NOT NULL) "
        f"OR (i.kind <> {ratio} AND v.value IS NOT NULL))"
    )
    sql = f"""
        INSERT INTO {table}
            (unit_id, period_id, indicator_id, value_sum, numerator_sum, denominator_sum,
             value_count)
        SELECT anc.id, r.period_id, v.indicator_id,
               COALESCE(SUM(CASE WHEN i.kind = {ratio} THEN 0 ELSE v.value END), 0),
               COALESCE(SUM(CASE WHEN i.kind = {ratio} THEN v.numerator ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN i.kind = {ratio} THEN v.denominator ELSE 0 END), 0),
               COUNT(*)
        FROM {value_t} v
        JOIN {report_t} r ON r.id = v.report_id
        JOIN {unit_t} u ON u.id = r.unit_id
        JOIN {indicator_t} i ON i.id = v.indicator_id
        JOIN {unit_t} anc ON anc.path = SUBSTR(u.path, 1, %s)
        WHERE u.depth >= %s
          AND (i.kind <> {rank} OR u.depth = %s)
          AND i.kind <> {text}
          AND r.status = %s
          AND {contributing}
          {period_filter}
        GROUP BY anc.id, r.period_id, v.indicator_id
    """
    return sql, params
