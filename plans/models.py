"""Kế hoạch (plans), their chỉ tiêu (targets) and nhiệm vụ (tasks)."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

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
    source_text = models.TextField(_("văn bản đã chuẩn hóa"), blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["source_text", "search_text"])

    search_fields = ("number", "title", "issuer_name")

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-created_at"]

    def __str__(self):
        return self.display_number + " " + self.title[:80]

    @property
    def display_number(self) -> str:
        return self.number or _("Số: …/%(type)s") % {"type": self.doc_type}

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


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    GT = ">", ">"
    EQ = "=", "="
    LTE = "<=", "≤"
    LT = "<", "<"
    RANGE = "range", _("trong khoảng")
    TOP = "top", _("thuộc nhóm dẫn đầu")
    INCREASE = "increase", _("tăng")
    DECREASE = "decrease", _("giảm")


class TargetUnit(models.TextChoices):
    PERCENT = "%", "%"
    COUNT = "count", _("số lượng")
    RANK = "rank", _("thứ hạng / bậc")
    OTHER = "other", _("khác")


class Target(SearchableModel):
    """Chỉ tiêu: a plan's measurable promise, kept with its text as written.

    A child plan's target aligns to the parent plan's target it implements (`parent_target`),
    which is how the cascade view checks that every level covers what the level above promised.
    A qualitative target has no value and is tracked by evidence.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    section = models.CharField(_("mục"), max_length=500, blank=True)
    text = models.TextField(_("nội dung như văn bản ghi"))
    subject = models.CharField(_("đối tượng đo"), max_length=500, blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("chỉ số"),
    )
    comparator = models.CharField(
        _("so sánh"), max_length=10, choices=Comparator.choices, blank=True
    )
    value = models.DecimalField(
        _("giá trị"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    value_max = models.DecimalField(
        _("giá trị tối đa"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị"), max_length=10, choices=TargetUnit.choices, blank=True)
    due_year = models.PositiveSmallIntegerField(_("năm đạt"), null=True, blank=True)
    due_date = models.DateField(_("hạn đạt"), null=True, blank=True)
    # Where the path towards the due value starts (seed 004: "so với thứ hạng năm 2025").
    baseline_value = models.DecimalField(
        _("giá trị xuất phát"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("năm xuất phát"), null=True, blank=True)
    # Seed 004 §III.1a: every unit registers its targets each year; some plans let a unit set
    # its own level (a commune with few online services), others impose the plan's figure.
    unit_value_allowed = models.BooleanField(
        _("đơn vị được đăng ký mức riêng"),
        default=False,
        help_text=_("Khi đăng ký thi đua, đơn vị ghi mức phấn đấu của mình thay cho mức chung."),
    )
    # Seed 004 §II.2d: "mỗi sở, ban, ngành, địa phương ... có ít nhất 01 mô hình": the level
    # applies to every unit, so a province meets it when all its units do, not when their sum
    # reaches 1.
    applies_to_each_unit = models.BooleanField(
        _("áp dụng cho từng đơn vị"),
        default=False,
        help_text=_("Mỗi đơn vị phải tự đạt mức này; cấp trên đạt khi mọi đơn vị đạt."),
    )
    responsible_units = models.ManyToManyField(
        "org.OrgUnit", blank=True, related_name="targets", verbose_name=_("đơn vị chịu trách nhiệm")
    )
    responsible_text = models.CharField(
        _("đơn vị chịu trách nhiệm (như văn bản ghi)"), max_length=500, blank=True
    )
    parent_target = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aligned_targets",
        verbose_name=_("chỉ tiêu cấp trên"),
    )
    span_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    span_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    search_fields = ("text", "subject", "section")

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.text[:120]

    @property
    def is_quantitative(self) -> bool:
        return self.value is not None

    def clean(self):
        errors = {}
        if self.comparator and self.value is None:
            errors["value"] = _("Có phép so sánh thì phải có giá trị.")
        if self.value is not None and not self.comparator:
            errors["comparator"] = _("Chọn phép so sánh cho giá trị này.")
        if self.comparator == Comparator.RANGE:
            if self.value_max is None:
                errors["value_max"] = _("Khoảng giá trị cần cả giá trị tối đa.")
            elif self.value is not None and self.value_max < self.value:
                errors["value_max"] = _("Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu.")
        elif self.value_max is not None:
            errors["value_max"] = _("Chỉ ghi giá trị tối đa khi chọn “trong khoảng”.")
        if self.unit == TargetUnit.PERCENT and self.value is not None:
            top = self.value_max if self.value_max is not None else self.value
            if self.value < 0 or top > 100:
                errors["value"] = _("Tỷ lệ phần trăm phải từ 0 đến 100.")
        if self.baseline_year and self.due_year and self.baseline_year > self.due_year:
            errors["baseline_year"] = _("Năm xuất phát phải trước năm đạt.")
        if self.due_year and not 1900 < self.due_year < 2200:
            errors["due_year"] = _("Năm đạt không hợp lệ.")
        if self.parent_target_id and self.parent_target.plan_id == self.plan_id:
            errors["parent_target"] = _("Chỉ tiêu cấp trên phải thuộc kế hoạch cấp trên.")
        if errors:
            raise ValidationError(errors)


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


class Task(SearchableModel):
    """Nhiệm vụ with the "06 rõ": work, lead and coordinating units, deadline(s), product, status.

    Overdue (quá hạn) is not stored: it is a task not done whose `due_date` has passed.
    `due_date` is the end of the first dated deadline, kept in step by `refresh_due_date`.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    section = models.CharField(_("mục"), max_length=500, blank=True)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    text = models.TextField(_("nội dung"), blank=True)
    product = models.CharField(_("sản phẩm đầu ra"), max_length=500, blank=True)
    lead_units = models.ManyToManyField(
        "org.OrgUnit", blank=True, related_name="led_tasks", verbose_name=_("đơn vị chủ trì")
    )
    lead_units_text = models.CharField(
        _("đơn vị chủ trì (như văn bản ghi)"), max_length=500, blank=True
    )
    coordinating_units = models.ManyToManyField(
        "org.OrgUnit",
        blank=True,
        related_name="coordinated_tasks",
        verbose_name=_("đơn vị phối hợp"),
    )
    coordinating_units_text = models.CharField(
        _("đơn vị phối hợp (như văn bản ghi)"), max_length=500, blank=True
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True, editable=False)
    is_recurring = models.BooleanField(_("thường xuyên"), default=False, editable=False)
    span_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    span_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    search_fields = ("title", "text", "product", "section", "lead_units_text")

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.title[:120]

    def clean(self):
        errors = {}
        if self.progress > 100:
            errors["progress"] = _("Tiến độ phải từ 0 đến 100%.")
        if self.status == TaskStatus.DONE and self.progress not in (0, 100):
            errors["progress"] = _("Nhiệm vụ hoàn thành thì tiến độ là 100%.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return (
            self.status != TaskStatus.DONE
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    @property
    def display_status(self) -> str:
        return str(_("Quá hạn")) if self.is_overdue else self.get_status_display()


class TaskDeadline(models.Model):
    """Thời hạn: a date, "trước ngày", a month, a quarter, a year, or recurring with a frequency."""

    class Kind(models.TextChoices):
        DATE = "date", _("Ngày")
        BEFORE = "before", _("Trước ngày")
        MONTH = "month", _("Tháng")
        QUARTER = "quarter", _("Quý")
        YEAR = "year", _("Năm")
        RECURRING = "recurring", _("Thường xuyên / định kỳ")

    class Frequency(models.TextChoices):
        CONTINUOUS = "continuous", _("Thường xuyên")
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        HALF_YEARLY = "half_yearly", _("6 tháng")
        YEARLY = "yearly", _("Hằng năm")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="deadlines")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("loại thời hạn"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("ngày"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quý"), null=True, blank=True)
    frequency = models.CharField(
        _("tần suất"), max_length=20, choices=Frequency.choices, blank=True
    )
    label = models.CharField(_("như văn bản ghi"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.display

    def clean(self):
        errors = {}
        kind = self.kind
        if kind in (self.Kind.DATE, self.Kind.BEFORE) and not self.date:
            errors["date"] = _("Nhập ngày theo dạng dd/mm/yyyy.")
        if kind in (self.Kind.MONTH, self.Kind.QUARTER, self.Kind.YEAR) and not self.year:
            errors["year"] = _("Nhập năm.")
        if kind == self.Kind.MONTH and not (self.month and 1 <= self.month <= 12):
            errors["month"] = _("Tháng phải từ 1 đến 12.")
        if kind == self.Kind.QUARTER and not (self.quarter and 1 <= self.quarter <= 4):
            errors["quarter"] = _("Quý phải từ I đến IV (1–4).")
        if kind == self.Kind.RECURRING and not self.frequency:
            errors["frequency"] = _("Chọn tần suất cho nhiệm vụ thường xuyên.")
        if self.year and not 1900 < self.year < 2200:
            errors["year"] = _("Năm không hợp lệ.")
        if errors:
            raise ValidationError(errors)

    @property
    def end_date(self) -> datetime.date | None:
        """The last day the deadline allows; None for a recurring task."""
        if self.kind in (self.Kind.DATE, self.Kind.BEFORE):
            return self.date
        if self.kind == self.Kind.MONTH and self.year and self.month:
            return datetime.date(
                self.year, self.month, calendar.monthrange(self.year, self.month)[1]
            )
        if self.kind == self.Kind.QUARTER and self.year and self.quarter:
            month = self.quarter * 3
            return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])
        if self.kind == self.Kind.YEAR and self.year:
            return datetime.date(self.year, 12, 31)
        return None

    @property
    def display(self) -> str:
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        if self.kind == self.Kind.DATE and self.date:
            return self.date.strftime("%d/%m/%Y")
        if self.kind == self.Kind.BEFORE and self.date:
            return _("Trước ngày %(d)s") % {"d": self.date.strftime("%d/%m/%Y")}
        if self.kind == self.Kind.MONTH and self.year and self.month:
            return _("Tháng %(m)02d/%(y)s") % {"m": self.month, "y": self.year}
        if self.kind == self.Kind.QUARTER and self.year and self.quarter:
            return _("Quý %(q)s/%(y)s") % {"q": roman[self.quarter], "y": self.year}
        if self.kind == self.Kind.YEAR and self.year:
            return _("Năm %(y)s") % {"y": self.year}
        if self.kind == self.Kind.RECURRING:
            return str(self.Frequency(self.frequency).label) if self.frequency else self.label
        return self.label


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
