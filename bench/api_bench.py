"""The API's bulk import and its read of a province's target status (issue #18).

On the bench province (bench/province.py, PostgreSQL, a database named bench*): a second monthly
schedule with the province's 60 indicators and a period of this month, empty; a system token
with write access bound to the province. Every unit's month (1,611 units × 60 indicators, about
97,000 values) is POSTed to /api/v1/dataValueSets in chunks of units, through Django's request
handler in this process (the same view, middleware and database work as behind gunicorn, without
the network). Then:

- values a second, and every value read back from the database and compared with what was sent
  (0 lost, 0 different);
- the roll-up table is untouched (drafts count nowhere until accepted), so it still equals the
  rebuild the province was generated with — checked by its row count and sums before and after;
- GET /api/v1/plans/{id}/status as the province's leader token, N calls: p50/p95, set against
  `monitoring.selectors.plan_overview` called directly in the same run (the ratio is the API's
  own cost: authentication, serialisation).

With `--rate 20/min` the run sets API_RATE_TOKEN (api/throttling.py) to that and behaves as a
well-mannered client: a 429 is retried after the seconds its Retry-After names. The summary then
says how many calls were refused, how long the client waited, and what a refusal costs the server
(the writer and the reader are two tokens, so two budgets). Without it, the settings' rate holds
(1200/min unless the environment says otherwise); `--rate off` lifts it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_api \
        python bench/api_bench.py --json [--quick] [--rate 20/min]
"""

import argparse
import datetime
import json
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import province  # noqa: E402


def _payload(units, indicators, period_code, schedule_id, rng):
    values = []
    for unit in units:
        for indicator in indicators:
            item = {"unit": unit.code, "period": period_code, "indicator": indicator.code}
            item["schedule"] = schedule_id
            if indicator.kind == "ratio":
                denominator = rng.randint(50, 500)
                item["numerator"] = rng.randint(0, denominator)
                item["denominator"] = denominator
            elif indicator.kind == "boolean":
                item["value"] = rng.randint(0, 1)
            elif indicator.kind == "rank":
                item["value"] = rng.randint(1, 34)
            elif indicator.kind == "text":
                item["text"] = "Đã triển khai."
            else:
                item["value"] = rng.randint(0, 900)
            values.append(item)
    return values


class PoliteClient:
    """Django's test client that, answered 429, sleeps the Retry-After and calls again: what
    docs/api.md asks of a client. It notes the refusals, the time they took to answer and the
    seconds waited; `last_ms` is the time of the call that was answered."""

    def __init__(self, client):
        self.client = client
        self.refused = 0
        self.refused_ms: list[float] = []
        self.waited = 0.0
        self.last_ms = 0.0

    def call(self, method: str, *args, **kwargs):
        while True:
            started = time.perf_counter()
            response = getattr(self.client, method)(*args, **kwargs)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 429:
                self.last_ms = elapsed
                return response
            self.refused += 1
            self.refused_ms.append(elapsed)
            wait = int(response["Retry-After"])
            self.waited += wait
            time.sleep(wait)


def _throttle_cost(repeat: int = 300) -> dict:
    """What the token's limit costs a call, alone: TokenThrottle.allow_request against the
    configured cache, for a token with 1 call in its window and for one with 1,199 (the
    longest history at the default 1200/min: a list of that many times read and written)."""
    import types

    from django.test import override_settings

    from api.throttling import TokenThrottle

    throttle = TokenThrottle()
    out = {}
    with override_settings(API_RATE_TOKEN="1200/min"):
        for calls in (1, 1199):
            request = types.SimpleNamespace(auth=types.SimpleNamespace(prefix=f"bench{calls}"))
            key = throttle.cache_format % {"scope": throttle.scope, "ident": f"bench{calls}"}
            samples = []
            for _ in range(repeat):
                throttle.cache.set(key, [time.time()] * (calls - 1), 60)
                started = time.perf_counter()
                assert throttle.allow_request(request)
                samples.append((time.perf_counter() - started) * 1000)
            throttle.cache.delete(key)
            out[f"check_ms_p50_history_{calls}"] = round(statistics.median(samples), 3)
    return out


