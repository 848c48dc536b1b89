"""Chỉ số: what is measured, and how its values aggregate up the tree."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import SearchableModel


class Indicator(SearchableModel):
    """A measurable quantity. A ratio aggregates as the ratio of sums, never an average of %."""

    class Kind(models.TextChoices):
        RATIO = "ratio", _("Tỷ lệ (tử số / mẫu số)")
        COUNT = "count", _("Số lượng")
        AMOUNT = "amount", _("Giá trị (số tiền, khối lượng)")
        RANK = "rank", _("Thứ hạng")
        BOOLEAN = "boolean", _("Có / không")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Càng cao càng tốt")
        LOWER = "lower", _("Càng thấp càng tốt")

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
    applies_to = models.ManyToManyField(
        "org.UnitType", blank=True, related_name="indicators", verbose_name=_("áp dụng cho")
    )
    description = models.TextField(_("mô tả"), blank=True)

    search_fields = ("name", "code")

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.RATIO and not (self.numerator_label and self.denominator_label):
            raise ValidationError(
                {"denominator_label": _("Chỉ số tỷ lệ cần ghi rõ tử số và mẫu số.")}
            )
        if self.kind == self.Kind.RANK and self.direction != self.Direction.LOWER:
            raise ValidationError(
                {"direction": _("Thứ hạng càng nhỏ càng tốt: chọn “Càng thấp càng tốt”.")}
            )
