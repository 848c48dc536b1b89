"""Scheduled work of reporting (Celery beat, thidua/settings.py CELERY_BEAT_SCHEDULE) and its
background job, the rebuild of the roll-ups (loaded by the Celery worker's autodiscovery)."""

from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from jobs.models import Job
from jobs.runner import JobResult, Progress, register
from reporting.reminders import reminders_send
from reporting.rollups import rollup_rebuild


@shared_task(name="reporting.tasks.send_reminders", acks_late=True)
def send_reminders() -> int:
    """Daily: e-mail the units that have not submitted, before and after the due day. Each
    reminder is recorded and goes once, so a rerun of the same day sends nothing twice."""
    outcome = reminders_send(
        today=None,
        days_before=settings.REMINDER_DAYS_BEFORE,
        days_after=settings.REMINDER_DAYS_AFTER,
        dry_run=False,
    )
    return len(outcome.sent)


@register(Job.Kind.ROLLUP_REBUILD)
def rebuild(job: Job, progress: Progress) -> JobResult:
    """One transaction (readers keep the old rows until it commits): a rerun is harmless."""
    progress(_("Đang tính lại số liệu tổng hợp từ các báo cáo đã tiếp nhận"), 5)
    written = rollup_rebuild(period_ids=job.params.get("periods") or None)
    return JobResult(summary=_("Đã tính lại %(n)s dòng số liệu tổng hợp") % {"n": written})
