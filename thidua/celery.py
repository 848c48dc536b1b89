"""The Celery application of Thi đua số: background jobs (jobs/) and the daily schedule.

Configured from Django's settings (the CELERY_* names in thidua/settings.py). Run a worker with
`celery -A thidua worker` and the scheduler with `celery -A thidua beat` (docs/workers.md).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
