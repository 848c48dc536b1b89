"""Template filters of the reporting pages: Vietnamese numbers, a row's figure, dict lookups."""

from django import template
from django.utils.translation import gettext as _

from core.formats import number_vi

register = template.Library()


@register.filter
def vi_number(value, places=2):
    """1234.5 -> "1.234,5" (decimal comma, dot between thousands)."""
    return number_vi(value, int(places))


@register.filter
def lower_first(text):
    """A period's label inside a sentence: "Quý IV/2026" -> "quý IV/2026"."""
    from core.text import lower_first as lower

    return lower(str(text))


@register.filter
def get(mapping, key):
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def figure(row, indicator):
    """A report value as a person reads it: "70/100 (70%)", "Có", a number or a text."""
    if row is None:
        return ""
    if indicator.is_ratio:
        if row.numerator is None and row.denominator is None:
            return ""
        percent = row.ratio_percent
        shown = f"{number_vi(row.numerator)}/{number_vi(row.denominator)}"
        return f"{shown} ({number_vi(percent, 1)}%)" if percent is not None else shown
    if indicator.is_yes_no:
        if row.value is None:
            return ""
        return _("Có") if row.value else _("Không")
    if indicator.is_words:
        return row.text
    return number_vi(row.value)


STATE_CLASSES = {
    "accepted": "success",
    "approved": "info",
    "submitted": "primary",
    "returned": "warning",
    "draft": "secondary",
    "missing": "danger",
    "not_due": "light",
}


@register.filter
def state_class(state):
    return STATE_CLASSES.get(state, "secondary")


_START_PATTERN: str | None = None


@register.simple_tag
def start_url(unit_id, period_id) -> str:
    """The link of a board cell, built from one reversed pattern: a province's board has
    tens of thousands of cells, and reversing each one took seconds."""
    global _START_PATTERN
    if _START_PATTERN is None:
        from django.urls import reverse

        _START_PATTERN = reverse("reporting:start", args=[987654321, 123456789])
    return _START_PATTERN.replace("987654321", str(unit_id)).replace("123456789", str(period_id))
