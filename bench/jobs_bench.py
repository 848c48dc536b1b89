"""Benchmark of issue #12 "Background jobs": jobs a minute for exports and imports with two
Celery workers on Redis, and the web p95 of a report page idle and while those jobs run.

`python bench/jobs_bench.py --json [--jobs 20] [--port 8107]`

Against DATABASE_URL with the demo loaded (`manage.py migrate && manage.py load_demo`), Redis at
REDIS_URL (broker; bench/settings_bench.py also keeps sessions there) and THIDUA_VAR_DIR for the
media. It starts two workers (`celery -A thidua worker --concurrency 1`, each its own process,
at `--nice N` as deployed, or under the idle CPU scheduling policy with `--idle`)
and gunicorn with two processes, all on this machine's cores beside PostgreSQL and Redis.
- exports: `--jobs` Excel and `--jobs` Word exports of the demo's Lào Cai plan by `tinh`;
- imports: `--jobs` readings of a one-page plan PDF (extraction/tests/fixtures/ke-hoach-so.pdf)
  and `--jobs` of a 36-page plan text (the five seed plans, as bench/extract_bench.py builds it);
- web: GET of the November report of xã Thống Nhất by `baocao`, 150 times idle, then for as long
  as the jobs run; p50 and p95 in ms.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_bench")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402

from jobs.models import Job  # noqa: E402
from jobs.services import job_start  # noqa: E402
from monitoring.export_jobs import export_start  # noqa: E402
from plans.models import Plan, PlanImport  # noqa: E402
from reporting.models import Report  # noqa: E402

PDF = ROOT / "extraction" / "tests" / "fixtures" / "ke-hoach-so.pdf"


def _spawn(command: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=open(log, "wb"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)


class Browser:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read()

    def login(self, username: str) -> None:
        page = self.get("/dang-nhap/").decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": "thidua2026"}
        ).encode()
        request = urllib.request.Request(
            self.base + "/dang-nhap/", data=data, headers={"Referer": self.base + "/dang-nhap/"}
        )
        self.opener.open(request, timeout=30).read()


def _latencies(browser: Browser, path: str, *, count: int | None, until=None) -> list[float]:
    times = []
    while (count is not None and len(times) < count) or (until is not None and not until()):
        start = time.perf_counter()
        browser.get(path)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
    }


def _wait(ids: list, timeout: float = 1800) -> float:
    start = time.perf_counter()
    while Job.objects.filter(pk__in=ids, status__in=["pending", "running"]).exists():
        if time.perf_counter() - start > timeout:
            raise SystemExit("jobs did not finish")
        time.sleep(0.2)
    return time.perf_counter() - start


def _seed_text() -> bytes:
    from bench.extract_bench import thirty_page_plan  # as the extraction benchmark builds it

    return thirty_page_plan().encode()


def _import(user, unit, name: str, content: bytes) -> Job:
    stored = default_storage.save(f"imports/bench/{name}", _Content(content))
    return job_start(
        kind=Job.Kind.PLAN_IMPORT,
        title=name,
        user=user,
        unit=unit,
        params={"issuer": unit.pk, "file": stored, "name": name},
    )


class _Content:
    def __init__(self, data: bytes):
        self.data = data

    def chunks(self):
        yield self.data


def run(jobs: int, port: int, nice: int, sched_idle: bool, split_cores: bool = False) -> dict:
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    # SCHED_IDLE: the kernel gives the workers a core only when nothing else wants it.
    priority = ["chrt", "--idle", "0"] if sched_idle else ["nice", "-n", str(nice)]
    web_cores: list[str] = []
    if split_cores:
        # docs/scaling.md's layout (workers on a machine of their own) on one box: the workers
        # and the programs they start keep to the last core, gunicorn to the others.
        last = os.cpu_count() - 1
        priority = ["taskset", "--cpu-list", str(last), *priority]
        web_cores = ["taskset", "--cpu-list", f"0-{last - 1}" if last > 1 else "0"]
    workers = [
        _spawn(
            [
                *priority,
                sys.executable,
                "-m",
                "celery",
                "-A",
                "thidua",
                "worker",
                "--concurrency",
                "1",
                "--loglevel",
                "WARNING",
                "-n",
                f"bench{i}@%h",
            ],
            out / f"worker{i}.log",
        )  # fmt: skip
        for i in range(2)
    ]
    web = _spawn(
        [*web_cores, sys.executable, "-m", "gunicorn", "thidua.wsgi:application",
         "--workers", "2",
         "--bind", f"127.0.0.1:{port}"],
        out / "web.log",
    )  # fmt: skip
    try:
        time.sleep(6)
        tinh = User.objects.get(username="tinh")
        plan = Plan.objects.filter(issuer__name__icontains="Lào Cai").order_by("pk").first()
        unit = plan.issuer
        baocao_report = (
            Report.objects.filter(unit__name="UBND xã Thống Nhất").order_by("-period__end").first()
        )
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.login("baocao")
        report_path = f"/bao-cao/{baocao_report.pk}/"
        _latencies(browser, report_path, count=20)  # warm-up
        idle = _summary(_latencies(browser, report_path, count=150))

        busy_times: list[float] = []
        finished = threading.Event()
        probe = threading.Thread(
            target=lambda: busy_times.extend(
                _latencies(browser, report_path, count=None, until=finished.is_set)
            )
        )
        probe.start()
        today = django.utils.timezone.localdate()
        export_ids = []
        for _ in range(jobs):
            for kind in (Job.Kind.PLAN_EXCEL, Job.Kind.PLAN_WORD):
                export_ids.append(export_start(kind=kind, user=tinh, plan=plan, as_of=today).pk)
        export_seconds = _wait(export_ids)
        pdf, text = PDF.read_bytes(), _seed_text()
        import_ids = []
        for i in range(jobs):
            import_ids.append(_import(tinh, unit, f"kh-{i}.pdf", pdf).pk)
            import_ids.append(_import(tinh, unit, f"kh-36-trang-{i}.txt", text).pk)
        import_seconds = _wait(import_ids)
        finished.set()
        probe.join()
        statuses = dict(
            Job.objects.filter(pk__in=export_ids + import_ids)
            .values_list("status")
            .annotate(n=django.db.models.Count("pk"))
        )
        return {
            "workers": 2,
            "exports": {
                "jobs": len(export_ids),
                "seconds": round(export_seconds, 1),
                "per_minute": round(60 * len(export_ids) / export_seconds, 1),
            },
            "imports": {
                "jobs": len(import_ids),
                "seconds": round(import_seconds, 1),
                "per_minute": round(60 * len(import_ids) / import_seconds, 1),
            },
            "statuses": statuses,
            "report_page_idle": idle,
            "report_page_while_jobs_run": _summary(busy_times),
            "cores": os.cpu_count(),
            "worker_priority": "SCHED_IDLE" if sched_idle else f"nice {nice}",
            "cores_split": split_cores,
        }
    finally:
        for process in [*workers, web]:
            _stop(process)
        shutil.rmtree(default_storage.path("imports/bench"), ignore_errors=True)
        # The next run stores its files under the same names; a PlanImport left behind would be
        # found by the job's idempotence check and the import measured as nothing.
        PlanImport.objects.filter(source_file__startswith="imports/bench/").delete()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--json", action="store_true")
    # The workers' CPU priority, as deployed (docs/systemd/thidua-worker.service: Nice=10); 0 to
    # measure workers that compete with the web on equal terms.
    parser.add_argument("--nice", type=int, default=10)
    # The workers under the idle scheduling policy (systemd's CPUSchedulingPolicy=idle), a
    # candidate for the deployment to compare with --nice; --nice then does not apply.
    parser.add_argument("--idle", action=argparse.BooleanOptionalAction, default=False)
    # Workers on one core, the web on the others: the production layout with the workers on
    # their own machine, as near as one machine gets (PostgreSQL and Redis stay shared).
    parser.add_argument("--split-cores", action=argparse.BooleanOptionalAction, default=False)
    args = parser.parse_args()
    result = run(args.jobs, args.port, args.nice, args.idle, args.split_cores)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else result)
