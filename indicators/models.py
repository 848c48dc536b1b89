"""Chỉ số: what is measured, and how its values aggregate up the tree."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SearchableModel

# How the periods' figures combine into the year's figure so far (Indicator.accumulation).
LEVEL = "level"  # the latest period's figure stands: a stock, a rank, a share of residents
YEAR_SUM = "year_sum"  # a count or amount added up within the year, from zero each January
YEAR_SHARE = "year_share"  # a ratio of the year's summed parts: a level, not a pile


class Indicator(SearchableModel):
    """A measurable quantity. A ratio aggregates as the ratio of sums, never an average of %."""

    class Kind(models.TextChoices):
        RATIO = "ratio", _("Tỷ lệ (tử số / mẫu số)")
        COUNT = "count", _("Số lượng")
        AMOUNT = "amount", _("Giá trị (số tiền, khối lượng)")
        RANK = "rank", _("Thứ hạng")
        BOOLEAN = "boolean", _("Có / không")
        TEXT = "text", _("Nội dung (chữ)")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Càng cao càng tốt")
        LOWER = "lower", _("Càng thấp càng tốt")

    class Temporal(models.TextChoices):
        LATEST = "latest", _("Lấy số của kỳ mới nhất (số tồn, lũy kế)")
        CUMULATIVE = "cumulative", _("Cộng dồn các kỳ trong năm (số phát sinh)")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        HALF_YEARLY = "half_yearly", _("6 tháng")
        YEARLY = "yearly", _("Hằng năm")

    code = models.SlugField(_("mã chỉ số"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=500)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    direction = models.CharField(
        _("chiều tốt"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    unit = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    numerator_label = models.CharField(_("tử số"), max_length=255, blank=True)
    denominator_label = models.CharField(_("mẫu số"), max_length=255, blank=True)
    frequency = models.CharField(
        _("tần suất"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    # How figures of successive periods combine: a stock (share of residents with VNeID) is read
    # at the latest period; a flow (dossiers handled, initiatives) adds up over the year.
    temporal = models.CharField(
        _("cộng theo thời gian"), max_length=20, choices=Temporal.choices, default=Temporal.LATEST
    )
    never_decreases = models.BooleanField(
        _("chỉ tăng, không giảm"),
        default=False,
        help_text=_("Số liệu lũy kế: kỳ sau thấp hơn kỳ trước thì phải giải trình."),
    )
    applies_to = models.ManyToManyField(
        "org.UnitType", blank=True, related_name="indicators", verbose_name=_("áp dụng cho")
    )
    description = models.TextField(_("mô tả"), blank=True)
    # Issue #13 Low 12: an indicator a coordinator defines belongs to their province and is seen
    # there only; the catalogue's own (entered by the catalogue admin) have no owner and are
    # seen everywhere (indicators.selectors.visible_indicators_q).
    owner = models.ForeignKey(
        "org.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_indicators",
        verbose_name=_("tỉnh sở hữu"),
        help_text=_("Để trống: chỉ số dùng chung của danh mục, mọi tỉnh đều thấy."),
    )

    search_fields = ("name", "code")

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.pk and self.report_values.exists():
            stored = type(self).objects.filter(pk=self.pk).values("kind", "temporal").first()
            if stored and (stored["kind"], stored["temporal"]) != (self.kind, self.temporal):
                # The figures already reported were entered and summed for the old kind.
                raise ValidationError(
                    {
                        "kind": _(
                            "Chỉ số đã có số liệu báo cáo: không đổi loại hoặc cách cộng theo "
                            "thời gian được; hãy tạo chỉ số mới."
                        )
                    }
                )
        if self.kind == self.Kind.RATIO and not (self.numerator_label and self.denominator_label):
            raise ValidationError(
                {"denominator_label": _("Chỉ số tỷ lệ cần ghi rõ tử số và mẫu số.")}
            )
        if self.is_quantity and self.unit.strip().lower() in PERCENT_UNITS:
            # A quantity adds up over units: two communes at 87 % would make a province at 174 %.
            raise ValidationError(
                {
                    "kind": _(
                        "Số liệu tính bằng % không cộng được giữa các đơn vị: chọn loại “Tỷ lệ” "
                        "(tử số và mẫu số) để tổng hợp đúng."
                    )
                }
            )
        if self.kind == self.Kind.RANK and self.temporal != self.Temporal.LATEST:
            raise ValidationError({"temporal": _("Thứ hạng không cộng dồn: chọn “kỳ mới nhất”.")})
        if self.kind == self.Kind.RANK and self.direction != self.Direction.LOWER:
            raise ValidationError(
                {"direction": _("Thứ hạng càng nhỏ càng tốt: chọn “Càng thấp càng tốt”.")}
            )

    @property
    def accumulation(self) -> str:
        """LEVEL, YEAR_SUM or YEAR_SHARE: how the periods of a year combine. A rank never adds
        up, even marked cumulative by mistake."""
        if self.temporal != self.Temporal.CUMULATIVE or self.kind == self.Kind.RANK:
            return LEVEL
        if self.is_quantity:
            return YEAR_SUM
        return YEAR_SHARE

    @property
    def sums_over_units(self) -> bool:
        """Whether a unit's figure counts in its ancestors' totals: a rank describes the unit
        alone (its ancestors have ranks of their own); a text has nothing to add."""
        return self.kind not in UNSUMMED_KINDS

    @property
    def input_fields(self) -> tuple[str, ...]:
        """The number fields a unit fills for the indicator: a ratio's numerator and denominator,
        none for a text (its words go in `text`), the single `value` for any other kind."""
        if self.kind == self.Kind.RATIO:
            return ("numerator", "denominator")
        if self.kind == self.Kind.TEXT:
            return ()
        return ("value",)

    @property
    def takes_whole_numbers(self) -> bool:
        """A count (số lượng mô hình, sáng kiến, hộ…) or a rank is a whole number: "2,5" there
        is a typing error, not a figure."""
        return self.kind in (self.Kind.COUNT, self.Kind.RANK)

    @property
    def entry_fields(self) -> tuple[str, ...]:
        """The fields a unit fills for the figure, its comment aside: the numbers of
        `input_fields`, or `text` for an indicator answered in words."""
        return self.input_fields or ("text",)

    @property
    def is_ratio(self) -> bool:
        """Entered as a numerator and a denominator, read as their ratio in %."""
        return self.kind == self.Kind.RATIO

    @property
    def is_yes_no(self) -> bool:
        """A yes/no question: its value is 1 (Có) or 0 (Không), chosen rather than typed."""
        return self.kind == self.Kind.BOOLEAN

    @property
    def is_words(self) -> bool:
        """Answered in words (`text`): nothing to add up, compare or warn about."""
        return self.kind == self.Kind.TEXT

    @property
    def is_quantity(self) -> bool:
        """A count or an amount: a quantity that piles up over periods and over units, and can be
        projected at its run rate."""
        return self.kind in (self.Kind.COUNT, self.Kind.AMOUNT)

    @property
    def reads_as_percent(self) -> bool:
        """Read as a share in %, never below 0 or above 100: a ratio, or a yes/no question (the
        share of units that answer yes)."""
        return self.kind in (self.Kind.RATIO, self.Kind.BOOLEAN)

    @property
    def lower_is_better(self) -> bool:
        """Whether a smaller figure is the better one (`direction`). A rank always is: clean()
        refuses anything else, and a rank saved before that rule is still read so."""
        return self.direction == self.Direction.LOWER or self.kind == self.Kind.RANK

    @property
    def counts_places(self) -> bool:
        """A rank counts places: rising 8 places ("tăng 8 bậc", seed 004) takes 8 off its
        number, so a target's "increase" or "decrease" moves it the other way."""
        return self.kind == self.Kind.RANK


# The units that say a figure is a share, which a count or an amount cannot be (Indicator.clean).
PERCENT_UNITS = ("%", "phần trăm")

# The kinds whose figure stays with its unit (Indicator.sums_over_units), for queries.
UNSUMMED_KINDS = (Indicator.Kind.RANK, Indicator.Kind.TEXT)
