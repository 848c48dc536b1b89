"""Giai đoạn and mốc sơ kết, tổng kết: how a plan (or its movement) divides the years and when
it is reviewed.

They belong to the movement and are read from the plans that declare them, so they live here,
above both, and point down at each (issue #11 §3); their tables kept the names they had in
`movements` (plans migration 0008).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from movements.models import Movement


class Phase(models.Model):
    """Giai đoạn: a part of a movement as one plan divides it (seed 004: 05/2026–12/2027)."""

    # Empty while the plan that declared it has no movement yet; kept in step with the plan's.
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, null=True, blank=True, related_name="phases"
    )
    # Empty for a phase of the movement itself; otherwise the plan whose text declared it, so that
    # re-importing or deleting that plan replaces only its own phases.
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, null=True, blank=True, related_name="phases"
    )
    name = models.CharField(_("tên giai đoạn"), max_length=200)
    label = models.CharField(_("như văn bản ghi"), max_length=300, blank=True)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    # What the plan sets the phase to do, as written under its heading (seed 004 §IV).
    description = models.TextField(_("nội dung giai đoạn"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        db_table = "movements_phase"  # created by the movements app, before it moved here
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        ordering = ["order", "start_date"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class Milestone(models.Model):
    """Mốc: sơ kết (mid-term review) or tổng kết (final review), due by a date or a quarter."""

    class Kind(models.TextChoices):
        MIDTERM = "so_ket", _("Sơ kết")
        FINAL = "tong_ket", _("Tổng kết")
        OTHER = "khac", _("Khác")

    # Empty while the plan that declared it has no movement yet; kept in step with the plan's.
    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, null=True, blank=True, related_name="milestones"
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, null=True, blank=True, related_name="milestones"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("thời gian như văn bản ghi"), max_length=200, blank=True)
    due_date = models.DateField(_("hạn"), null=True, blank=True)

    class Meta:
        db_table = "movements_milestone"  # as movements_phase
        verbose_name = _("mốc sơ kết, tổng kết")
        verbose_name_plural = _("mốc sơ kết, tổng kết")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.label}".strip()
