"""Benchmark of issue #6 "Performance" on a synthetic province in PostgreSQL.

`python bench/run.py --json [--quick] [--skip-generate] [--skip-load]`

One run prints one JSON object:
- `generation` and `rebuild_seconds`: the province of bench/province.py and the full rebuild of
  the roll-ups (`reporting.rollups.rollup_rebuild`; budget < 300 s);
- `accept_ms`: `reporting.services.report_accept` of approved leaf reports of the newest month,
  each checked afterwards: the roll-up rows of the unit and of every ancestor moved by exactly
  the report's figures (budget < 50 ms);
- `dashboard_ms`: `monitoring.selectors.plan_overview` for the province's coordinator (budget
  p95 < 150 ms), against `baseline_groupby_ms`, the same sums by a plain GROUP BY over the raw
  values;
- `load`: 200 simulated reporters (locust, bench/locustfile.py) against gunicorn on loopback:
  submissions a second, p95 of save and submit (budgets >= 30/s, < 500 ms), failures, and
  `lost_values`: figures the server acknowledged that are not in the database (must be 0);
- with `--faults --pg-data DIR` (the bench's own PostgreSQL, never a shared one): during the
  load one gunicorn worker is SIGKILLed and PostgreSQL restarted, then `faults` reports that no
  acknowledged figure is lost, no report is half-moved and the roll-ups equal a rebuild
  (bench/faults.py);
- the machine, the sizes and timestamps.

Django runs in-process for everything but the load test, against DATABASE_URL (default: the
local database `bench`). Files of the run (load plan, locust CSV, server log) go to bench/out/.
"""

import argparse
import datetime
import json
import math
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

import faults  # noqa: E402
import province  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def percentiles(samples_s: list[float]) -> dict:
    """p50, p95 and max in milliseconds (p95 by the nearest-rank method)."""
    ordered = sorted(samples_s)
    rank = max(0, math.ceil(0.95 * len(ordered)) - 1)
    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered) * 1000, 2),
        "p95": round(ordered[rank] * 1000, 2),
        "max": round(ordered[-1] * 1000, 2),
    }


def machine() -> dict:
    from django.db import connection

    meminfo = Path("/proc/meminfo").read_text().split("\n")[0].split()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "ram_gib": round(int(meminfo[1]) / 1024 / 1024, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "postgresql": server,
        "postgresql_shared_buffers": shared_buffers,
        "os": platform.platform(),
    }


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


# --- Roll-ups: full rebuild and accept ---------------------------------------------------------


def time_rebuild() -> dict:
    """Rebuild every roll-up row over the existing ones (delete and insert), then vacuum."""
    from django.db import connection

    from reporting.rollups import rollup_rebuild

    started = time.perf_counter()
    rows = rollup_rebuild()
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE monitoring_indicatorrollup")
    return {"rebuild_seconds": round(seconds, 2), "rollup_rows": rows}


def _rollup_rows(unit_ids: list[int], period_id: int) -> dict:
    from reporting.models import IndicatorRollup

    return {
        (r.unit_id, r.indicator_id): (
            r.value_sum,
            r.numerator_sum,
            r.denominator_sum,
            r.value_count,
        )
        for r in IndicatorRollup.objects.filter(unit_id__in=unit_ids, period_id=period_id)
    }


def _expected_delta(report, lineage: list[int]) -> dict:
    """What accepting `report` must add to each roll-up row, from its values alone."""
    from reporting.models import ReportValue

    zero = Decimal(0)
    delta = {}
    for row in ReportValue.objects.filter(report=report).select_related("indicator"):
        kind = row.indicator.kind
        if kind == "ratio" and row.numerator is not None and row.denominator is not None:
            figures = (zero, row.numerator, row.denominator, 1)
        elif kind not in ("ratio", "text") and row.value is not None:
            figures = (row.value, zero, zero, 1)
        else:
            continue
        for unit_id in [report.unit_id] if kind == "rank" else lineage:
            delta[(unit_id, row.indicator_id)] = figures
    return delta


