"""Reading an uploaded plan document off the request: the upload is checked and stored at once,
a background job (jobs/) runs the extractor and creates the PlanImport that the review page
shows. Nothing becomes a Plan until a person confirms the review (plans/importing.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.sandbox import SandboxError, run_bounded
from core.uploads import UploadRefused, upload_check
from jobs.models import Job
from jobs.runner import JobError, JobResult, Progress, register
from jobs.services import job_start
from org.models import OrgUnit
from org.scope import UserScope
from plans.importing import ALLOWED_SUFFIXES
from plans.models import PlanImport


def plan_import_start(*, scope: UserScope, user, issuer: OrgUnit, uploaded_file) -> Job:
    """Check what can be checked at once (who, which format, an empty, oversized or
    decompression-bomb file: the reason next to the field, nothing kept), store the file and
    queue the reading job."""
    from extraction import MAX_BYTES

    if not scope.can_manage(issuer):
        raise ValidationError(
            {"issuer": gettext_lazy("Bạn chỉ nhập được kế hoạch của đơn vị mình quản lý.")}
        )
    name = uploaded_file.name or ""
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        raise ValidationError(
            {"source_file": gettext_lazy("Chỉ nhận tệp Word (.docx), PDF có chữ, .txt hoặc .md.")}
        )
    if not uploaded_file.size:
        raise ValidationError({"source_file": _("Tệp rỗng: không có nội dung để đọc.")})
    if uploaded_file.size > MAX_BYTES:
        raise ValidationError(
            {"source_file": _("Tệp quá lớn; giới hạn là %(mb)s MB.") % {"mb": MAX_BYTES >> 20}}
        )
    try:
        upload_check(uploaded_file, name=name)
    except UploadRefused as exc:
        raise ValidationError({"source_file": exc.message}) from exc
    field = PlanImport._meta.get_field("source_file")
    stored = default_storage.save(field.generate_filename(None, name), uploaded_file)
    return job_start(
        kind=Job.Kind.PLAN_IMPORT,
        title=_("Đọc tệp %(name)s") % {"name": name},
        user=user,
        unit=issuer,
        params={"issuer": issuer.pk, "file": stored, "name": name[:255]},
    )


@register(Job.Kind.PLAN_IMPORT)
def plan_import_read(job: Job, progress: Progress) -> JobResult:
    """Run the extractor on the stored upload. Idempotent: a rerun after the PlanImport was
    saved (worker killed before the job was marked done) finds it instead of making another."""
    stored, name = job.params["file"], job.params["name"]
    existing = PlanImport.objects.filter(source_file=stored).first()
    if existing is None:
        if not default_storage.exists(stored):
            raise JobError(_("Tệp tải lên không còn trên máy chủ; hãy tải lại tệp."))
        path = default_storage.path(stored)
        progress(_("Đang đọc tệp %(name)s") % {"name": name}, 5)
        try:
            upload_check(path, name=name)  # a file stored before the guard existed
            answer = run_bounded(
                ["extraction.child", path],
                timeout=settings.PLAN_IMPORT_TIMEOUT_SECONDS,
                memory_mb=settings.PLAN_IMPORT_MEMORY_MB,
                on_message=lambda message: _report(progress, message),
            )
        except (UploadRefused, SandboxError) as exc:
            default_storage.delete(stored)
            raise JobError(exc.message) from exc
        if "error" in answer:
            # As before the queue: a file the extractor refuses leaves nothing behind.
            default_storage.delete(stored)
            raise JobError(answer["error"])
        progress(_("Đang lưu bản đề xuất"), 90)
        existing = PlanImport(
            issuer_id=job.params["issuer"],
            original_name=name,
            created_by=job.started_by,
            draft=answer["draft"],
            text=answer["text"],
        )
        existing.source_file.name = stored
        existing.save()
    return JobResult(url=reverse("plans:import_review", args=[existing.pk]))


def _report(progress: Progress, message: dict) -> None:
    """The reading child's news on the job's page: a PDF's pages one by one (10–60 %), then the
    extraction."""
    if "page" in message and message.get("pages"):
        done, pages = int(message["page"]), int(message["pages"])
        progress(
            _("Đang đọc trang %(done)s/%(pages)s") % {"done": done, "pages": pages},
            10 + 50 * done // pages,
        )
    elif message.get("step") == "extract":
        progress(_("Đang tách căn cứ, chỉ tiêu và nhiệm vụ"), 60)
