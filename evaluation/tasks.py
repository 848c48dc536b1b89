"""Background jobs of evaluation (loaded by the worker's autodiscovery): the ranking exports."""

from evaluation import export_jobs  # noqa: F401  (registers the export jobs)
