"""The fault phase of bench/run.py (issue #13, finding 14): during the reporters' load one
gunicorn worker is SIGKILLed in the middle of its requests and PostgreSQL is restarted once;
afterwards the data is checked.

The restart is `pg_ctl -D <data> restart -m fast`: the run refuses unless that data directory's
server (its postmaster.pid) listens on the port of DATABASE_URL, so only the server the bench
uses, which the person running it owns, is ever restarted. Never point it at a shared cluster.

Checks after the load (`fault_checks`):
- every figure the server acknowledged is stored (run.py's `lost_values`, which accepts a newer
  figure only if the client had sent it: a save committed by a worker killed before it
  answered is the reporter's, not a loss);
- no report is half-moved: its status is the `to_status` of its last event, and a report with
  figures has the save event that wrote them;
- the roll-ups equal a rebuild from the raw values.
"""

import os
import signal
import subprocess
import threading
import time
from pathlib import Path


def server_port_of(data_dir: Path) -> int:
    """The port the PostgreSQL of `data_dir` listens on (line 4 of postmaster.pid)."""
    lines = (data_dir / "postmaster.pid").read_text().splitlines()
    return int(lines[3])


def check_restartable(data_dir: Path) -> None:
    from django.db import connection

    port = int(connection.settings_dict.get("PORT") or 5432)
    if server_port_of(data_dir) != port:
        raise SystemExit(
            f"Refusing the fault phase: the server of {data_dir} does not listen on {port}, the "
            "port of DATABASE_URL; the bench restarts only the PostgreSQL it uses."
        )


def worker_pids(master: int) -> list[int]:
    """gunicorn's workers: the children of its master process."""
    path = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def busiest(workers: list[int], tries: int = 25) -> tuple[int, int]:
    """The worker that used the most CPU in the last 200 ms (one at work on a request), waiting
    up to `tries` samples for one that works; the first worker if none did."""
    for _ in range(tries):
        before = {pid: _cpu_ticks(pid) for pid in workers}
        time.sleep(0.2)
        used = {pid: _cpu_ticks(pid) - before[pid] for pid in workers}
        pid = max(used, key=used.get)
        if used[pid] > 0:
            return pid, used[pid]
    return workers[0], 0


class FaultInjector(threading.Thread):
    """At `kill_at` seconds SIGKILL one worker; at `restart_at` restart PostgreSQL."""

    def __init__(self, *, master: int, kill_at: float, restart_at: float, restart_cmd: list):
        super().__init__(daemon=True)
        self.master = master
        self.kill_at = kill_at
        self.restart_at = restart_at
        self.restart_cmd = restart_cmd
        self.record: dict = {}
        self._began = time.monotonic()

    def _sleep_until(self, moment: float) -> None:
        delay = self._began + moment - time.monotonic()
        if delay > 0:
            time.sleep(delay)

    def run(self) -> None:
        self._sleep_until(self.kill_at)
        workers = worker_pids(self.master)
        if workers:
            victim, busy = busiest(workers)
            os.kill(victim, signal.SIGKILL)
            self.record["killed_worker"] = {
                "pid": victim,
                "at_s": round(time.monotonic() - self._began, 1),
                "cpu_ticks_in_the_last_200_ms": busy,
                "of": workers,
            }
        self._sleep_until(self.restart_at)
        began = time.monotonic()
        result = subprocess.run(self.restart_cmd, capture_output=True, text=True, timeout=120)
        self.record["postgresql_restart"] = {
            "at_s": self.restart_at,
            "seconds": round(time.monotonic() - began, 2),
            "ok": result.returncode == 0,
            "output": (result.stdout + result.stderr)[-300:],
        }


def restart_command(data_dir: Path, pg_ctl: str, os_user: str | None) -> list[str]:
    # The server's output to a file: on pg_ctl's own stdout it would hold the pipe open.
    log = data_dir / "bench-restart.log"
    command = [pg_ctl, "-D", str(data_dir), "-l", str(log), "restart", "-m", "fast", "-w"]
    if os_user:
        return ["su", os_user, "-c", " ".join(command)]
    return command


def half_moved_reports(report_ids: list[int]) -> list[dict]:
    """Reports whose status is not their last event's, or with figures but no save event."""
    from reporting.models import Event, Report, ReportValue, WorkflowStatus

    last: dict[int, str] = {}
    saved: set[int] = set()
    for report_id, kind, to_status in (
        Event.objects.filter(report_id__in=report_ids)
        .exclude(kind=Event.Kind.REMIND)
        .order_by("pk")
        .values_list("report_id", "kind", "to_status")
    ):
        last[report_id] = to_status
        if kind in (Event.Kind.SAVE, Event.Kind.IMPORT):
            saved.add(report_id)
    with_values = set(
        ReportValue.objects.filter(report_id__in=report_ids).values_list("report_id", flat=True)
    )
    wrong = []
    for report_id, status in Report.objects.filter(pk__in=report_ids).values_list("pk", "status"):
        expected = last.get(report_id, WorkflowStatus.DRAFT)
        if status != expected:
            wrong.append({"report": report_id, "status": status, "last_event": expected})
        elif report_id in with_values and report_id not in saved:
            wrong.append({"report": report_id, "status": status, "values_without_save": True})
    return wrong


def rollups_differ_from_rebuild() -> int:
    """Roll-up rows that a rebuild from the raw values changes, adds or removes."""
    from django.db import connection

    from reporting.models import IndicatorRollup
    from reporting.rollups import rollup_rebuild

    table = IndicatorRollup._meta.db_table
    columns = (
        "unit_id, indicator_id, period_id, value_sum, numerator_sum, denominator_sum, value_count"
    )
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_rollup_before")
        cursor.execute(f"CREATE TABLE bench_rollup_before AS SELECT {columns} FROM {table}")
    rollup_rebuild()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT count(*) FROM (SELECT {columns} FROM bench_rollup_before "
            f"EXCEPT SELECT {columns} FROM {table}) a) + (SELECT count(*) FROM (SELECT "
            f"{columns} FROM {table} EXCEPT SELECT {columns} FROM bench_rollup_before) b)"
        )
        differ = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_rollup_before")
    return differ


def fault_checks(report_ids: list[int]) -> dict:
    half = half_moved_reports(report_ids)
    return {
        "reports_checked": len(report_ids),
        "half_moved_reports": len(half),
        "half_moved_examples": half[:5],
        "rollup_rows_differing_from_rebuild": rollups_differ_from_rebuild(),
    }
