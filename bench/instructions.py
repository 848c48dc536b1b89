"""What a reporter's requests cost the server, counted in CPU instructions instead of timed:
`python bench/instructions.py [--cycles N] [--pages-only] [--json]`.

Timings on a shared machine move by more than the differences worth finding (bench/README.md:
two runs of the same code differ by 10 %). Valgrind (cachegrind) counts the instructions the
Python process executes, which does not depend on what else the machine is doing: two runs of
the same code agree within 0.1 %. So a change, or the code of another day, is compared by running
this in each checkout, each against its own bench database of the same size and seed
(bench/province.py); the instructions are those of the app server's process (Django, the
templates, psycopg, gzip), not PostgreSQL's or Redis's.

Each run does, in-process with Django's test client and the load test's requests
(bench/locustfile.py: the report page asking for gzip, the autosave of every figure as a form
with its CSRF token, the submit), `--warm-up` report cycles and then N more; it is run twice
under valgrind, once with the warm-up alone, and the difference divided by N is the cost of
one report (or, with `--pages-only`, of one report page). Start-up, imports, the first
compilation of each template and the first reads of cached lines fall in the warm-up.
The load set is put back as generated before each run (`province.workload_reset`).

Needs valgrind (`apt-get install valgrind`). About 3 minutes for the default 10 cycles.

`--database-cpu N` runs N cycles without valgrind and prints the CPU time each cycle took in
this process and in its PostgreSQL backend (read from /proc: the database must be on this
machine). That one is timed, so compare it only between runs made one after the other.
"""

import argparse
import gzip
import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

VERSION_RE = re.compile(r'name="version" value="(\d+)"')
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = "application/x-www-form-urlencoded"


def drive(cycles: int, pages_only: bool, timed_after: int | None = None) -> dict:
    """`cycles` report cycles of the load plan's accounts (the child run under valgrind); with
    `timed_after`, the CPU seconds of this process and of its PostgreSQL backend over the
    cycles after that many."""
    province.django_setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from reporter_figures import figures

    # As a server starts: whatever the WSGI module does besides building the application.
    importlib.import_module("thidua.wsgi")
    settings.AXES_ENABLED = False
    users = json.loads(plan_path().read_text(encoding="utf-8"))["users"]
    accounts = get_user_model().objects.in_bulk(
        [u["username"] for u in users[:cycles]], field_name="username"
    )
    client = Client(enforce_csrf_checks=True, headers={"accept-encoding": "gzip"})
    started = None
    for n in range(cycles):
        if n == timed_after:
            started = time.process_time(), backend_cpu()
        account = users[n % len(users)]
        report_id = account["reports"][n // len(users)]
        client.force_login(accounts[account["username"]])
        page = client.get(f"/bao-cao/{report_id}/")
        assert page.status_code == 200, page.status_code
        if pages_only:
            continue
        html = page.content
        if page.get("Content-Encoding") == "gzip":
            html = gzip.decompress(html)
        html = html.decode()
        token = TOKEN_RE.search(html).group(1)
        fields = figures(account["base"], random.Random(report_id))[0]
        form = {"csrfmiddlewaretoken": token, "version": VERSION_RE.search(html).group(1)}
        saved = client.post(
            f"/bao-cao/{report_id}/tu-dong-luu/", urlencode({**form, **fields}), content_type=FORM
        )
        assert saved.status_code == 200, saved.content[:300]
        sent = client.post(
            f"/bao-cao/{report_id}/gui/",
            urlencode({"csrfmiddlewaretoken": token}),
            content_type=FORM,
        )
        assert sent.status_code == 302, sent.content[:300]
    if started is None:
        return {}
    return {
        "python_cpu_seconds": time.process_time() - started[0],
        "database_cpu_seconds": backend_cpu() - started[1],
    }


def backend_cpu() -> float:
    """CPU seconds used so far by this connection's PostgreSQL backend (on this machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def plan_path() -> Path:
    return province.ROOT / "bench" / "out" / "load_plan.json"


def reset() -> None:
    """The load set as generated, and the plan of who reports what."""
    province.django_setup()
    province.check_database()
    from run import write_load_plan

    province.workload_reset()
    plan_path().parent.mkdir(parents=True, exist_ok=True)
    write_load_plan(plan_path())


def instructions(cycles: int, pages_only: bool) -> int:
    """Instructions of a child process running `cycles` cycles, counted by cachegrind."""
    reset()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cachegrind.out"
        command = [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            f"--cachegrind-out-file={out}",
            sys.executable,
            __file__,
            "--drive",
            str(cycles),
            *(["--pages-only"] if pages_only else []),
        ]
        # A fixed hash seed: the same dictionaries and sets, so the same instructions.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        run = subprocess.run(command, env=env, capture_output=True, text=True)
        if run.returncode:
            sys.exit(run.stdout + run.stderr)
        refs = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
        return int(refs.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=10, help="measured report cycles")
    parser.add_argument("--warm-up", type=int, default=2, help="cycles before the measured ones")
    parser.add_argument("--pages-only", action="store_true", help="report pages, no saves")
    parser.add_argument(
        "--database-cpu",
        type=int,
        metavar="N",
        help="instead: N cycles without valgrind, CPU of Python and of PostgreSQL each (timed)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--drive", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive is not None:
        drive(args.drive, args.pages_only)
        return
    if args.database_cpu:
        reset()
        spent = drive(args.warm_up + args.database_cpu, args.pages_only, timed_after=args.warm_up)
        reset()
        each = {k.replace("seconds", "ms"): v * 1000 / args.database_cpu for k, v in spent.items()}
        print(json.dumps(each) if args.json else each)
        return
    if not shutil.which("valgrind"):
        sys.exit("valgrind is needed: apt-get install valgrind")
    warm = instructions(args.warm_up, args.pages_only)
    total = instructions(args.warm_up + args.cycles, args.pages_only)
    reset()
    each = (total - warm) / args.cycles
    result = {
        "what": "report page" if args.pages_only else "report cycle (page, autosave, submit)",
        "cycles": args.cycles,
        "warm_up_instructions": warm,
        "instructions_each": round(each),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['what']}: {each / 1e6:.1f} million instructions each ({args.cycles} runs)")


if __name__ == "__main__":
    main()
