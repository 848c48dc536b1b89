"""Where the time of a reporter's requests goes: `python bench/profile_paths.py [--reports N]`.

Runs the three requests of the load test (report page, autosave of every figure, submit) and
the coordinator's accept in-process with Django's test client against the bench database, on
reports of the load set, under cProfile. Prints, for each path: wall time, number of SQL
queries and time spent in them, then the functions with the most cumulative and own time.
The load set is put back as generated afterwards (`province.workload_reset`).

Run bench/province.py (or bench/run.py) first. cProfile slows Python down by about 1.5-2x, so
the shares matter more than the absolute times; the wall times without a profiler are printed
first.
"""

import argparse
import cProfile
import io
import json
import pstats
import random
import re
import sys
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

VERSION_RE = re.compile(r'name="version" value="(\d+)"')


class QueryClock:
    """A database execute wrapper that counts queries and adds up their time by kind."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0
        self.by_kind: dict[str, list] = defaultdict(lambda: [0, 0.0])

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.count += 1
            self.seconds += spent
            kind = sql.split(None, 1)[0].upper() if sql else "?"
            self.by_kind[kind][0] += 1
            self.by_kind[kind][1] += spent


def fields_for(base: dict, report_id: int) -> dict:
    """The form fields the load test would send for this report."""
    from reporter_figures import figures

    return figures(base, random.Random(report_id))[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20, help="reports per path")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--save", action="store_true", help="also write bench/out/profile-<path>.prof (pstats)"
    )
    args = parser.parse_args()
    province.django_setup()
    province.check_database()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from org.scope import UserScope
    from reporting.models import Report
    from reporting.services import report_accept

    settings.AXES_ENABLED = False
    province.workload_reset()
    from run import write_load_plan

    plan_path = province.ROOT / "bench" / "out" / "load_plan.json"
    write_load_plan(plan_path)
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    users = plan["users"]
    User = get_user_model()
    paths = {"page": [], "autosave": [], "submit": []}
    cpu_paths = {"page": [], "autosave": [], "submit": [], "accept": []}
    profiles = {name: cProfile.Profile() for name in (*paths, "accept")}
    clocks = {name: QueryClock() for name in (*paths, "accept")}

    def timed(name: str, call, profile: bool):
        clock = clocks[name] if profile else QueryClock()
        with connection.execute_wrapper(clock):
            started, cpu_started = time.perf_counter(), time.process_time()
            if profile:
                profiles[name].enable()
            response = call()
            if profile:
                profiles[name].disable()
            spent, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        if not profile:
            paths[name].append(spent)
            cpu_paths[name].append(cpu)
        return response

    # One client for every account, as a server worker is one process: a new Client would load
    # the middleware again, and WhiteNoise's scan of the static files would be timed as the page.
    client = Client()
    client.get("/dang-nhap/")
    # Each report twice: once plain (wall time), once under the profiler (the next report).
    for n in range(args.reports * 2):
        profile = n % 2 == 1
        account = users[n % len(users)]
        report_id = account["reports"][n // len(users)]
        client.force_login(User.objects.get(username=account["username"]))
        page = timed("page", partial(client.get, f"/bao-cao/{report_id}/"), profile)
        assert page.status_code == 200, page.status_code
        version = VERSION_RE.search(page.content.decode()).group(1)
        data = {"version": version, **fields_for(account["base"], report_id)}
        saved = timed(
            "autosave", partial(client.post, f"/bao-cao/{report_id}/tu-dong-luu/", data), profile
        )
        assert saved.status_code == 200, saved.content[:300]
        sent = timed("submit", partial(client.post, f"/bao-cao/{report_id}/gui/"), profile)
        assert sent.status_code == 302, sent.content[:300]

    coordinator = User.objects.get(username=province.COORDINATOR)
    scope = UserScope(user_id=None, is_superuser=True)
    accept_times = []
    for n, report_id in enumerate(province.meta_get("accept_report_ids")[: args.reports * 2]):
        report = Report.objects.select_related("unit").get(pk=report_id)
        profile = n % 2 == 1
        clock = clocks["accept"] if profile else QueryClock()
        with connection.execute_wrapper(clock):
            started, cpu_started = time.perf_counter(), time.process_time()
            if profile:
                profiles["accept"].enable()
            report_accept(scope=scope, user=coordinator, report=report)
            if profile:
                profiles["accept"].disable()
            else:
                accept_times.append(time.perf_counter() - started)
                cpu_paths["accept"].append(time.process_time() - cpu_started)
    paths["accept"] = accept_times
    province.workload_reset()

    for name, profile in profiles.items():
        runs = len(paths[name])
        clock = clocks[name]
        wall, cpu = sorted(paths[name]), sorted(cpu_paths[name])
        print(
            f"\n=== {name}: median {wall[len(wall) // 2] * 1000:.1f} ms without profiler, "
            f"of which {cpu[len(cpu) // 2] * 1000:.1f} ms of this process's CPU"
        )
        print(
            f"    per request: {clock.count / runs:.1f} queries, "
            f"{clock.seconds / runs * 1000:.1f} ms in the database (under the profiler); "
            + ", ".join(
                f"{kind} {c / runs:.1f} ({s / runs * 1000:.1f} ms)"
                for kind, (c, s) in sorted(clock.by_kind.items())
            )
        )
        if args.save:
            profile.dump_stats(province.ROOT / "bench" / "out" / f"profile-{name}.prof")
        for key in ("cumulative", "tottime"):
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.strip_dirs().sort_stats(key).print_stats(args.top)
            text = out.getvalue()
            print(f"--- by {key}")
            print(text[text.find("   ncalls") :])


if __name__ == "__main__":
    main()
