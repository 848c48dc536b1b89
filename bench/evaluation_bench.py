"""Scoring on the bench province (issue #14): `python bench/evaluation_bench.py [--json]`.

On the province of bench/province.py (run it first, or pass --generate; --quick for a small
one): every unit is put in the emulation block of its department or commune (the generator puts
only the 160 departments and communes in blocks; the offices and villages join them here, so
that the 21 blocks rank all 1,611 units), a scheme like the demo's (seed 004 §III.8a: four
human criteria, targets met, tasks on time, reports on time, two external indices) is created
for the current year with every human criterion self-scored, then:

- the full rescore (`evaluation.scoring.rescore`: every computed criterion of every unit from
  the accepted figures and the reports), timed the first time (every score moves) and again
  (nothing moves);
- the freeze of the ranking (`ranking.ranking_freeze`: every block ranked and written);
- the frozen ranking page (`/danh-gia/xep-hang/<version>/?block=…`) for the province's
  coordinator through Django's test client, over every block in turn: p50 / p95 and its SQL
  queries, against a plain SELECT of the same block's entries in the same run (the ratio);
- the year-end classification page of the same blocks (awards), the same way.

The scheme of a previous run is deleted first, so runs repeat. The database must be named
`bench*` (DATABASE_URL; default postgres://postgres@127.0.0.1:5432/bench).
"""

import argparse
import datetime
import json
import math
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

SCHEME_NAME = "Bộ tiêu chí chấm điểm (benchmark)"
# (group, code, name, max points, source, index scale)
CRITERIA = [
    (1, "1.1", "Ban hành kế hoạch kịp thời", 15, "human", None),
    (2, "2.1", "Tỷ lệ chỉ tiêu đăng ký đạt", 20, "targets_met", None),
    (2, "2.2", "Nhiệm vụ hoàn thành đúng hạn, có minh chứng", 10, "tasks_on_time", None),
    (2, "2.3", "Báo cáo đúng hạn, đầy đủ", 10, "reports_on_time", None),
    (2, "2.4", "Kết quả CCHC, CĐS, ĐMST, CĐX", 5, "human", None),
    (3, "3.1", "Huy động nguồn lực, phối hợp", 10, "human", None),
    (4, "4.1", "Mô hình, sáng kiến", 15, "human", None),
    (5, "5.1", "Chỉ số PII", Decimal("7.5"), "external_index", 100),
    (5, "5.2", "Chỉ số DTI", Decimal("7.5"), "external_index", 1000),
]


def percentiles(samples_s: list[float]) -> dict:
    ordered = sorted(samples_s)
    rank = max(0, math.ceil(0.95 * len(ordered)) - 1)
    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered) * 1000, 2),
        "p95": round(ordered[rank] * 1000, 2),
        "max": round(ordered[-1] * 1000, 2),
    }


def every_unit_in_a_block() -> int:
    """Offices and villages join the block of their nearest ancestor that has one."""
    from org.models import BlockMembership, OrgUnit

    units = list(OrgUnit.objects.order_by("path").only("pk", "path", "block_id"))
    by_path = {u.path: u for u in units}
    step = OrgUnit.steplen
    added = []
    for unit in units:
        if unit.block_id:
            continue
        for end in range(len(unit.path) - step, 0, -step):
            ancestor = by_path.get(unit.path[:end])
            if ancestor is not None and ancestor.block_id:
                unit.block_id = ancestor.block_id
                added.append(unit)
                break
    OrgUnit.objects.bulk_update(added, ["block"], batch_size=1000)
    BlockMembership.objects.bulk_create(
        [BlockMembership(unit_id=u.pk, block_id=u.block_id) for u in added], batch_size=1000
    )
    return len(added)


