"""Template filters of the monitoring pages, and of every page that shows a target's figure."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from core.formats import number_vi
from monitoring.status import Verdict

register = template.Library()


@register.filter
def judged_value(judged) -> str:
    """The value that counts for a target, as the Judge decided it (`Verdict.current`: the
    latest representative figure, the year's sum, the ratio of the sums …), never re-derived:
    "12,5"; "chưa có số liệu" when there is nothing to judge, never a mark that could read as
    met; "16/18 đơn vị đạt" for a target each unit must meet, seen from a branch of several.

    `judged` is a Verdict, or an item of a computed score's basis: evaluation keeps the value
    its Judge gave in "value" (a basis written before it kept one shows nothing)."""
    if isinstance(judged, dict):
        if "value" not in judged:
            return ""
        value = judged["value"]
    elif isinstance(judged, Verdict):
        met = getattr(judged, "units_met", None)
        if met is not None:
            # A target each unit must meet, seen from a branch of several: the count of units
            # meeting it, as the overview writes it (Judge.each_unit).
            return _("%(met)s/%(n)s đơn vị đạt") % {"met": met, "n": judged.units_judged}
        value = judged.current
    else:
        value = None
    if value is None or value == "":
        return _("chưa có số liệu")
    return number_vi(Decimal(value), 1)
