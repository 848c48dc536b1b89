"""What a worker does with one job: claim it, run the handler of its kind with a heartbeat,
store the result file whole or not at all, and record how it ended.

Handlers are registered by the apps that own the work (plans/tasks.py, reporting/tasks.py,
monitoring/tasks.py):

    @register(Job.Kind.PLAN_EXCEL)
    def plan_excel(job: Job, progress: Progress) -> JobResult: ...

The handler runs inside `core.history.changes_by(job.started_by)`: every history version it
writes names the person who started the job.

A handler raises JobError with a Vietnamese reason for a failure the person can act on; a
lost database or broker connection makes the job wait and run again; anything else fails the job
with a general reason (the traceback goes to the log, never to the page).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, connection
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from core.history import changes_by
from jobs import services
from jobs.models import Job

log = logging.getLogger(__name__)


class JobError(Exception):
    """A failure with a reason the person who started the job can act on."""

    def __init__(self, message: str, *, can_retry: bool = False):
        super().__init__(message)
        self.message, self.can_retry = str(message), can_retry


# Errors that pass: the job is queued again after a pause (Celery's retry with a countdown).
TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
RETRY_COUNTDOWN = 10


@dataclass
class JobResult:
    """A file to download (content and name) or a page to go to (url), or both; `summary` is
    the last line the job's page shows ("Đã tính lại 1.234 dòng")."""

    content: bytes | None = None
    filename: str = ""
    url: str = ""
    summary: str = ""


class Progress:
    """Passed to a handler: `progress(step, percent)` tells the page what is happening."""

    def __init__(self, job: Job):
        self.job = job

    def __call__(self, step: str, percent: int | None = None) -> None:
        services.job_progress(self.job.pk, step=step, percent=percent)


Handler = Callable[[Job, Progress], JobResult]
HANDLERS: dict[str, Handler] = {}


def register(kind: str) -> Callable[[Handler], Handler]:
    def decorate(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return decorate


def handler_of(kind: str) -> Handler | None:
    """The handler of a kind; the apps' `tasks` modules register them when imported (the
    worker imports them at start; any other process on first need)."""
    if kind not in HANDLERS:
        autodiscover_modules("tasks")
    return HANDLERS.get(kind)


@dataclass
class Outcome:
    status: str
    retry_in: float | None = None


class _Heartbeat(threading.Thread):
    """Writes the job's heartbeat while the handler runs, even through a long silent step;
    it stops when the process dies, which is how a killed worker's job is recognised."""

    def __init__(self, job_id):
        super().__init__(daemon=True, name=f"job-heartbeat-{job_id}")
        self.job_id, self.stopped = job_id, threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(settings.JOB_HEARTBEAT_SECONDS):
                try:
                    services.job_heartbeat(self.job_id)
                except Exception:  # a busy database: the next beat will do
                    log.warning("heartbeat of job %s not written", self.job_id, exc_info=True)
        finally:
            connection.close()


def _store(job: Job, result: JobResult) -> str:
    """Write the result under a temporary name and rename it at the end: a reader never sees a
    half-written file, and a failure leaves none behind."""
    if result.content is None:
        return ""
    name = f"jobs/{job.pk}/{os.path.basename(result.filename) or 'ket-qua'}"
    final = default_storage.path(name)
    os.makedirs(os.path.dirname(final), exist_ok=True)
    partial = f"{final}.part"
    try:
        with open(partial, "wb") as out:
            out.write(result.content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return name


def job_run(job_id, *, worker: str = "") -> Outcome:
    """Run one job to its end; idempotent: a finished job is skipped, a rerun starts over.
    (Celery's Django fixup closes stale database connections around each task.)"""
    claim, job = services.job_claim(job_id, worker=f"{worker or 'local'}:{os.getpid()}")
    if claim == services.Claim.SKIP:
        return Outcome("skipped")
    if claim == services.Claim.LATER:
        return Outcome("later", retry_in=settings.JOB_LOST_AFTER_SECONDS)
    handler = handler_of(job.kind)
    if handler is None:
        services.job_fail(job, error=_("Loại việc này chưa được hỗ trợ."), can_retry=False)
        return Outcome(Job.Status.FAILED)
    beat = _Heartbeat(job.pk)
    beat.start()
    stored = ""
    try:
        # What the handler changes is the work of whoever started the job: its history names
        # them, not "the system" (a job started by nobody, e.g. from a command, names nobody).
        with changes_by(job.started_by):
            result = handler(job, Progress(job))
        stored = _store(job, result)
        services.job_succeed(
            job,
            result_file=stored,
            result_name=result.filename,
            result_url=result.url,
            summary=result.summary,
        )
        return Outcome(Job.Status.DONE)
    except JobError as exc:
        _discard(stored)
        services.job_fail(job, error=exc.message, can_retry=exc.can_retry)
        return Outcome(Job.Status.FAILED)
    except ValidationError as exc:
        _discard(stored)
        services.job_fail(job, error=" ".join(exc.messages), can_retry=False)
        return Outcome(Job.Status.FAILED)
    except SoftTimeLimitExceeded:
        _discard(stored)
        log.warning("job %s (%s) stopped at its time limit", job.pk, job.kind)
        services.job_fail(
            job,
            error=_(
                "Việc chạy quá %(minutes)s phút nên đã dừng; hãy chạy lại vào lúc ít việc hơn, "
                "nếu vẫn dừng hãy báo quản trị."
            )
            % {"minutes": max(1, round(settings.CELERY_TASK_SOFT_TIME_LIMIT / 60))},
            can_retry=True,
        )
        return Outcome(Job.Status.FAILED)
    except TRANSIENT:
        _discard(stored)
        log.warning("job %s: transient error, queued again", job.pk, exc_info=True)
        if job.attempts >= settings.JOB_MAX_ATTEMPTS:
            services.job_fail(
                job, error=_("Mất kết nối tới cơ sở dữ liệu; hãy chạy lại sau."), can_retry=True
            )
            return Outcome(Job.Status.FAILED)
        services.job_requeue(job, step=_("Tạm mất kết nối; sẽ chạy lại"))
        return Outcome(Job.Status.PENDING, retry_in=RETRY_COUNTDOWN)
    except Exception:
        _discard(stored)
        log.exception("job %s (%s) failed", job.pk, job.kind)
        services.job_fail(
            job,
            error=_("Có lỗi ngoài dự kiến; hãy chạy lại, nếu vẫn lỗi hãy báo quản trị."),
            can_retry=True,
        )
        return Outcome(Job.Status.FAILED)
    finally:
        beat.stopped.set()
        beat.join(timeout=5)


def _discard(name: str) -> None:
    if name:
        default_storage.delete(name)
