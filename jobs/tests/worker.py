"""Start a real `celery -A thidua worker` process against the test database and broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def database_url() -> str:
    """The URL of the test database as this process sees it (a file on SQLite)."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def worker_env(var_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thidua.settings",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_FILESYSTEM_DIR": str(settings.CELERY_FILESYSTEM_DIR),
        "THIDUA_VAR_DIR": str(var_dir),
        "JOB_HEARTBEAT_SECONDS": "0.5",
        "JOB_LOST_AFTER_SECONDS": "3",
    }
    env.pop("DATABASE_REPLICA_URL", None)
    env.update(extra)
    return env


def purge_queue() -> None:
    """Messages a previous, killed run left in the broker would run here against other rows."""
    from thidua.celery import app

    app.control.purge()


def start_worker(var_dir: Path, *, include: str = "", **extra: str) -> subprocess.Popen:
    """A worker in its own process group (so a test can kill it whole), logging to var_dir."""
    var_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "celery", "-A", "thidua", "worker",
        "--pool=prefork", "--concurrency=1", "--loglevel=INFO",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
        "-n", f"test-{uuid.uuid4().hex[:8]}@%h",
    ]  # fmt: skip
    if include:
        command += ["-I", include]
    log = open(var_dir / f"worker-{time.monotonic_ns()}.log", "wb")  # noqa: SIM115
    return subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=worker_env(var_dir, **extra),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def wait_for(predicate, *, timeout: float = 60, what: str = "", logs: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    detail = ""
    if logs is not None:
        detail = "\n".join(p.read_text(errors="replace")[-3000:] for p in logs.glob("worker-*.log"))
    raise AssertionError(f"timed out waiting for {what}\n{detail}")
