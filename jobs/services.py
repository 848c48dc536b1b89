"""Starting, claiming, progressing and ending jobs. The worker (jobs/runner.py), the views and
the commands all go through these functions; the Job row is the only state."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from jobs.models import Job

log = logging.getLogger(__name__)


def job_enqueue(job: Job) -> None:
    """Send the job to the queue once the row that describes it is committed (a worker must
    find it)."""
    from jobs.tasks import run_job

    job_id = str(job.pk)
    transaction.on_commit(lambda: run_job.delay(job_id))


def job_start(*, kind: str, title: str, user=None, unit=None, params: dict | None = None) -> Job:
    """Create a pending job and queue it; the caller shows its page at once."""
    job = Job.objects.create(
        kind=kind,
        title=title[:255],
        started_by=user,
        unit=unit,
        params=params or {},
        step=_("Đang chờ máy chạy nền"),
    )
    job_enqueue(job)
    return job


class JobNotRetryable(Exception):
    pass


@transaction.atomic
def job_retry(*, job: Job) -> Job:
    """Run a failed job again from the start (its inputs are still there)."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.status != Job.Status.FAILED or not job.can_retry:
        raise JobNotRetryable(_("Việc này không chạy lại được."))
    job.status, job.error, job.can_retry = Job.Status.PENDING, "", False
    job.percent, job.attempts, job.step = 0, 0, _("Đang chờ máy chạy nền")
    job.started_at = job.finished_at = job.heartbeat_at = None
    job.save()
    job_enqueue(job)
    return job


def job_progress(job_id, *, step: str, percent: int | None = None) -> None:
    """What a running job is doing now ("Đang đọc trang 12/30"), written at once so that the
    page sees it: call it outside the job's own transaction."""
    changes = {"step": str(step)[:255], "heartbeat_at": timezone.now()}
    if percent is not None:
        changes["percent"] = max(0, min(99, int(percent)))
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(**changes)


def job_heartbeat(job_id) -> None:
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(heartbeat_at=timezone.now())


def _lost_before(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(seconds=settings.JOB_LOST_AFTER_SECONDS)


class Claim:
    """What a worker may do with a job it received: run it, skip it (finished, or unknown), or
    look again later (another worker's heartbeat is still fresh)."""

    RUN, SKIP, LATER = "run", "skip", "later"


def job_claim(job_id, *, worker: str) -> tuple[str, Job | None]:
    """Take the job for this worker: a pending job, or a running one whose worker stopped
    beating (killed). A duplicate message of a finished job does nothing."""
    now = timezone.now()
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.is_finished:
        return Claim.SKIP, job
    if (
        job.status == Job.Status.RUNNING
        and job.heartbeat_at
        and job.heartbeat_at >= _lost_before(now)
    ):
        return Claim.LATER, job
    if job.attempts >= settings.JOB_MAX_ATTEMPTS:
        job_fail(job, error=_lost_message(job.attempts), can_retry=True)
        return Claim.SKIP, job
    claimable = Q(status=Job.Status.PENDING) | Q(
        status=Job.Status.RUNNING, heartbeat_at__lt=_lost_before(now)
    )
    taken = Job.objects.filter(claimable, pk=job_id).update(
        status=Job.Status.RUNNING,
        attempts=F("attempts") + 1,
        started_at=Coalesce(F("started_at"), now),
        heartbeat_at=now,
        worker=worker[:255],
        step=_("Đang bắt đầu"),
        percent=0,
    )
    if not taken:
        return Claim.LATER, job
    job.refresh_from_db()
    return Claim.RUN, job


def _lost_message(attempts: int) -> str:
    return _(
        "Máy chạy nền đã dừng giữa chừng %(n)s lần; việc chưa xong. Hãy chạy lại, nếu vẫn lỗi "
        "hãy báo quản trị."
    ) % {"n": attempts}


def job_succeed(
    job: Job, *, result_file: str = "", result_name: str = "", result_url: str = "", summary=""
):
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE,
        percent=100,
        step=str(summary or _("Đã xong"))[:255],
        result_file=result_file,
        result_name=result_name[:255],
        result_url=result_url[:255],
        finished_at=timezone.now(),
        error="",
        can_retry=False,
    )


def job_fail(job: Job, *, error: str, can_retry: bool) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED,
        step=_("Lỗi"),
        error=str(error),
        can_retry=can_retry,
        finished_at=timezone.now(),
    )


def job_requeue(job: Job, *, step: str) -> None:
    """Put a job back in the queue (a transient error, or its worker was lost)."""
    Job.objects.filter(pk=job.pk).update(status=Job.Status.PENDING, step=str(step)[:255])


def jobs_recover_lost(*, now: datetime.datetime | None = None) -> int:
    """Running jobs whose worker stopped beating (killed, machine lost): queued again while
    they have tries left, failed with a reason after. Run every minute by Celery beat, so no
    job stays "đang chạy" for ever whatever the broker."""
    now = now or timezone.now()
    lost_q = Q(status=Job.Status.RUNNING, heartbeat_at__lt=_lost_before(now))
    count = 0
    for job in Job.objects.filter(lost_q):
        # Conditional updates: a job that ended meanwhile is left alone.
        if job.attempts >= settings.JOB_MAX_ATTEMPTS:
            changed = Job.objects.filter(lost_q, pk=job.pk).update(
                status=Job.Status.FAILED,
                step=_("Lỗi"),
                error=_lost_message(job.attempts),
                can_retry=True,
                finished_at=now,
            )
        else:
            changed = Job.objects.filter(lost_q, pk=job.pk).update(
                status=Job.Status.PENDING,
                step=_("Máy chạy nền đã dừng giữa chừng; đang chạy lại"),
            )
            if changed:
                job_enqueue(job)
        if changed:
            log.warning("job %s lost by worker %s (attempt %s)", job.pk, job.worker, job.attempts)
            count += changed
    return count


def jobs_purge_results(*, now: datetime.datetime | None = None) -> int:
    """Result files (exports) are kept JOB_RESULT_DAYS days after their job ended, then deleted,
    so the shared media folder does not grow without end; the job stays listed, without its
    file. Run daily by Celery beat."""
    from django.core.files.storage import default_storage

    now = now or timezone.now()
    old = Job.objects.filter(
        status=Job.Status.DONE,
        finished_at__lt=now - datetime.timedelta(days=settings.JOB_RESULT_DAYS),
    ).exclude(result_file="")
    count = 0
    for job in old:
        default_storage.delete(job.result_file.name)
        Job.objects.filter(pk=job.pk).update(
            result_file="", step=_("Tệp kết quả đã hết hạn lưu; hãy chạy lại việc để có tệp mới")
        )
        count += 1
    return count