def time_accepts() -> dict:
    """Accept every report of the accept set; after each, compare the roll-up rows of the unit
    and its ancestors with what the report's values must have added."""
    from django.contrib.auth import get_user_model

    from org.models import OrgUnit
    from org.scope import UserScope
    from reporting.models import Report
    from reporting.services import report_accept

    coordinator = get_user_model().objects.get(username=province.COORDINATOR)
    scope = UserScope(user_id=None, is_superuser=True)
    timings, mismatches, checked = [], [], 0
    for report_id in province.meta_get("accept_report_ids"):
        report = Report.objects.select_related("unit").get(pk=report_id)
        ancestors = OrgUnit.objects.filter(path__in=report.unit.ancestor_paths())
        lineage = [report.unit_id, *ancestors.values_list("pk", flat=True)]
        before = _rollup_rows(lineage, report.period_id)
        expected = _expected_delta(report, lineage)
        started = time.perf_counter()
        report_accept(scope=scope, user=coordinator, report=report)
        timings.append(time.perf_counter() - started)
        after = _rollup_rows(lineage, report.period_id)
        zero = (Decimal(0), Decimal(0), Decimal(0), 0)
        for key in set(before) | set(after) | set(expected):
            old, new = before.get(key, zero), after.get(key, zero)
            moved = tuple(n - o for n, o in zip(new, old, strict=True))
            checked += 1
            if moved != expected.get(key, zero):
                mismatches.append({"report": report_id, "row": key, "moved": str(moved)})
    return {
        "accept_ms": {**percentiles(timings), "budget_ms": 50},
        "accept_rollup_rows_checked": checked,
        "accept_rollup_mismatches": len(mismatches),
        "accept_rollup_mismatch_examples": mismatches[:5],
    }


# --- Dashboard ---------------------------------------------------------------------------------

GROUPBY_SQL = """
    SELECT r.period_id, v.indicator_id, SUM(v.numerator), SUM(v.denominator), SUM(v.value),
           COUNT(*)
    FROM reporting_reportvalue v
    JOIN reporting_report r ON r.id = v.report_id
    JOIN org_orgunit u ON u.id = r.unit_id
    JOIN reporting_period p ON p.id = r.period_id
    WHERE r.status = 'accepted' AND u.path LIKE %s AND p.schedule_id = ANY(%s)
    GROUP BY r.period_id, v.indicator_id
"""


def _materialise(result):
    """Force a lazy answer (a queryset, a generator) so that the timing includes its queries."""
    from django.db.models import QuerySet

    if isinstance(result, QuerySet):
        return list(result)
    if hasattr(result, "__next__"):
        return list(result)
    return result


def _rollups_match(province_id: int, rows: list[tuple]) -> dict:
    """The province's roll-up rows against the raw GROUP BY: the same sums, row for row (ranks
    aside: a rank is not summed, the province has its own)."""
    from indicators.models import Indicator
    from reporting.models import IndicatorRollup

    summed = set(Indicator.objects.exclude(kind__in=["rank", "text"]).values_list("pk", flat=True))
    zero = Decimal(0)
    raw = {
        (period, indicator): (value or zero, numerator or zero, denominator or zero, count)
        for period, indicator, numerator, denominator, value, count in rows
        if indicator in summed
    }
    stored = {
        (r.period_id, r.indicator_id): (
            r.value_sum,
            r.numerator_sum,
            r.denominator_sum,
            r.value_count,
        )
        for r in IndicatorRollup.objects.filter(unit_id=province_id, indicator_id__in=summed)
    }
    differing = [key for key in set(raw) | set(stored) if raw.get(key) != stored.get(key)]
    return {"rows": len(raw), "differing": len(differing), "examples": differing[:5]}


