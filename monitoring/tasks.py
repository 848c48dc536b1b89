"""Background jobs of monitoring (loaded by the Celery worker's autodiscovery): the exports and
the rebuild of the roll-ups."""

from django.utils.translation import gettext as _

from jobs.models import Job
from jobs.runner import JobResult, Progress, register
from monitoring import export_jobs  # noqa: F401  (registers the export jobs)
from monitoring.rollups import rollup_rebuild


@register(Job.Kind.ROLLUP_REBUILD)
def rebuild(job: Job, progress: Progress) -> JobResult:
    """One transaction (readers keep the old rows until it commits): a rerun is harmless."""
    progress(_("Đang tính lại số liệu tổng hợp từ các báo cáo đã tiếp nhận"), 5)
    written = rollup_rebuild(period_ids=job.params.get("periods") or None)
    return JobResult(summary=_("Đã tính lại %(n)s dòng số liệu tổng hợp") % {"n": written})
