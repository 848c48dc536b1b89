"""Nhiệm vụ (tasks) of a plan: who leads them, their deadlines, how far they are."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import CompactHistoricalRecords
from core.models import SearchableModel
from plans.models.plans import (
    Plan,
)


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


# The progress each status allows, lowest and highest %: one table that both the words of
# task_progress_error and the database's check (task_progress_agrees) are built from. "overdue"
# is a report's "quá hạn" (reporting.TaskUpdate): a task not done by its deadline.
PROGRESS_BOUNDS = {
    TaskStatus.NOT_STARTED: (0, 0),
    TaskStatus.IN_PROGRESS: (1, 99),
    TaskStatus.DONE: (100, 100),
    "overdue": (0, 99),
}
_PROGRESS_WORDS = {
    TaskStatus.NOT_STARTED: _(
        "Nhiệm vụ chưa thực hiện thì tiến độ là 0%; đã làm thì chọn “Đang thực hiện”."
    ),
    TaskStatus.IN_PROGRESS: _("Nhiệm vụ đang thực hiện thì tiến độ từ 1 đến 99%."),
    TaskStatus.DONE: _("Nhiệm vụ hoàn thành thì tiến độ là 100%."),
    "overdue": _("Nhiệm vụ đạt 100% là đã hoàn thành, không còn quá hạn."),
}


def task_progress_error(status: str, progress: int | None) -> str | None:
    """A task's status and its progress never contradict each other (issue 10 §4): not started
    is 0 %, in progress is 1-99 %, done is 100 %; "quá hạn", a report's word for a task not done
    by its deadline, is below 100 %. Plans, reports, the Excel reader and the task board all
    follow this one rule, and the database checks it (task_progress_agrees)."""
    if progress is None:
        progress = 0
    if not 0 <= progress <= 100:
        return _("Tiến độ phải từ 0 đến 100%.")
    low, high = PROGRESS_BOUNDS.get(status, (0, 100))
    if not low <= progress <= high:
        return _PROGRESS_WORDS[status]
    return None


def task_progress_agrees() -> models.Q:
    """task_progress_error's rule as a condition the database checks on every row that stores
    a status with a progress (a plan's task, a report's task update), built from the same table.
    A status outside the table is its field's choices' concern, as it is for the rule."""
    agrees = ~models.Q(status__in=list(PROGRESS_BOUNDS))
    for status, bounds in PROGRESS_BOUNDS.items():
        agrees |= models.Q(status=status, progress__range=bounds)
    return models.Q(progress__range=(0, 100)) & agrees


def task_status_of(progresses: list[int]) -> str | None:
    """The status that several units' progress figures add up to, so that a board never shows
    "Chưa thực hiện" beside an average of 35 %: done when all are at 100 %, not started when
    all are at 0 %, in progress otherwise; None when nobody reported."""
    if not progresses:
        return None
    if all(p >= 100 for p in progresses):
        return TaskStatus.DONE
    if all(p <= 0 for p in progresses):
        return TaskStatus.NOT_STARTED
    return TaskStatus.IN_PROGRESS


class Task(SearchableModel):
    """Nhiệm vụ with the "06 rõ": work, lead and coordinating units, the person in charge,
    deadline(s), product and the authority deciding on it, status.

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
    # "06 rõ" (seed 001 §I): rõ người — the officer of a lead unit who answers for the task
    # (services.task_check_person_in_charge keeps it inside the lead units) ...
    person_in_charge = models.ForeignKey(
        "org.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks_in_charge",
        verbose_name=_("người phụ trách"),
    )
    # ... and rõ thẩm quyền — who decides on the product. Free text, not a unit of the tree: it
    # is a position or a body as the plan writes it ("Chủ tịch UBND tỉnh", "Thủ tướng Chính
    # phủ"), often outside the issuer's subtree and not always a unit at all.
    deciding_authority = models.CharField(
        _("thẩm quyền quyết định sản phẩm"),
        max_length=255,
        blank=True,
        help_text=_("Người hoặc cơ quan quyết định sản phẩm, ví dụ: Chủ tịch UBND tỉnh."),
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
    history = CompactHistoricalRecords(excluded_fields=["search_text"], compact_fields=["text"])

    search_fields = ("title", "text", "product", "section", "lead_units_text", "deciding_authority")

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=task_progress_agrees(), name="task_status_agrees_with_progress"
            )
        ]

    def __str__(self):
        return self.title[:120]

    def clean(self):
        errors = {}
        progress_error = task_progress_error(self.status, self.progress)
        if progress_error:
            errors["progress"] = progress_error
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
