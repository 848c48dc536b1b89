"""Background jobs of monitoring (loaded by the Celery worker's autodiscovery): the exports.
The rebuild of the roll-ups is reporting's (reporting/tasks.py), which writes them."""

from monitoring import export_jobs  # noqa: F401  (registers the export jobs)
