"""Kế hoạch (plans): the document, what it cites, the awards it promises, and its import."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import CompactHistoricalRecords
from core.models import SearchableModel


class ReportingFrequency(models.TextChoices):
    """How often a plan asks its units to report (the same values as a reporting schedule's)."""

    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class Plan(SearchableModel):
    """Kế hoạch, or any document a plan refers to (nghị quyết, quyết định...).

    A document that a plan implements or replaces but that nobody has entered yet is kept as a
    placeholder (status PLACEHOLDER) with what the citing plan says of it, to be completed later.
    """

    class DocType(models.TextChoices):
        PLAN = "KH", _("Kế hoạch")
        RESOLUTION = "NQ", _("Nghị quyết")
        DECISION = "QĐ", _("Quyết định")
        PROGRAMME = "CTr", _("Chương trình")
        GUIDANCE = "HD", _("Hướng dẫn")
        OTHER = "VB", _("Văn bản khác")

    class Status(models.TextChoices):
        PLACEHOLDER = "placeholder", _("Chưa nhập (văn bản được dẫn chiếu)")
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    doc_type = models.CharField(
        _("loại văn bản"), max_length=5, choices=DocType.choices, default=DocType.PLAN
    )
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    issuer = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("đơn vị ban hành"),
    )
    issuer_name = models.CharField(
        _("cơ quan ban hành (như văn bản ghi)"), max_length=255, blank=True
    )
    place = models.CharField(_("địa danh"), max_length=120, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # When only "tháng 5 năm 2026" or "năm 2026" is written: "2026-05" or "2026".
    issued_period = models.CharField(
        _("thời điểm ban hành (chưa đủ ngày)"), max_length=7, blank=True
    )
    title = models.TextField(_("trích yếu"))
    movement = models.ForeignKey(
        "movements.Movement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("phong trào"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    signature_authority = models.CharField(_("thẩm quyền ký"), max_length=120, blank=True)
    signature_position = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    # The plan's reporting clause (chế độ báo cáo), e.g. seed 001 §IV "trước ngày 20 hằng tháng":
    # the default of every reporting schedule made for the plan.
    reporting_frequency = models.CharField(
        _("chế độ báo cáo: tần suất"),
        max_length=20,
        choices=ReportingFrequency.choices,
        blank=True,
    )
    reporting_due_day = models.PositiveSmallIntegerField(
        _("chế độ báo cáo: hạn nộp ngày"), null=True, blank=True
    )
    source_file = models.FileField(_("tệp gốc"), upload_to="plans/%Y/", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = CompactHistoricalRecords(excluded_fields=["search_text"], compact_fields=["title"])

    search_fields = ("number", "title", "issuer_name")

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-created_at"]

    def __str__(self):
        return self.display_number + " " + self.title[:80]

    @property
    def display_number(self) -> str:
        """How the plan is named wherever it is listed or cited: its number, or, when the number
        is blank ("Số: …/KH", a draft or a copy without it), its type, issuer and date, so that
        two such plans are told apart: "Kế hoạch (chưa có số) của UBND xã Thống Nhất, 07/2026".
        Lists select the issuer with the plan (`select_related("issuer")`)."""
        if self.number:
            return self.number
        issuer = self.issuer.name if self.issuer_id else self.issuer_name
        parts = {"type": self.get_doc_type_display(), "issuer": issuer}
        if issuer and self.issued_display:
            label = _("%(type)s (chưa có số) của %(issuer)s, %(date)s")
        elif issuer:
            label = _("%(type)s (chưa có số) của %(issuer)s")
        elif self.issued_display:
            label = _("%(type)s (chưa có số), %(date)s")
        else:
            label = _("%(type)s (chưa có số)")
        return str(label % {**parts, "date": self.issued_display})

    @property
    def citation(self) -> str:
        """The plan as a sentence cites it, before "của <issuer>": "Kế hoạch số 40/KH-UBND ngày
        12/05/2026", or "Kế hoạch (chưa có số) tháng 07/2026" when its number is blank."""
        if self.issued_on:
            when = _("ngày %(d)s") % {"d": self.issued_display}
        elif len(self.issued_period) == 7:
            when = _("tháng %(d)s") % {"d": self.issued_display}
        elif self.issued_period:
            when = _("năm %(d)s") % {"d": self.issued_display}
        else:
            when = ""
        if self.number:
            head = _("%(type)s số %(number)s") % {
                "type": self.get_doc_type_display(),
                "number": self.number,
            }
        else:
            head = _("%(type)s (chưa có số)") % {"type": self.get_doc_type_display()}
        return f"{head} {when}".strip()

    @property
    def is_placeholder(self) -> bool:
        return self.status == self.Status.PLACEHOLDER

    @property
    def issued_display(self) -> str:
        """The issue date as written: dd/mm/yyyy, or mm/yyyy, or yyyy."""
        if self.issued_on:
            return self.issued_on.strftime("%d/%m/%Y")
        if len(self.issued_period) == 7:
            return f"{self.issued_period[5:]}/{self.issued_period[:4]}"
        return self.issued_period

    def clean(self):
        errors = {}
        if self.status != self.Status.PLACEHOLDER and not self.issuer_id:
            errors["issuer"] = _("Chọn đơn vị ban hành kế hoạch.")
        if self.status == self.Status.ISSUED and not self.number.strip():
            errors["number"] = _("Kế hoạch đã ban hành phải có số, ký hiệu.")
        if self.issued_period and not _valid_period(self.issued_period):
            errors["issued_period"] = _("Ghi năm (2026) hoặc tháng (2026-05).")
        if self.reporting_due_day is not None and not 1 <= self.reporting_due_day <= 31:
            errors["reporting_due_day"] = _("Ngày hạn nộp báo cáo phải từ 1 đến 31.")
        if errors:
            raise ValidationError(errors)


def _valid_period(value: str) -> bool:
    try:
        if len(value) == 4:
            return 1900 < int(value) < 2200
        year, month = value.split("-")
        return 1900 < int(year) < 2200 and 1 <= int(month) <= 12
    except ValueError:
        return False


class PlanText(models.Model):
    """The plan's whole text as imported (normalised), in a table of its own: every page that
    joins a plan to its rows (a report and its period, a list of targets) would otherwise read
    the tens of kilobytes of a real plan once a row, and nothing but the import reads it."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, primary_key=True, related_name="source"
    )
    text = models.TextField(_("văn bản đã chuẩn hóa"))

    class Meta:
        verbose_name = _("văn bản kế hoạch")
        verbose_name_plural = _("văn bản kế hoạch")


class PlanReference(models.Model):
    """What a plan implements (thực hiện) or replaces (thay thế), as links between documents."""

    class Relation(models.TextChoices):
        IMPLEMENTS = "implements", _("Thực hiện")
        REPLACES = "replaces", _("Thay thế")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    referenced = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="referenced_by")
    relation = models.CharField(_("quan hệ"), max_length=20, choices=Relation.choices)
    text = models.TextField(_("trích dẫn"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("văn bản dẫn chiếu")
        verbose_name_plural = _("văn bản dẫn chiếu")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "referenced", "relation"], name="plan_reference_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(plan=models.F("referenced")), name="plan_reference_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.plan} → {self.get_relation_display()} → {self.referenced}"


class PlanAward(models.Model):
    """Hình thức khen thưởng a plan names (seed 004 §III: Cờ thi đua, Bằng khen của Chủ tịch
    UBND tỉnh, Giấy khen), with who receives it and the quota or condition, as written."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="awards")
    order = models.PositiveSmallIntegerField(default=0)
    form = models.CharField(_("hình thức khen thưởng"), max_length=300)
    recipients = models.CharField(_("đối tượng"), max_length=300, blank=True)
    condition = models.TextField(_("số lượng, điều kiện"), blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    span_end = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hình thức khen thưởng của kế hoạch")
        verbose_name_plural = _("hình thức khen thưởng của kế hoạch")
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.form


class PlanImport(models.Model):
    """An uploaded plan document and the draft the extractor proposed, awaiting review.

    Nothing becomes a Plan until a person confirms the reviewed draft; the upload is kept and
    attached to the plan it became.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ rà soát")
        CONFIRMED = "confirmed", _("Đã tạo kế hoạch")
        DISCARDED = "discarded", _("Đã hủy")

    issuer = models.ForeignKey(
        "org.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị ban hành")
    )
    source_file = models.FileField(_("tệp gốc"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    draft = models.JSONField(_("bản đề xuất"), default=dict)
    text = models.TextField(_("văn bản đã chuẩn hóa"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    plan = models.ForeignKey(
        Plan, on_delete=models.SET_NULL, null=True, blank=True, related_name="imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp kế hoạch nhập")
        verbose_name_plural = _("tệp kế hoạch nhập")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name
