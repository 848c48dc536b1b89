"""Scheduled work of reporting (Celery beat, thidua/settings.py CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.conf import settings

from reporting.reminders import reminders_send


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
