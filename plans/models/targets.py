"""Chỉ tiêu (targets) of a plan: a figure to reach, by a year, measured by an indicator."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import CompactHistoricalRecords
from core.models import SearchableModel
from plans.models.plans import Plan


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
    history = CompactHistoricalRecords(excluded_fields=["search_text"], compact_fields=["text"])

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
