"""Benchmark of issue #15: a batch of certificates (Giấy khen / Bằng khen) as one merged PDF,
made by one Celery worker on 2 cores, and the web p95 of a page idle and meanwhile.

`python bench/certificates_bench.py --json [--records 500] [--port 8115]`

Against DATABASE_URL with the demo loaded (`manage.py migrate && manage.py load_demo`), Redis at
REDIS_URL (broker and sessions, bench/settings_bench.py) and THIDUA_VAR_DIR for the media. It adds
`--records` award records to the registry under one decision number (Lào Cai's units and people
in turn; deleted at the end), starts one worker (`celery worker --concurrency 1`, at nice 10 as
deployed) and gunicorn with two processes, then queues the batch as the registry's button does
(awards.tasks.certificates_start, output "one PDF to print"). Meanwhile one client GETs the
November report of xã Thống Nhất as `baocao` (the page of bench/jobs_bench.py) in a loop.
"""

import argparse
import datetime
import io
import json
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_bench")

import django  # noqa: E402

django.setup()

import pypdfium2  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402

from awards.certificates import Format  # noqa: E402
from awards.models import AwardForm, AwardKind, AwardRecord  # noqa: E402
from awards.selectors import RegistryFilters  # noqa: E402
from awards.tasks import certificates_start  # noqa: E402
from bench.jobs_bench import Browser, _latencies, _spawn, _stop, _summary, _wait  # noqa: E402
from jobs.models import Job  # noqa: E402
from org.models import OrgUnit, Person  # noqa: E402
from reporting.models import Report  # noqa: E402

DECISION = "9999/QĐ-UBND-BENCH"


def _records(count: int) -> None:
    """`count` awards of the year-end round: individuals (Bằng khen) and collectives in turn."""
    AwardRecord.objects.filter(decision_number=DECISION).delete()
    merit = AwardForm.objects.get(code="bang-khen-chu-tich-tinh")
    yearly = AwardKind.objects.get(code="hang-nam")
    province = OrgUnit.objects.get(code="LCI")
    units = list(OrgUnit.objects.filter(path__startswith=province.path, merged_into=None))
    people = list(Person.objects.filter(unit__path__startswith=province.path))
    rows = []
    for index in range(count):
        subject = {}
        if index % 2 and people:
            person = people[index % len(people)]
            subject = {"person": person, "owner_unit": person.unit, "subject_type": "individual",
                       "subject_name": f"{person.full_name} ({index})"}  # fmt: skip
        else:
            unit = units[index % len(units)]
            subject = {"subject_unit": unit, "owner_unit": unit, "subject_type": "collective",
                       "subject_name": f"{unit.name} ({index})"}  # fmt: skip
        rows.append(
            AwardRecord(
                form=merit,
                kind=yearly,
                year=2026,
                decision_number=DECISION,
                decision_date=datetime.date(2027, 1, 20),
                signer="KT. Chủ tịch — Phó Chủ tịch UBND tỉnh",
                achievement="Đã có thành tích xuất sắc trong Phong trào thi đua năm 2026",
                search_text="bench",
                **subject,
            )
        )
    AwardRecord.objects.bulk_create(rows)


def run(records: int, port: int, nice: int) -> dict:
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    _records(records)
    worker = _spawn(
        ["nice", "-n", str(nice), sys.executable, "-m", "celery", "-A", "thidua", "worker",
         "--concurrency", "1", "--loglevel", "WARNING", "-n", "certbench@%h"],
        out / "certificates-worker.log",
    )  # fmt: skip
    web = _spawn(
        [sys.executable, "-m", "gunicorn", "thidua.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{port}"],
        out / "certificates-web.log",
    )  # fmt: skip
    try:
        time.sleep(6)
        tinh = User.objects.get(username="tinh")
        report = (
            Report.objects.filter(unit__name="UBND xã Thống Nhất").order_by("-period__end").first()
        )
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.login("baocao")
        path = f"/bao-cao/{report.pk}/"
        _latencies(browser, path, count=20)  # warm-up
        idle = _summary(_latencies(browser, path, count=150))

        busy: list[float] = []
        finished = threading.Event()
        probe = threading.Thread(
            target=lambda: busy.extend(_latencies(browser, path, count=None, until=finished.is_set))
        )
        probe.start()
        steps = []
        job = certificates_start(
            user=tinh,
            filters=RegistryFilters(decision_number=DECISION),
            output=Format.MERGED_PDF,
            title=f"Bench: {records} giấy khen",
        )
        watcher = threading.Thread(target=_watch, args=(job.pk, steps, finished), daemon=True)
        watcher.start()
        seconds = _wait([job.pk])
        finished.set()
        probe.join()
        job.refresh_from_db()
        pages = 0
        if job.result_file:
            with job.result_file.open("rb") as handle:
                document = pypdfium2.PdfDocument(io.BytesIO(handle.read()))
                pages = len(document)
                document.close()
        busy_summary = _summary(busy)
        return {
            "records": records,
            "status": job.status,
            "error": job.error,
            "seconds": round(seconds, 1),
            "pages": pages,
            "pages_per_minute": round(60 * pages / seconds, 1),
            "steps_seen": steps[:3] + steps[-3:],
            "page_idle": idle,
            "page_while_batch_runs": busy_summary,
            "p95_ratio": round(busy_summary["p95_ms"] / idle["p95_ms"], 2),
            "cores": os.cpu_count(),
            "worker_nice": nice,
        }
    finally:
        for process in (worker, web):
            _stop(process)
        AwardRecord.objects.filter(decision_number=DECISION).delete()


def _watch(job_id, steps: list, finished: threading.Event) -> None:
    """The job page's progress line, as the person watching it sees it change."""
    last = ""
    while not finished.is_set():
        step = Job.objects.filter(pk=job_id).values_list("step", flat=True).first() or ""
        if step != last:
            steps.append(step)
            last = step
        time.sleep(0.5)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--port", type=int, default=8115)
    parser.add_argument("--nice", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.records, args.port, args.nice)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else result)
