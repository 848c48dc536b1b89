"""Reporting cycle: schedules, periods and reports with figures and task progress.

Seed 001 §IV: units report by the 20th of every month; seed 004 §V.4: yearly, at the sơ kết and
the tổng kết; seed 001 §III.1: late or wrong reports are a reason to refuse awards, so every step,
lateness and completeness is recorded.
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import WorkflowEvent
from plans.models import task_progress_agrees


class Schedule(models.Model):
    """Lịch báo cáo of a plan: how often which units report, by which day, on what."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        HALF_YEARLY = "half_yearly", _("6 tháng")
        YEARLY = "yearly", _("Hằng năm")
        ONE_OFF = "one_off", _("Một lần (sơ kết, tổng kết)")

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="schedules", verbose_name=_("kế hoạch")
    )
    name = models.CharField(_("tên lịch báo cáo"), max_length=200)
    frequency = models.CharField(_("tần suất"), max_length=20, choices=Frequency.choices)
    due_day = models.PositiveSmallIntegerField(
        _("hạn nộp: ngày"), default=20, help_text=_("Seed 001: ngày 20 hằng tháng.")
    )
    due_month_offset = models.PositiveSmallIntegerField(
        _("hạn nộp: số tháng sau tháng cuối kỳ"),
        default=0,
        help_text=_("0: nộp ngay trong tháng cuối kỳ (ngày 20/11 cho báo cáo tháng 11)."),
    )
    unit_types = models.ManyToManyField(
        "org.UnitType", related_name="+", verbose_name=_("loại đơn vị báo cáo")
    )
    tasks = models.ManyToManyField(
        "plans.Task", blank=True, related_name="schedules", verbose_name=_("nhiệm vụ cập nhật")
    )
    evidence_required_for_done = models.BooleanField(
        _("nhiệm vụ hoàn thành phải có minh chứng"), default=True
    )
    jump_warning_percent = models.PositiveSmallIntegerField(
        _("ngưỡng biến động so với kỳ trước (%)"),
        default=50,
        help_text=_("Số liệu thay đổi quá ngưỡng này thì người báo cáo phải giải trình."),
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch báo cáo")
        verbose_name_plural = _("lịch báo cáo")
        ordering = ["plan", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if not 1 <= self.due_day <= 31:
            errors["due_day"] = _("Ngày hạn nộp phải từ 1 đến 31.")
        if self.due_month_offset > 3:
            errors["due_month_offset"] = _("Hạn nộp chậm nhất 3 tháng sau khi hết kỳ.")
        if self.jump_warning_percent < 1:
            errors["jump_warning_percent"] = _("Ngưỡng biến động phải lớn hơn 0.")
        if errors:
            raise ValidationError(errors)

    def due_date_for(self, end: datetime.date) -> datetime.date:
        """The due day `due_month_offset` months after the period's last month, clamped to the
        month's length (due day 31 in November is 30/11)."""
        month_index = end.year * 12 + end.month - 1 + self.due_month_offset
        year, month = divmod(month_index, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return datetime.date(year, month + 1, min(self.due_day, last))


class ScheduleIndicator(models.Model):
    """An indicator a schedule asks for, from which unit types, and whether it is required."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="+", verbose_name=_("chỉ số")
    )
    unit_types = models.ManyToManyField(
        "org.UnitType",
        blank=True,
        related_name="+",
        verbose_name=_("chỉ áp dụng cho loại đơn vị"),
        help_text=_("Để trống: mọi loại đơn vị báo cáo của lịch."),
    )
    required = models.BooleanField(_("bắt buộc"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ số báo cáo")
        verbose_name_plural = _("chỉ số báo cáo")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "indicator"], name="schedule_indicator_once"
            )
        ]

    def __str__(self):
        return str(self.indicator)


class Period(models.Model):
    """Kỳ báo cáo: one month, quarter, half-year, year, or a one-off review (sơ kết, tổng kết)."""

    schedule = models.ForeignKey(Schedule, on_delete=models.CASCADE, related_name="periods")
    code = models.CharField(_("mã kỳ"), max_length=20)
    label = models.CharField(_("tên kỳ"), max_length=80)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    due_date = models.DateField(_("hạn nộp"))
    is_closed = models.BooleanField(_("đã khóa"), default=False)
    closed_at = models.DateTimeField(_("khóa lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["schedule", "start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "code"], name="period_code_once"),
        ]
        indexes = [models.Index(fields=["start"])]

    def __str__(self):
        return self.label

    def clean(self):
        if self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc kỳ phải sau ngày bắt đầu.")})


class PeriodReopening(models.Model):
    """A closed period opened again for one unit, with the reason (who, when, why)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reopenings")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("lý do"))
    until = models.DateField(_("mở đến ngày"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("mở lại kỳ báo cáo")
        verbose_name_plural = _("mở lại kỳ báo cáo")
        ordering = ["-created_at"]


class WorkflowStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Chờ thủ trưởng duyệt")
    APPROVED = "approved", _("Chờ tiếp nhận")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    RETURNED = "returned", _("Bị trả lại")


# --- Reports -----------------------------------------------------------------------------------


class Report(models.Model):
    """Báo cáo of one unit for one period: figures, task progress, narrative, its workflow."""

    Status = WorkflowStatus

    unit = models.ForeignKey("org.OrgUnit", on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=WorkflowStatus.choices, default=WorkflowStatus.DRAFT
    )
    results = models.TextField(_("kết quả đạt được"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    # Lateness is judged on the first submission (seed 001: late reports weigh on awards).
    days_late = models.IntegerField(_("số ngày trễ"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    completeness = models.DecimalField(
        _("mức đầy đủ (%)"), max_digits=5, decimal_places=1, default=0
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-period__start", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="one_report_per_unit_period")
        ]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self):
        return f"{self.unit} — {self.period}"

    @property
    def is_editable_by_reporter(self) -> bool:
        return self.status in (WorkflowStatus.DRAFT, WorkflowStatus.RETURNED)


class ReportValue(models.Model):
    """One indicator's figure in a report. A ratio keeps numerator and denominator (its
    percentage is computed, never stored); yes/no is 1 or 0 in `value`; a text in `text`."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="report_values"
    )
    value = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)
    comment = models.TextField(_("giải trình"), blank=True)
    return_note = models.TextField(_("ghi chú khi trả lại"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")
        ]

    @property
    def ratio_percent(self):
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator * 100 / self.denominator

    @property
    def is_filled(self) -> bool:
        return (
            self.value is not None
            or (self.numerator is not None and self.denominator is not None)
            or bool(self.text.strip())
        )


class TaskUpdate(models.Model):
    """A task's status, progress and evidence as a unit reports them for a period."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        OVERDUE = "overdue", _("Quá hạn")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="task_updates")
    task = models.ForeignKey("plans.Task", on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    note = models.TextField(_("kết quả, sản phẩm"), blank=True)
    evidence_link = models.URLField(_("đường dẫn minh chứng"), blank=True, max_length=500)
    return_note = models.TextField(_("ghi chú khi trả lại"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "task"], name="one_update_per_task"),
            # The plan's rule, from the same table (plans.models.tasks.PROGRESS_BOUNDS).
            models.CheckConstraint(
                condition=task_progress_agrees(), name="task_update_status_agrees_with_progress"
            ),
        ]


class Evidence(models.Model):
    """A file attached as evidence of a task's progress (biên bản, ảnh, văn bản ban hành)."""

    task_update = models.ForeignKey(TaskUpdate, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("tệp minh chứng"), upload_to="evidence/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    # Bytes, kept so that a unit's total is one query (EVIDENCE_MAX_BYTES_PER_UNIT).
    size = models.PositiveBigIntegerField(_("dung lượng"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


class Event(WorkflowEvent):
    """Every change of a report: who, when, from where, what changed, why.

    Saves of a draft are recorded too (with the fields that changed), so that a figure can
    always be traced back to the person who typed it.
    """

    class Kind(models.TextChoices):
        SAVE = "save", _("Lưu nháp")
        IMPORT = "import", _("Nhập từ Excel")
        SUBMIT = "submit", _("Gửi")
        APPROVE = "approve", _("Thủ trưởng duyệt")
        ACCEPT = "accept", _("Tiếp nhận")
        RETURN = "return", _("Trả lại")
        REOPEN = "reopen", _("Mở lại để sửa")
        REMIND = "remind", _("Nhắc hạn")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("thao tác"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("lịch sử thao tác")
        verbose_name_plural = _("lịch sử thao tác")
        ordering = ["at", "pk"]


class Reminder(models.Model):
    """A reminder e-mailed about a period to a unit that had not submitted, so it goes once."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Trước hạn")
        AFTER = "after", _("Quá hạn")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey("org.OrgUnit", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.JSONField(default=list)

    class Meta:
        verbose_name = _("nhắc hạn")
        verbose_name_plural = _("nhắc hạn")
        constraints = [
            models.UniqueConstraint(fields=["period", "unit", "kind"], name="remind_once_per_kind")
        ]


# Roll-ups: each unit's figures summed over its whole subtree, per period and indicator.
# Accepting a report adds its values to the rows of the unit and of every ancestor, in the same
# transaction (`reporting.rollups`); reopening it subtracts them. A command (`rebuild_rollups`)
# rebuilds every row from the raw accepted values, and a test proves both ways agree. Written
# here, by the app that accepts reports; monitoring only reads them.


class IndicatorRollup(models.Model):
    """Tổng hợp số liệu: the sums a unit's subtree reported for one indicator in one period.

    A ratio keeps the sums of numerators and denominators (its value is their quotient, never an
    average of percentages); a count or an amount its sum; yes/no the number of "yes" in
    `value_sum` out of `value_count`; a rank only the unit's own figure (ranks are not summed).
    `value_count` is how many reports gave a figure, so the units without data can be told.
    """

    # Derived data, rebuilt at will: no database constraint on the keys (each checked row slowed
    # a province's rebuild threefold, bench/README.md) and no index the unique key already
    # gives; Django still cascades deletes of units and periods.
    unit = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    value_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    numerator_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    denominator_sum = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    value_count = models.IntegerField(default=0)

    class Meta:
        # The table was created by monitoring, which now only reads it; the name is kept so that
        # moving the model to the app that writes it needed no data migration.
        db_table = "monitoring_indicatorrollup"
        verbose_name = _("số liệu tổng hợp")
        verbose_name_plural = _("số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "indicator"], name="rollup_once_per_key"
            )
        ]
