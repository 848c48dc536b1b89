"""Phong trào thi đua: a movement and its period. Its phases (giai đoạn) and milestones (sơ kết,
tổng kết) are set out by plans and live beside them (plans.models.timeline)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Movement(models.Model):
    """Phong trào: e.g. "Đổi mới sáng tạo, ... chuyển đổi xanh" 2026–2030."""

    name = models.CharField(_("tên phong trào"), max_length=500)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    description = models.TextField(_("mô tả"), blank=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_year", "name"]

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        if self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})
