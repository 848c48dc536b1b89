"""The Quyết định as PDF, a background job (LibreOffice takes seconds: never in the request).
The job reads the decision again with the scope of who started it, when it runs."""

from django.http import Http404
from django.utils.translation import gettext as _

from decisions.documents import decision_docx, decision_filename
from decisions.selectors import decision_in_scope
from documents.pdf import DocumentConversionError, docx_to_pdf
from documents.render import DocumentTemplateError
from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from org.scope import user_scope


def decision_pdf_start(*, user, decision):
    return job_start(
        kind=Job.Kind.AWARD_DOCUMENT,
        title=_("Quyết định số %(n)s (PDF)") % {"n": decision.number},
        user=user,
        unit=decision.unit,
        params={"decision": decision.pk},
    )


@register(Job.Kind.AWARD_DOCUMENT)
def decision_pdf(job: Job, progress: Progress) -> JobResult:
    progress(_("Đang lập quyết định"), 10)
    try:
        decision = decision_in_scope(scope=user_scope(job.started_by), pk=job.params["decision"])
    except Http404 as exc:
        raise JobError(_("Bạn không còn quyền xem dữ liệu này, hoặc nó đã bị xóa.")) from exc
    try:
        data = decision_docx(decision)
        progress(_("Đang chuyển sang PDF"), 40)
        pdf = docx_to_pdf(data)
    except (DocumentTemplateError, DocumentConversionError) as exc:
        raise JobError(str(exc)) from exc
    filename = decision_filename(decision).removesuffix(".docx") + ".pdf"
    return JobResult(content=pdf, filename=filename, summary=str(decision))
