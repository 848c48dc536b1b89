"""The rules a report must meet before it is submitted.

Errors block submission: each line's figure must be one that can be sent (`value_error` and
`task_error` of reporting.figures, where what a valid figure is lives). Warnings ask the
reporter for a comment (giải trình) and then let it through (a jump beyond the schedule's band
against last period, a cumulative figure that goes down). Keys name the page's fields:
"value-<indicator id>", "task-<task id>".
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from core.formats import number_vi
from indicators.models import Indicator
from reporting.figures import task_error, value_error, whole_number_error
from reporting.models import ReportValue

__all__ = ["task_error", "value_error", "whole_number_error"]  # the figure's rules, re-exported


@dataclass
class Check:
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)

    def unexplained_warnings(self, comments: dict[str, str]) -> dict[str, str]:
        return {key: msg for key, msg in self.warnings.items() if not comments.get(key, "").strip()}


def figure(indicator: Indicator, row: ReportValue | None) -> Decimal | None:
    """The number a row stands for: a ratio's percentage, otherwise its value."""
    if row is None:
        return None
    if indicator.is_ratio:
        return row.ratio_percent
    return row.value


def value_warning(
    indicator: Indicator, now: Decimal | None, then: Decimal | None, band_percent: int
) -> str | None:
    if now is None or then is None or indicator.is_yes_no or indicator.is_words:
        return None
    if indicator.never_decreases and now < then:
        return _("Số liệu lũy kế giảm so với kỳ trước (%(then)s); hãy giải trình.") % {
            "then": number_vi(then)
        }
    if then and abs(now - then) * 100 / abs(then) > band_percent:
        return _("Số liệu thay đổi hơn %(band)s%% so với kỳ trước (%(then)s); hãy giải trình.") % {
            "band": band_percent,
            "then": number_vi(then),
        }
    return None


def report_check(sheet) -> Check:
    """Check a `ReportSheet` (reporting.selectors) without further queries."""
    check = Check()
    schedule = sheet.schedule
    for line in sheet.values:
        indicator = line.indicator
        error = value_error(indicator, line.row, required=line.item.required)
        if error:
            check.errors[line.key] = error
            continue
        warning = value_warning(
            indicator,
            figure(indicator, line.row),
            figure(indicator, line.previous),
            schedule.jump_warning_percent,
        )
        if warning:
            check.warnings[line.key] = warning
    for line in sheet.tasks:
        files = len(line.update.files.all()) if line.update is not None else 0
        error = task_error(
            line.update, files, evidence_required=schedule.evidence_required_for_done
        )
        if error:
            check.errors[line.key] = error
    return check


def completeness(sheet) -> Decimal:
    """Share of required values present and tasks updated, in %, one decimal."""
    required = [line for line in sheet.values if line.item.required]
    total = len(required) + len(sheet.tasks)
    if not total:
        return Decimal(100)
    filled = sum(1 for line in required if line.row is not None and line.row.is_filled)
    filled += sum(1 for line in sheet.tasks if line.update is not None)
    return (Decimal(filled) * 100 / total).quantize(Decimal("0.1"))
