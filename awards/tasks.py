"""Award documents as background jobs (jobs app): certificates — a batch of the registry, or one
record's PDF — and any Word document of the award trail as PDF. A job reads its records again
with the scope of who started it, looked up when it runs."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from awards import selectors
from awards.certificates import BATCH_LIMIT, Format, certificates_batch
from documents.pdf import DocumentConversionError, docx_to_pdf
from documents.render import DocumentTemplateError
from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from org.scope import UserScope, user_scope


def certificates_start(*, user, filters: selectors.RegistryFilters, output: str, title: str):
    """Queue the certificates of every record the filters select (as the registry shows them)."""
    return job_start(
        kind=Job.Kind.CERTIFICATES,
        title=title,
        user=user,
        params={"filters": filters.as_params(), "output": output},
    )


def certificate_pdf_start(*, user, record):
    """One record's certificate as PDF (LibreOffice takes seconds: never in the request)."""
    return job_start(
        kind=Job.Kind.CERTIFICATES,
        title=_("Giấy khen (PDF): %(name)s") % {"name": record.subject_name},
        user=user,
        unit=record.owner_unit,
        params={"record": record.pk, "output": Format.MERGED_PDF},
    )


def records_certificates_start(*, user, records: list, title: str, unit=None):
    """The certificates of these registry records (an issued decision's awardees) as one PDF;
    the job reads them again through the scope of `user` when it runs."""
    return job_start(
        kind=Job.Kind.CERTIFICATES,
        title=title,
        user=user,
        unit=unit,
        params={"records": [r.pk for r in records], "output": Format.MERGED_PDF},
    )


def _records(job: Job) -> tuple[list, str]:
    scope = user_scope(job.started_by)
    if "record" in job.params:
        try:
            record = selectors.record_in_scope(scope=scope, pk=job.params["record"])
        except Http404 as exc:
            raise JobError(_("Bạn không còn quyền xem dữ liệu này, hoặc nó đã bị xóa.")) from exc
        return [record], f"giay-khen-{record.year}-{record.pk}"
    filters = selectors.RegistryFilters.from_params(job.params.get("filters", {}))
    queryset = selectors.registry_list(scope=scope, filters=filters)
    if "records" in job.params:
        queryset = queryset.filter(pk__in=[int(pk) for pk in job.params["records"]][:BATCH_LIMIT])
    records = list(
        queryset.select_related("person__unit", "owner_unit__unit_type")[: BATCH_LIMIT + 1]
    )
    if not records:
        raise JobError(_("Không có khen thưởng nào khớp bộ lọc để in giấy khen."))
    if len(records) > BATCH_LIMIT:
        raise JobError(
            _("Quá %(n)s khen thưởng trong một lần in; hãy lọc theo quyết định hoặc hình thức.")
            % {"n": BATCH_LIMIT}
        )
    return records, f"giay-khen-{len(records)}"


@register(Job.Kind.CERTIFICATES)
def certificates(job: Job, progress: Progress) -> JobResult:
    progress(_("Đang đọc sổ khen thưởng"), 2)
    records, name = _records(job)
    output = job.params.get("output", Format.MERGED_PDF)
    if output not in Format.CHOICES:
        raise JobError(_("Định dạng tệp không hợp lệ."))
    try:
        result = certificates_batch(records, output=output, name=name, progress=progress)
    except (DocumentTemplateError, DocumentConversionError) as exc:
        raise JobError(str(exc)) from exc
    summary = _("Đã tạo %(n)s giấy khen") % {"n": result.count}
    return JobResult(content=result.content, filename=result.filename, summary=summary)


# --- One Word document of the award trail, as PDF ----------------------------------------------
# Each app that writes a document of the trail registers how to read its record again with the
# scope of who started the job and render the Word file (nominations: Mẫu 01, Mẫu 08; council:
# biên bản; decisions: quyết định). One job converts any of them, with the same steps and
# messages, and LibreOffice never runs in a request.


@dataclass(frozen=True)
class AwardDocument:
    docx: bytes
    filename: str  # of the Word file; the PDF keeps its stem
    summary: str


AWARD_DOCUMENTS: dict[str, Callable[[UserScope, int], AwardDocument]] = {}


def award_document(name: str):
    """Register the builder of one document: (scope, id) -> AwardDocument, raising Http404
    when the record is out of the scope."""

    def decorate(builder):
        AWARD_DOCUMENTS[name] = builder
        return builder

    return decorate


def award_document_pdf_start(*, user, document: str, pk: int, title: str, unit=None) -> Job:
    return job_start(
        kind=Job.Kind.AWARD_DOCUMENT,
        title=title,
        user=user,
        unit=unit,
        params={"document": document, "pk": pk},
    )


@register(Job.Kind.AWARD_DOCUMENT)
def award_document_pdf(job: Job, progress: Progress) -> JobResult:
    # Jobs queued before the trail had several documents carry {"decision": id}.
    name = job.params.get("document", "decision")
    pk = job.params.get("pk", job.params.get("decision"))
    if name not in AWARD_DOCUMENTS:
        autodiscover_modules("tasks")  # the builders live in the apps' tasks modules
    build = AWARD_DOCUMENTS.get(name)
    if build is None:
        raise JobError(_("Không rõ văn bản cần lập."))
    progress(_("Đang lập văn bản"), 10)
    try:
        document = build(user_scope(job.started_by), pk)
        progress(_("Đang chuyển sang PDF"), 40)
        pdf = docx_to_pdf(document.docx)
    except Http404 as exc:
        raise JobError(_("Bạn không còn quyền xem dữ liệu này, hoặc nó đã bị xóa.")) from exc
    except (DocumentTemplateError, DocumentConversionError) as exc:
        raise JobError(str(exc)) from exc
    filename = document.filename.removesuffix(".docx") + ".pdf"
    return JobResult(content=pdf, filename=filename, summary=document.summary)