def time_dashboard(repeat: int, groupby_repeat: int) -> dict:
    """plan_overview for the coordinator of the province, and the raw GROUP BY it replaces."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from org.scope import user_scope
    from plans.models import Plan

    plan = Plan.objects.select_related("issuer").get(pk=province.meta_get("plan_id"))
    schedule_ids = list(plan.schedules.values_list("pk", flat=True))
    result: dict = {}

    groupby = []
    with connection.cursor() as cursor:
        for attempt in range(groupby_repeat + 1):
            started = time.perf_counter()
            cursor.execute(GROUPBY_SQL, [plan.issuer.path + "%", schedule_ids])
            rows = cursor.fetchall()
            if attempt:  # the first one warms the cache
                groupby.append(time.perf_counter() - started)
    result["baseline_groupby_ms"] = {**percentiles(groupby), "rows": len(rows)}
    result["province_rollups_match_groupby"] = _rollups_match(plan.issuer_id, rows)

    try:
        from monitoring.selectors import plan_overview
    except ImportError as exc:
        result["dashboard_ms"] = {"error": f"monitoring.selectors.plan_overview: {exc}"}
        return result
    coordinator = get_user_model().objects.get(username=province.COORDINATOR)
    scope = user_scope(coordinator)
    _materialise(plan_overview(scope=scope, plan=plan))  # warm-up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        _materialise(plan_overview(scope=scope, plan=plan))
        timings.append(time.perf_counter() - started)
    result["dashboard_ms"] = {**percentiles(timings), "budget_p95_ms": 150}
    result["dashboard_to_groupby_ratio"] = round(
        result["dashboard_ms"]["p95"] / result["baseline_groupby_ms"]["p95"], 4
    )
    return result


# --- Load test ---------------------------------------------------------------------------------


def write_load_plan(path: Path) -> dict:
    """Accounts, their queues of draft reports, and each unit's last accepted figures (what the
    simulated reporters send, give or take a few per cent)."""
    from org.models import OrgUnit
    from reporting import selectors
    from reporting.models import Report, ReportValue, Schedule

    load = province.meta_get("load")
    schedule = Schedule.objects.get(pk=province.meta_get("schedule_id"))
    items = selectors.schedule_items(schedule)
    units = OrgUnit.objects.in_bulk([u["unit_id"] for u in load])
    first_drafts = Report.objects.select_related("period").in_bulk([u["reports"][0] for u in load])
    users = []
    for account in load:
        unit = units[account["unit_id"]]
        draft = first_drafts[account["reports"][0]]
        previous = selectors.previous_report(draft)
        rows = {v.indicator_id: v for v in ReportValue.objects.filter(report=previous)}
        base = {}
        for item in selectors.items_for_unit(items, unit):
            row, kind = rows.get(item.indicator_id), item.indicator.kind
            if kind == "ratio":
                base[item.indicator_id] = [kind, float(row.numerator), float(row.denominator)]
            else:
                base[item.indicator_id] = [kind, float(row.value), None]
        users.append({"username": account["username"], "reports": account["reports"], "base": base})
    plan = {"password": province.PASSWORD, "users": users}
    path.write_text(json.dumps(plan), encoding="utf-8")
    return {
        "accounts": len(users),
        "queue_per_account": len(users[0]["reports"]) if users else 0,
        "indicators_per_report": len(users[0]["base"]) if users else 0,
    }


class CpuMeter:
    """CPU used by each kind of process on the machine while the load runs, in cores: the
    bench server's workers, PostgreSQL, locust, and everything else (another job on the machine
    makes the figures worse, and this says so). Sampled every second from /proc, so that
    processes which end during the run (locust, database connections) still count."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.first: dict[int, int] = {}
        self.last: dict[int, tuple[int, str, int]] = {}
        self.stopping = threading.Event()

    @staticmethod
    def _snapshot() -> dict[int, tuple[int, str, int]]:
        out = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            # (utime + stime in ticks, command line, parent pid)
            out[int(entry.name)] = (
                int(fields[11]) + int(fields[12]),
                cmdline.decode("utf-8", "replace"),
                int(fields[1]),
            )
        return out

    def _sample(self) -> None:
        # A process already there at the start counts from then; one born later, all of it.
        born_later = bool(self.last)
        for pid, row in self._snapshot().items():
            self.first.setdefault(pid, 0 if born_later else row[0])
            self.last[pid] = row

    def _loop(self) -> None:
        while not self.stopping.wait(1.0):
            self._sample()

    def start(self) -> None:
        self._sample()
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def stop(self) -> dict:
        self.stopping.set()
        self.thread.join()
        self._sample()
        ticks = os.sysconf("SC_CLK_TCK") * (time.monotonic() - self.started)
        totals: dict[str, float] = {}
        workers = []
        for pid, (used, cmdline, parent) in self.last.items():
            spent = (used - self.first[pid]) / ticks
            if pid == self.server_pid or parent == self.server_pid:
                kind = "server"
                if parent == self.server_pid:
                    workers.append(round(spent, 2))
            elif cmdline.startswith("postgres"):
                kind = "postgres"
            elif "locust" in cmdline:
                kind = "locust"
            elif pid == os.getpid():
                kind = "bench"
            else:
                kind = "other"
            totals[kind] = totals.get(kind, 0) + spent
        return {
            "cpu_cores": {k: round(v, 2) for k, v in sorted(totals.items())},
            "server_worker_cores": sorted(workers, reverse=True),
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the bench server did not answer {url} within {timeout} s")


def run_load(args) -> dict:
    """Start gunicorn, run locust headless against it, stop the server, check the data."""
    from django.db import connection

    load_before = round(os.getloadavg()[0], 2)  # anything else running shows here
    for old in [*OUT.glob("sent-*.jsonl"), OUT / "gunicorn.log"]:
        old.unlink(missing_ok=True)
    plan_path = OUT / "load_plan.json"
    plan_info = write_load_plan(plan_path)
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    db = connection.settings_dict
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "DEBUG": "0",
        "DATABASE_URL": os.environ.get("DATABASE_URL", province.BENCH_DATABASE_URL),
    }
    server_cmd = [
        str(VENV_BIN / "gunicorn"),
        args.wsgi,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--threads",
        str(args.threads),
        # Longer than a reporter's think time: a connection the server closes while the
        # client sends on it is a failed request that no real browser behind a proxy sees.
        "--keep-alive",
        "30",
        "--error-logfile",
        str(OUT / "gunicorn.log"),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(server_cmd, cwd=ROOT, env=env, start_new_session=True)
    try:
        _wait_until_up(f"{host}/dang-nhap/")
        locust_env = {
            **env,
            "BENCH_LOAD_PLAN": str(plan_path),
            "BENCH_LOAD_OUT": str(OUT),
            "BENCH_THINK_MIN": str(args.think_min),
            "BENCH_THINK_MAX": str(args.think_max),
        }
        locust_cmd = [
            str(VENV_BIN / "locust"),
            "-f",
            str(BENCH / "locustfile.py"),
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            f"{args.load_seconds}s",
            "--host",
            host,
            "--csv",
            str(OUT / "locust"),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ]
        meter = CpuMeter(server.pid)
        meter.start()
        injector = None
        if args.faults:
            injector = faults.FaultInjector(
                master=server.pid,
                kill_at=args.kill_at if args.kill_at is not None else 0.4 * args.load_seconds,
                restart_at=(
                    args.restart_at if args.restart_at is not None else 0.6 * args.load_seconds
                ),
                restart_cmd=faults.restart_command(Path(args.pg_data), args.pg_ctl, args.pg_user),
            )
            injector.start()
        started = time.time()
        with (OUT / "locust.log").open("w") as log:
            subprocess.run(locust_cmd, cwd=ROOT, env=locust_env, stdout=log, stderr=log)
        ended = time.time()
        cpu = meter.stop()
        if injector is not None:
            injector.join(timeout=180)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    connection.close()  # the server wrote; read the data with a fresh connection
    fault_figures = {}
    if injector is not None:
        queued = json.loads(plan_path.read_text(encoding="utf-8"))["users"]
        report_ids = sorted({r for user in queued for r in user["reports"]})
        fault_figures = {"faults": {**injector.record, **faults.fault_checks(report_ids)}}
    return {
        "server": " ".join(["gunicorn", *server_cmd[1:2], *server_cmd[4:12]]),
        "database": db["NAME"],
        "users": args.users,
        "think_seconds": [args.think_min, args.think_max],
        "run_seconds": args.load_seconds,
        **plan_info,
        **load_figures(started, ended),
        **cpu,
        "load_average_before": load_before,
        **fault_figures,
    }


def _latencies(requests: list[dict]) -> dict:
    by_name: dict[str, list[dict]] = {}
    for request in requests:
        by_name.setdefault(request["name"], []).append(request)
    out = {}
    for name, rows in sorted(by_name.items()):
        out[name] = {
            **percentiles([r["ms"] / 1000 for r in rows]),
            "failures": sum(1 for r in rows if not r["ok"]),
        }
    return out


def load_figures(started: float, ended: float) -> dict:
    """Throughput, latencies, failures, and the check of every acknowledged figure.

    The steady state runs from the moment the last reporter is logged in (200 Argon2 password
    checks at once take a while on two cores) to the last request; its figures are the headline
    ones, and the whole run's are given beside them.
    """
    from reporting.models import Report, ReportValue, WorkflowStatus

    events = []
    for path in OUT.glob("sent-*.jsonl"):
        with path.open(encoding="utf-8") as handle:
            events += [json.loads(line) for line in handle]
    events.sort(key=lambda e: e["t"])
    requests = [e for e in events if e["event"] == "request"]
    logins = [e["t"] for e in events if e["event"] == "login"]
    submits = [e for e in events if e["event"] == "submit"]
    last_save = {}
    # Figures sent after the last acknowledged save of a report: a worker killed after its
    # commit leaves them stored without an answer, and that is no loss.
    later: dict[int, list[dict]] = {}
    for event in events:
        if event["event"] == "save":
            last_save[event["report"]] = event
            later[event["report"]] = []
        elif event["event"] == "attempt":
            later.setdefault(event["report"], []).append(event["values"])
    steady_from = max(logins) if logins else started
    steady_to = requests[-1]["t"] if requests else ended
    window = max(steady_to - steady_from, 1e-9)
    steady = [e for e in submits if e["t"] >= steady_from]
    # A request counts in the steady state if it started after the last login.
    steady_requests = _latencies([r for r in requests if r["t"] - r["ms"] / 1000 >= steady_from])
    all_requests = _latencies(requests)

    stored = {}
    for row in ReportValue.objects.filter(report_id__in=list(last_save)):
        stored[(row.report_id, row.indicator_id)] = row
    lost = []
    for report_id, event in last_save.items():
        for indicator_id, sent in event["values"].items():
            row = stored.get((report_id, int(indicator_id)))
            for field, text in sent.items():
                value = getattr(row, field) if row is not None else None
                allowed = {Decimal(text)} | {
                    Decimal(values[indicator_id][field])
                    for values in later.get(report_id, [])
                    if field in values.get(indicator_id, {})
                }
                if value is None or value not in allowed:
                    lost.append({"report": report_id, "indicator": indicator_id, field: text})
    submitted_ids = {e["report"] for e in submits}
    statuses = dict(Report.objects.filter(pk__in=submitted_ids).values_list("pk", "status"))
    lost_submissions = [r for r in submitted_ids if statuses.get(r) != WorkflowStatus.SUBMITTED]

    def p95(name: str):
        return steady_requests.get(name, {}).get("p95")

    return {
        "submissions": len(submits),
        "submissions_per_second": round(len(steady) / window, 2),
        "submissions_per_second_overall": round(len(submits) / max(steady_to - started, 1e-9), 2),
        "steady_window_seconds": round(window, 1),
        "login_phase_seconds": round(steady_from - started, 1),
        "target_submissions_per_second": 30,
        "save_p95_ms": p95("autosave"),
        "submit_p95_ms": p95("submit"),
        "page_p95_ms": p95("page"),
        "target_p95_ms": 500,
        "requests": len(requests),
        "failures": sum(1 for r in requests if not r["ok"]),
        "abandoned_reports": sum(1 for e in events if e["event"] == "abandoned"),
        "accounts_done": sum(1 for e in events if e["event"] == "done"),
        "logins_abandoned": sum(1 for e in events if e["event"] == "login_abandoned"),
        "values_acknowledged": sum(len(e["values"]) for e in last_save.values()),
        "lost_values": len(lost),
        "lost_value_examples": lost[:5],
        "lost_submissions": len(lost_submissions),
        "steady_ms": steady_requests,
        "whole_run_ms": all_requests,
    }


# --- The run -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark of issue #6 on a synthetic province.")
    parser.add_argument("--json", action="store_true", help="one line of JSON")
    parser.add_argument("--quick", action="store_true", help="a small province (development)")
    parser.add_argument("--units-scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-generate", action="store_true", help="reuse the province")
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="with --skip-generate: do not time a rebuild"
    )
    parser.add_argument("--skip-load", action="store_true", help="no server, no locust")
    parser.add_argument("--dashboard-repeat", type=int, default=50)
    parser.add_argument("--groupby-repeat", type=int, default=20)
    parser.add_argument("--users", type=int, default=None, help="simulated reporters")
    parser.add_argument("--spawn-rate", type=float, default=20)
    parser.add_argument("--load-seconds", type=int, default=None)
    parser.add_argument("--think-min", type=float, default=1.6)
    parser.add_argument("--think-max", type=float, default=2.4)
    parser.add_argument("--wsgi", default="thidua.wsgi", help="the application gunicorn serves")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=3, help="gunicorn threads a process")
    parser.add_argument(
        "--faults",
        action="store_true",
        help="during the load, SIGKILL a gunicorn worker and restart PostgreSQL (--pg-data)",
    )
    parser.add_argument("--pg-data", help="data directory of the bench's own PostgreSQL")
    parser.add_argument("--pg-ctl", default="pg_ctl", help="pg_ctl of that server's version")
    parser.add_argument("--pg-user", default=None, help="OS user that runs pg_ctl (su)")
    parser.add_argument("--kill-at", type=float, help="seconds into the load (default 40 %%)")
    parser.add_argument("--restart-at", type=float, help="seconds into the load (default 60 %%)")
    args = parser.parse_args()
    province.django_setup()
    province.check_database()
    if args.faults:
        if not args.pg_data or args.skip_load:
            parser.error("--faults needs --pg-data and the load phase")
        faults.check_restartable(Path(args.pg_data))
    OUT.mkdir(exist_ok=True)
    begun = time.perf_counter()
    result: dict = {
        "benchmark": "issue_6_performance",
        "started_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }

    if args.skip_generate:
        result["generation"] = province.meta_get("generated")
        result["workload_reset"] = province.workload_reset()
        if not args.skip_rebuild:
            result.update(time_rebuild())
            result["rebuild_over"] = "existing roll-up rows (delete, then insert)"
    else:
        size = (province.QUICK if args.quick else province.FULL).scaled(args.units_scale)
        result["generation"] = province.generate(size, seed=args.seed)
        result["rebuild_seconds"] = result["generation"]["rebuild_seconds"]
        result["rebuild_over"] = "an empty roll-up table (fresh province)"
    result["rebuild_budget_seconds"] = 300
    generated = result["generation"]
    result["sizes"] = {
        key: generated[key]
        for key in ("units", "indicators", "periods", "reports", "values", "rollup_rows")
    }
    result.update(time_accepts())
    result.update(time_dashboard(args.dashboard_repeat, args.groupby_repeat))
    if not args.skip_load:
        quick = generated["size"]["reporters"] < 200
        args.users = args.users or generated["size"]["reporters"]
        args.load_seconds = args.load_seconds or (30 if quick else 90)
        result["load"] = run_load(args)
    result["machine"] = machine()
    result["finished_at"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    result["run_seconds"] = round(time.perf_counter() - begun, 1)
    text = json.dumps(result, ensure_ascii=False, indent=None if args.json else 2, default=str)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (OUT / f"run-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