def _rollup_fingerprint(cursor) -> tuple:
    from reporting.models import IndicatorRollup

    cursor.execute(
        "SELECT count(*), sum(value_sum), sum(numerator_sum), sum(denominator_sum), "
        f"sum(value_count) FROM {IndicatorRollup._meta.db_table}"
    )
    return tuple(cursor.fetchone())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 160 units, 12 indicators")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--chunk", type=int, default=100, help="units a request")
    parser.add_argument("--status-repeat", type=int, default=30)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument(
        "--rate",
        help='API_RATE_TOKEN for this run ("20/min", "off"); a 429 is retried after its '
        "Retry-After. Default: the settings' rate.",
    )
    args = parser.parse_args()
    province.django_setup()

    from django.conf import settings

    from api.throttling import parse_rate

    if args.rate:
        parse_rate(args.rate)  # a ValueError here rather than a 500 at the first call
        settings.API_RATE_TOKEN = args.rate

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from api import tokens
    from api.models import TokenAccess
    from monitoring.selectors import plan_overview
    from org.models import OrgUnit, Role, RoleAssignment
    from org.scope import user_scope
    from reporting.models import Period, Report, ReportValue, Schedule, ScheduleIndicator

    result = {}
    if not args.skip_generate:
        size = (province.QUICK if args.quick else province.FULL).scaled(1.0)
        # Two months of accepted history are enough here: the import writes a month of drafts.
        size = province.Size(**{**size.__dict__, "periods": 2, "load_periods": 1})
        result["generation"] = province.generate(size, seed=2026)
    root = OrgUnit.objects.get(depth=1)
    base = Schedule.objects.order_by("pk").first()
    today = timezone.localdate()
    # The previous run's month (its draft reports hold their period) goes first.
    Report.objects.filter(period__schedule__name="API bench").delete()
    Period.objects.filter(schedule__name="API bench").delete()
    Schedule.objects.filter(name="API bench").delete()
    schedule = Schedule.objects.create(
        plan=base.plan, name="API bench", frequency=Schedule.Frequency.MONTHLY, due_day=20
    )
    schedule.unit_types.set(base.unit_types.all())
    items = list(base.items.select_related("indicator").prefetch_related("unit_types"))
    for item in items:
        copy = ScheduleIndicator.objects.create(
            schedule=schedule, indicator=item.indicator, order=item.order
        )
        copy.unit_types.set(item.unit_types.all())
    start = today.replace(day=1)
    period = Period.objects.create(
        schedule=schedule,
        code=start.strftime("%Y-%m"),
        label=start.strftime("Tháng %m/%Y"),
        start=start,
        end=(start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1),
        due_date=start.replace(day=20),
    )
    coordinator = get_user_model().objects.get(username=province.COORDINATOR)
    writer = tokens.token_create_system(
        scope=user_scope(coordinator),
        user=coordinator,
        unit=root,
        name="API bench",
        access=TokenAccess.WRITE,
    )
    leader, _ = get_user_model().objects.get_or_create(username="api-bench-leader")
    RoleAssignment.objects.get_or_create(user=leader, unit=root, role=Role.LEADER)
    reader = tokens.token_create_personal(user=leader, name="bench", access=TokenAccess.READ)

    units = list(OrgUnit.objects.order_by("path"))
    indicators = [item.indicator for item in items if not item.unit_types.exists()]
    rng = random.Random(2026)
    client = PoliteClient(Client())
    with connection.cursor() as cursor:
        before = _rollup_fingerprint(cursor)
    sent = {}
    counts = {"imported": 0, "updated": 0, "ignored": 0, "conflicts": 0}
    started = time.perf_counter()
    for i in range(0, len(units), args.chunk):
        values = _payload(units[i : i + args.chunk], indicators, period.code, schedule.pk, rng)
        for v in values:
            sent[(v["unit"], v["indicator"])] = v
        response = client.call(
            "post",
            "/api/v1/dataValueSets",
            data=json.dumps({"dataValues": values}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {writer.secret}",
        )
        assert response.status_code == 200, response.content[:500]
        for key, n in response.json()["counts"].items():
            counts[key] += n
    seconds = time.perf_counter() - started

    stored = ReportValue.objects.filter(report__period=period).values_list(
        "report__unit__code", "indicator__code", "value", "numerator", "denominator", "text"
    )
    found = {(u, i): (v, n, d, t) for u, i, v, n, d, t in stored}
    lost = different = 0
    for key, v in sent.items():
        row = found.get(key)
        if row is None:
            lost += 1
            continue
        value, numerator, denominator, text = row
        want = (
            Decimal(v["value"]) if "value" in v else None,
            Decimal(v["numerator"]) if "numerator" in v else None,
            Decimal(v["denominator"]) if "denominator" in v else None,
        )
        if want != (value, numerator, denominator) or (v.get("text") or "") != text:
            different += 1
    with connection.cursor() as cursor:
        after = _rollup_fingerprint(cursor)

    import_refused, import_waited = client.refused, client.waited

    def percentiles(samples):
        samples = sorted(samples)
        return round(statistics.median(samples), 1), round(
            samples[int(0.95 * (len(samples) - 1))], 1
        )

    def timed(call, repeat):
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            call()
            samples.append((time.perf_counter() - t) * 1000)
        return percentiles(samples)

    url = f"/api/v1/plans/{base.plan_id}/status"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {reader.secret}"}
    assert client.call("get", url, **auth).status_code == 200
    answered = []
    for _ in range(args.status_repeat):
        client.call("get", url, **auth)
        answered.append(client.last_ms)  # the answered call, not the refusals and the waits
    api_p50, api_p95 = percentiles(answered)
    scope = user_scope(leader)
    direct_p50, direct_p95 = timed(
        lambda: plan_overview(scope=scope, plan=base.plan), args.status_repeat
    )
    rate = {
        "rate": settings.API_RATE_TOKEN,
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "import_refused": import_refused,
        "import_waited_seconds": import_waited,
        "status_refused": client.refused - import_refused,
        "status_waited_seconds": client.waited - import_waited,
    }
    if client.refused_ms:
        rate["refused_p50_ms"] = percentiles(client.refused_ms)[0]
    rate.update(_throttle_cost())
    result.update(
        {
            "units": len(units),
            "indicators": len(indicators),
            "values_sent": len(sent),
            "requests": -(-len(units) // args.chunk),
            "import_seconds": round(seconds, 1),
            "values_per_second": round(len(sent) / seconds),
            "counts": counts,
            "lost": lost,
            "different": different,
            "rollups_untouched": before == after,
            "status_api_p50_ms": api_p50,
            "status_api_p95_ms": api_p95,
            "status_direct_p50_ms": direct_p50,
            "status_direct_p95_ms": direct_p95,
            "status_ratio_p95": round(api_p95 / direct_p95, 2),
            "throttling": rate,
        }
    )
    print(json.dumps(result, ensure_ascii=False) if args.json else json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
