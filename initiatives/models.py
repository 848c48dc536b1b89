"""Sáng kiến, mô hình, giải pháp: what a unit or one of its people registers, carries out, has
recognised at a level by a decision, and what other units replicate (seed 004 §II.2d: every
department and locality has at least one a year; §V.2b–c: Sở KH&CN collects models and
initiatives, Sở NN&MT the green ones).

Moved out of `registrations` (issue #14 §3): the table keeps its name `reporting_initiative`.
An initiative registered in a unit's yearly registration carries the registration's plan and
year; `Registration.initiatives` reads them back by (unit, plan, year).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SearchableModel, WorkflowEvent


class Field(models.TextChoices):
    SCIENCE = "khcn", _("Khoa học, công nghệ")
    INNOVATION = "dmst", _("Đổi mới sáng tạo")
    DIGITAL = "cds", _("Chuyển đổi số")
    GREEN = "cdx", _("Chuyển đổi xanh")


class Level(models.TextChoices):
    """Cấp công nhận: the council of the unit's own body (cơ sở) or the province's (tỉnh)."""

    BASE = "co_so", _("Cấp cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh")


class Initiative(SearchableModel):
    """Sáng kiến, mô hình, giải pháp. Workflow: draft → submitted (the unit) → under review
    (the coordinator takes it) → recognised at a level by a decision, or returned with a reason
    (the unit edits and sends again), or not recognised with a reason (final)."""

    Field = Field
    Level = Level

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        UNDER_REVIEW = "under_review", _("Đang xem xét")
        RECOGNISED = "recognised", _("Đã công nhận")
        RETURNED = "returned", _("Bị trả lại")
        NOT_RECOGNISED = "not_recognised", _("Không công nhận")

    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("đơn vị"),
    )
    person = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("tác giả (cá nhân)"),
    )
    # Set when registered in the unit's yearly registration under this plan.
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên sáng kiến, mô hình"), max_length=500)
    field = models.CharField(_("lĩnh vực"), max_length=10, choices=Field.choices)
    expected_result = models.TextField(_("kết quả dự kiến"), blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    effect = models.TextField(_("hiệu quả"), blank=True)
    targets = models.ManyToManyField(
        "plans.Target", blank=True, related_name="+", verbose_name=_("chỉ tiêu phục vụ")
    )
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    level = models.CharField(_("cấp công nhận"), max_length=10, choices=Level.choices, blank=True)
    influence = models.TextField(_("phạm vi ảnh hưởng"), blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    reason = models.TextField(_("lý do trả lại, không công nhận"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = ("title", "description", "effect")

    class Meta:
        verbose_name = _("sáng kiến, mô hình")
        verbose_name_plural = _("sáng kiến, mô hình")
        ordering = ["-year", "order", "pk"]
        db_table = "reporting_initiative"
        indexes = [models.Index(fields=["year", "unit"], name="initiative_year_unit")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="recognised") | ~models.Q(level=""),
                name="recognised_initiative_has_a_level",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Evidence(models.Model):
    """Minh chứng of an initiative: a file (checked as a report's evidence is) or a link."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp minh chứng"), upload_to="initiatives/%Y/%m/", blank=True)
    link = models.URLField(_("đường dẫn minh chứng"), max_length=500, blank=True)
    name = models.CharField(_("tên"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng sáng kiến")
        verbose_name_plural = _("minh chứng sáng kiến")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(file="") | ~models.Q(link=""), name="evidence_file_or_link"
            )
        ]

    def __str__(self):
        return self.name


class Replication(models.Model):
    """Nhân rộng: another unit carried out a recognised initiative, with its own results."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="replications"
    )
    unit = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    started_on = models.DateField(_("áp dụng từ"))
    results = models.TextField(_("kết quả"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nhân rộng")
        verbose_name_plural = _("nhân rộng")
        ordering = ["started_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "unit"], name="replicate_once_per_unit")
        ]


class Event(WorkflowEvent):
    """Every step and saved change of an initiative: who, when, from, to, why."""

    class Kind(models.TextChoices):
        CREATE = "create", _("Đăng ký")
        SAVE = "save", _("Lưu")
        SUBMIT = "submit", _("Gửi")
        REVIEW = "review", _("Tiếp nhận xem xét")
        RECOGNISE = "recognise", _("Công nhận")
        RETURN = "return", _("Trả lại")
        REFUSE = "refuse", _("Không công nhận")
        REPLICATE = "replicate", _("Nhân rộng")
        EVIDENCE = "evidence", _("Minh chứng")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("thao tác"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("lịch sử sáng kiến")
        verbose_name_plural = _("lịch sử sáng kiến")
        ordering = ["at", "pk"]

    @property
    def from_label(self) -> str:
        return Initiative.Status(self.from_status).label if self.from_status else ""

    @property
    def to_label(self) -> str:
        return Initiative.Status(self.to_status).label if self.to_status else ""


class FieldLead(models.Model):
    """Cơ quan chủ trì lĩnh vực: the department that leads a field province-wide (seed 004
    §V.2b–c: Sở KH&CN for science, innovation and digital transformation; Sở NN&MT for the
    green transition). People holding Role.FIELD_LEAD on this unit see that field's
    initiatives of the unit's province (initiatives/access.py)."""

    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        related_name="led_fields",
        verbose_name=_("đơn vị chủ trì"),
    )
    field = models.CharField(_("lĩnh vực"), max_length=10, choices=Field.choices)

    class Meta:
        verbose_name = _("cơ quan chủ trì lĩnh vực")
        verbose_name_plural = _("cơ quan chủ trì lĩnh vực")
        constraints = [models.UniqueConstraint(fields=["unit", "field"], name="lead_a_field_once")]

    def __str__(self):
        return f"{self.unit} — {self.get_field_display()}"