def build_scheme(today: datetime.date):
    """The scheme, its sheets, index values and every human criterion self-scored."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from evaluation.models import (
        Criterion,
        CriterionGroup,
        EvaluationScheme,
        IndexValue,
        Score,
        ScoreSheet,
    )
    from evaluation.scoring import sheets_open
    from plans.models import Plan

    EvaluationScheme.objects.filter(name=SCHEME_NAME).delete()
    plan = Plan.objects.select_related("issuer").get(pk=province.meta_get("plan_id"))
    coordinator = get_user_model().objects.get(username=province.COORDINATOR)
    scheme = EvaluationScheme.objects.create(
        issuer=plan.issuer,
        plan=plan,
        year=today.year,
        name=SCHEME_NAME,
        cutoff=today - datetime.timedelta(days=1),
        created_by=coordinator,
    )
    groups = {
        n: CriterionGroup.objects.create(scheme=scheme, order=n, name=f"Nhóm {n}")
        for n in range(1, 6)
    }
    for order, (group, code, name, points, source, scale) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            group=groups[group], order=order, code=code, name=name,
            max_points=Decimal(points), source=source, index_scale=scale,
        )  # fmt: skip
    sheets_open(scheme=scheme)
    sheets = list(ScoreSheet.objects.filter(scheme=scheme).values_list("pk", "unit_id"))
    now = timezone.now()
    values = []
    for criterion in Criterion.objects.filter(group__scheme=scheme, source="external_index"):
        for _sheet, unit_id in sheets:
            rng = random.Random(f"{criterion.code}-{unit_id}")
            value = Decimal(str(round(float(criterion.index_scale) * rng.uniform(0.4, 0.85), 2)))
            values.append(
                IndexValue(criterion=criterion, unit_id=unit_id, value=value, imported_at=now)
            )
    IndexValue.objects.bulk_create(values, batch_size=2000)
    human = {
        c.pk: c.max_points for c in Criterion.objects.filter(group__scheme=scheme, source="human")
    }
    scores = list(Score.objects.filter(sheet__scheme=scheme, criterion_id__in=human))
    for score in scores:
        rng = random.Random(score.pk)
        top = float(human[score.criterion_id])
        score.self_points = Decimal(str(round(top * rng.uniform(0.6, 1.0) * 2) / 2))
        score.settle()
    Score.objects.bulk_update(scores, ["self_points", "points"], batch_size=2000)
    ScoreSheet.objects.filter(scheme=scheme).update(
        women_led=False, status=ScoreSheet.Status.SUBMITTED
    )
    return scheme, coordinator, len(sheets)


def time_pages(client, urls: list[str], rounds: int) -> tuple[list[float], list[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls:  # warm-up
        assert client.get(url).status_code == 200, url
    timings, queries = [], []
    for _ in range(rounds):
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
            assert response.status_code == 200, url
            queries.append(len(captured.captured_queries))
    return timings, queries


def time_baseline(version, blocks, rounds: int) -> list[float]:
    """A plain SELECT of a block's frozen entries with their units' names: what any page
    showing the block must at least read."""
    from evaluation.models import RankingEntry

    for block in blocks:
        list(RankingEntry.objects.filter(version=version, block=block).values_list("pk"))
    timings = []
    for _ in range(rounds):
        for block in blocks:
            started = time.perf_counter()
            list(
                RankingEntry.objects.filter(version=version, block=block)
                .order_by("rank", "unit__name")
                .values_list("rank", "unit__name", "total", "bonus", "penalty", "breakdown")
            )
            timings.append(time.perf_counter() - started)
    return timings


def time_block_pages(version, coordinator, rounds: int) -> dict:
    """The frozen ranking page and the classification page of every block, and the plain
    SELECT of the same entries."""
    from django.test import Client

    from evaluation.subjects import scheme_blocks

    result: dict = {}
    blocks = list(scheme_blocks(version.scheme.issuer))
    sizes = sorted(version.entries.values_list("block_id", flat=True))
    counts = {b: sizes.count(b) for b in set(sizes)}
    result["blocks"] = len(blocks)
    result["entries"] = len(sizes)
    result["largest_block_units"] = max(counts.values()) if counts else 0

    client = Client()
    client.force_login(coordinator)
    urls = [f"/danh-gia/xep-hang/{version.pk}/?block={b.pk}" for b in blocks]
    timings, queries = time_pages(client, urls, rounds)
    baseline = time_baseline(version, blocks, rounds)
    result["ranking_page_ms"] = {**percentiles(timings), "budget_p95_ms": 200}
    result["ranking_page_queries"] = {"min": min(queries), "max": max(queries)}
    result["baseline_select_ms"] = percentiles(baseline)
    result["ranking_to_select_ratio_p95"] = round(
        result["ranking_page_ms"]["p95"] / result["baseline_select_ms"]["p95"], 1
    )
    urls = [f"/khen-thuong/xep-loai/{version.pk}/?block={b.pk}" for b in blocks]
    timings, queries = time_pages(client, urls, 1)
    result["classification_page_ms"] = percentiles(timings)
    result["classification_page_queries"] = {"min": min(queries), "max": max(queries)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generate", action="store_true", help="build the province first")
    parser.add_argument("--quick", action="store_true", help="with --generate: about 160 units")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the 21 blocks")
    parser.add_argument(
        "--blocks-only", action="store_true", help="score only the generator's block units"
    )
    parser.add_argument(
        "--again", action="store_true", help="rescore a second time (nothing changes)"
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="time only the pages, on the last run's frozen ranking (no setup, no rescore)",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    province.django_setup()
    province.check_database()
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from evaluation import ranking, scoring
    from evaluation.models import Score

    settings.AXES_ENABLED = False
    # Pages rendered in-process without collectstatic (no manifest to read).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    result: dict = {
        "database": connection.settings_dict["NAME"],
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    if args.generate:
        result["generate"] = province.generate(province.QUICK if args.quick else province.FULL)
    today = timezone.localdate()
    if args.pages_only:
        from django.contrib.auth import get_user_model

        from evaluation.models import RankingVersion

        version = RankingVersion.objects.filter(scheme__name=SCHEME_NAME).latest("pk")
        coordinator = get_user_model().objects.get(username=province.COORDINATOR)
        result.update(time_block_pages(version, coordinator, args.rounds))
        print(json.dumps(result, ensure_ascii=False))
        return
    started = time.perf_counter()
    result["units_added_to_blocks"] = 0 if args.blocks_only else every_unit_in_a_block()
    scheme, coordinator, sheets = build_scheme(today)
    result["setup_seconds"] = round(time.perf_counter() - started, 2)
    result["sheets"] = sheets
    result["scores"] = Score.objects.filter(sheet__scheme=scheme).count()

    # Wall time, and the CPU time of this process (the machine is shared: under load the wall
    # time says more about the neighbours than about the code).
    for run in ("first", "again") if args.again else ("first",):
        started, cpu = time.perf_counter(), time.process_time()
        changed = scoring.rescore(scheme=scheme, user=coordinator)
        result[f"rescore_{run}_seconds"] = round(time.perf_counter() - started, 2)
        result[f"rescore_{run}_cpu_seconds"] = round(time.process_time() - cpu, 2)
        result[f"rescore_{run}_changed"] = len(changed)
        print(json.dumps(result, ensure_ascii=False), file=sys.stderr, flush=True)
    result["rescore_budget_seconds"] = 60

    started = time.perf_counter()
    version = ranking.ranking_freeze(scheme=scheme, user=coordinator)
    result["freeze_seconds"] = round(time.perf_counter() - started, 2)
    result.update(time_block_pages(version, coordinator, args.rounds))
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
