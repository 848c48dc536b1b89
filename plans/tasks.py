"""Background jobs of plans (loaded by the Celery worker's autodiscovery)."""

from plans import import_jobs  # noqa: F401  (registers the plan file reading job)
