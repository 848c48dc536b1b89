"""A background job (việc chạy nền): who started it, what it reads, how far it got, its result."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One long action run by a Celery worker (import a plan file, an export, a rebuild).

    The id is a random UUID: a link to a job or its file cannot be guessed from another one.
    The row is the job's whole state; the worker writes its progress here and the page reads it.
    """

    class Kind(models.TextChoices):
        PLAN_IMPORT = "plan_import", _("Đọc tệp kế hoạch")
        PLAN_EXCEL = "plan_excel", _("Xuất Excel giám sát kế hoạch")
        PLAN_WORD = "plan_word", _("Báo cáo kết quả (Word)")
        TARGET_EXCEL = "target_excel", _("Xuất Excel chỉ tiêu")
        ROLLUP_REBUILD = "rollup_rebuild", _("Tính lại số liệu tổng hợp")
        REMINDERS = "reminders", _("Nhắc báo cáo")
        RANKING_EXCEL = "ranking_excel", _("Xuất Excel xếp hạng khối thi đua")
        RANKING_WORD = "ranking_word", _("Xuất Word xếp hạng khối thi đua")
        CERTIFICATES = "certificates", _("Giấy khen, Bằng khen")
        AWARD_DOCUMENT = "award_document", _("Văn bản khen thưởng (PDF)")
        TEST = "test", _("Việc thử")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("loại việc"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("việc"), max_length=255)
    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị"),
        help_text=_("Phạm vi dữ liệu việc này đọc: ai đọc được đơn vị này mới xem được việc."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người chạy"),
    )
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    step = models.CharField(_("bước"), max_length=255, blank=True)
    percent = models.PositiveSmallIntegerField(_("phần trăm"), default=0)
    error = models.TextField(_("lý do lỗi"), blank=True)
    can_retry = models.BooleanField(_("chạy lại được"), default=False)
    result_file = models.FileField(_("tệp kết quả"), upload_to="jobs/", blank=True, max_length=255)
    result_name = models.CharField(_("tên tệp kết quả"), max_length=255, blank=True)
    result_url = models.CharField(_("trang kết quả"), max_length=255, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    worker = models.CharField(_("máy chạy"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["started_by", "-created_at"]),
            models.Index(fields=["status", "heartbeat_at"]),
        ]

    def __str__(self):
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
