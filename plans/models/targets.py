"""Kế hoạch (plans), their chỉ tiêu (targets) and nhiệm vụ (tasks)."""

import calendar
import datetime
from decimal import Decimal

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
    # Seed 002 §III.3 "nâng dần qua từng năm", seed 004 §I.2 "đánh giá theo từng năm": the level
    # to reach by the end of each year, {"2027": "70"}. A year left blank lies on the straight
    # line from the baseline through the years given to the due value; a target with a path is
    # judged each year against that year's level.
    yearly_values = models.JSONField(_("lộ trình từng năm"), default=dict, blank=True)
    # Issue 10: a quantitative target is either monitored (linked to an indicator units report)
    # or measured elsewhere, with the reason (e.g. the PII rank comes from the national index).
    measured_elsewhere = models.CharField(
        _("đo ở nơi khác (lý do)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ghi nguồn số liệu nếu chỉ tiêu không theo dõi qua báo cáo của đơn vị, "
            "ví dụ: xếp hạng PII do Bộ Khoa học và Công nghệ công bố."
        ),
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

    @property
    def final_year(self) -> int | None:
        """The year the target is due: its year, its date's, or the movement's last."""
        if self.due_year:
            return self.due_year
        if self.due_date:
            return self.due_date.year
        movement = self.plan.movement if self.plan_id and self.plan.movement_id else None
        return movement.end_year if movement else None

    def path_years(self) -> list[int]:
        """The years a yearly path can name: after the baseline year (or from the movement's
        first year) up to the year before the target is due."""
        end = self.final_year
        if end is None:
            return []
        if self.baseline_year:
            start = self.baseline_year + 1
        else:
            movement = self.plan.movement if self.plan_id and self.plan.movement_id else None
            start = movement.start_year if movement else end
        return list(range(max(start, end - 15), end))

    def yearly_path(self) -> dict[int, Decimal]:
        """The levels entered year by year, {2027: Decimal("70")}."""
        values = self.yearly_values or {}
        return {int(year): Decimal(str(value)) for year, value in values.items()}

    @property
    def path_items(self) -> list[tuple[int, Decimal]]:
        """The yearly path in year order, for the pages."""
        return sorted(self.yearly_path().items())

    def end_level(self, *, rank: bool = False) -> Decimal | None:
        """The level the target ends at: its value, or for a change the baseline moved by it
        (a rank "tăng 8 bậc" falls by 8)."""
        if self.comparator not in (Comparator.INCREASE, Comparator.DECREASE):
            return self.value
        if self.baseline_value is None or self.value is None:
            return None
        step = self.value if self.comparator == Comparator.INCREASE else -self.value
        return self.baseline_value - step if rank else self.baseline_value + step

    def straight_line(self, year: int, *, rank: bool = False) -> Decimal | None:
        """The default level of `year`: on the line from the baseline to the due value."""
        end, final = self.end_level(rank=rank), self.final_year
        if end is None or final is None or self.baseline_value is None or not self.baseline_year:
            return None
        if final <= self.baseline_year:
            return end
        share = Decimal(year - self.baseline_year) / Decimal(final - self.baseline_year)
        return self.baseline_value + (end - self.baseline_value) * share

    @property
    def monitoring(self) -> str:
        """How a quantitative target is followed: "monitored" (an indicator units report),
        "elsewhere" (measured outside the reports, with a reason) or "not_yet"."""
        if self.indicator_id:
            return "monitored"
        if self.measured_elsewhere.strip():
            return "elsewhere"
        return "not_yet"

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
        if self.indicator_id and self.measured_elsewhere.strip():
            errors["measured_elsewhere"] = _(
                "Chỉ tiêu đã gắn chỉ số được theo dõi qua báo cáo; bỏ chỉ số hoặc xóa lý do đo ở "
                "nơi khác."
            )
        if self.unit == TargetUnit.PERCENT and self.value is not None:
            top = self.value_max if self.value_max is not None else self.value
            if self.value < 0 or top > 100:
                errors["value"] = _("Tỷ lệ phần trăm phải từ 0 đến 100.")
        if self.baseline_year and self.due_year and self.baseline_year > self.due_year:
            errors["baseline_year"] = _("Năm xuất phát phải trước năm đạt.")
        if self.due_year and not 1900 < self.due_year < 2200:
            errors["due_year"] = _("Năm đạt không hợp lệ.")
        path_error = self._yearly_values_error()
        if path_error:
            errors["yearly_values"] = path_error
        if self.parent_target_id and self.parent_target.plan_id == self.plan_id:
            errors["parent_target"] = _("Chỉ tiêu cấp trên phải thuộc kế hoạch cấp trên.")
        if errors:
            raise ValidationError(errors)

    def _yearly_values_error(self):
        if not self.yearly_values:
            return None
        if not isinstance(self.yearly_values, dict):
            return _("Lộ trình từng năm không hợp lệ.")
        try:
            path = self.yearly_path()
        except (ValueError, ArithmeticError):
            return _("Lộ trình từng năm chỉ gồm năm và giá trị số.")
        allowed = set(self.path_years())
        outside = sorted(year for year in path if year not in allowed)
        if outside:
            return _(
                "Năm %(years)s nằm ngoài lộ trình: chỉ ghi các năm sau năm xuất phát và "
                "trước năm đạt."
            ) % {"years": ", ".join(str(y) for y in outside)}
        if self.unit == TargetUnit.PERCENT and any(not 0 <= v <= 100 for v in path.values()):
            return _("Tỷ lệ phần trăm phải từ 0 đến 100.")
        return None


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")


def task_progress_error(status: str, progress: int | None) -> str | None:
    """A task's status and its progress never contradict each other (issue 10 §4): not started
    is 0 %, in progress is 1-99 %, done is 100 %; "quá hạn", a report's word for a task not done
    by its deadline, is below 100 %. Plans, reports, the Excel reader and the task board all
    follow this one rule."""
    if progress is None:
        progress = 0
    if not 0 <= progress <= 100:
        return _("Tiến độ phải từ 0 đến 100%.")
    if status == TaskStatus.NOT_STARTED and progress != 0:
        return _("Nhiệm vụ chưa thực hiện thì tiến độ là 0%; đã làm thì chọn “Đang thực hiện”.")
    if status == TaskStatus.IN_PROGRESS and not 0 < progress < 100:
        return _("Nhiệm vụ đang thực hiện thì tiến độ từ 1 đến 99%.")
    if status == TaskStatus.DONE and progress != 100:
        return _("Nhiệm vụ hoàn thành thì tiến độ là 100%.")
    if status == "overdue" and progress == 100:
        return _("Nhiệm vụ đạt 100% là đã hoàn thành, không còn quá hạn.")
    return None


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
    history = HistoricalRecords(excluded_fields=["search_text"])

    search_fields = ("title", "text", "product", "section", "lead_units_text", "deciding_authority")

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "pk"]

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
