"""Certificates as a background job (jobs app): a batch of the registry, or one record's PDF.
The job reads the records again with the scope of who started it, looked up when it runs."""

from django.http import Http404
from django.utils.translation import gettext as _

from awards import selectors
from awards.certificates import BATCH_LIMIT, Format, certificates_batch
from documents.pdf import DocumentConversionError
from documents.render import DocumentTemplateError
from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from org.scope import user_scope


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
