"""The frozen ranking's Excel and Word exports as background jobs, like the dashboards' ones
(monitoring/export_jobs.py): the job reads with the scope of who started it, looked up again."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from evaluation import exports, ranking, selectors
from evaluation.access import EvaluationAccess
from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from org.models import EmulationBlock
from org.scope import user_scope

TITLES = {
    Job.Kind.RANKING_EXCEL: gettext_lazy("Excel xếp hạng: %(block)s (lần chốt %(n)s)"),
    Job.Kind.RANKING_WORD: gettext_lazy("Word xếp hạng: %(block)s (lần chốt %(n)s)"),
}


def export_start(*, kind: str, user, version, block: EmulationBlock) -> Job:
    title = str(TITLES[kind]) % {"block": block.name, "n": version.number}
    return job_start(
        kind=kind,
        title=title,
        user=user,
        unit=version.scheme.issuer,
        params={"version": version.pk, "block": block.pk},
    )


def _inputs(job: Job):
    scope = user_scope(job.started_by)
    try:
        version = selectors.version_in_scope(scope=scope, pk=job.params["version"])
        block = selectors.block_in_scheme(version.scheme, job.params["block"])
        if not EvaluationAccess(scope, version.scheme).can_see_ranking(block.pk):
            raise Http404
    except Http404 as exc:
        raise JobError(_("Bạn không còn quyền xem dữ liệu này, hoặc nó đã bị xóa.")) from exc
    criteria = selectors.scheme_criteria_ordered(version.scheme)
    return version, block, criteria, ranking.version_block(version, block, criteria)


@register(Job.Kind.RANKING_EXCEL)
def ranking_excel(job: Job, progress: Progress) -> JobResult:
    progress(_("Đang đọc kết quả xếp hạng"), 20)
    version, block, criteria, lines = _inputs(job)
    progress(_("Đang ghi tệp Excel"), 80)
    data = exports.ranking_workbook(version, block, criteria, lines)
    return JobResult(content=data, filename=f"xep-hang-{block.code}-lan-{version.number}.xlsx")


@register(Job.Kind.RANKING_WORD)
def ranking_word(job: Job, progress: Progress) -> JobResult:
    progress(_("Đang đọc kết quả xếp hạng"), 20)
    version, block, criteria, lines = _inputs(job)
    progress(_("Đang ghi tệp Word"), 80)
    data = exports.ranking_document(version, block, criteria, lines)
    return JobResult(content=data, filename=f"xep-hang-{block.code}-lan-{version.number}.docx")
