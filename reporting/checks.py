"""The rules a report must meet before it is submitted.

Errors block submission (a numerator above its denominator, a negative count, a required value
missing, a task marked done without evidence where the schedule requires it). Warnings ask the
reporter for a comment (giải trình) and then let it through (a jump beyond the schedule's band
against last period, a cumulative figure that goes down). Keys name the page's fields:
"value-<indicator id>", "task-<task id>".
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from core.formats import number_vi
from indicators.models import Indicator
from plans.models import task_progress_error
from reporting.models import ReportValue, TaskUpdate


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
    if indicator.kind == Indicator.Kind.RATIO:
        return row.ratio_percent
    return row.value


def whole_number_error(indicator: Indicator, value: Decimal | None) -> str | None:
    """The refusal of a fraction where the indicator counts or ranks. One message for the web
    form, the Excel import (both through `services.report_save_draft`) and the submit check."""
    if value is None or not indicator.takes_whole_numbers:
        return None
    if value == value.to_integral_value():
        return None
    return _("%(kind)s phải là số nguyên (ví dụ 2 hoặc 3), không nhận %(value)s.") % {
        "kind": indicator.get_kind_display(),
        "value": number_vi(value, 4),
    }


def value_error(indicator: Indicator, row: ReportValue | None, *, required: bool) -> str | None:
    kind = indicator.kind
    if kind == Indicator.Kind.RATIO:
        numerator = row.numerator if row else None
        denominator = row.denominator if row else None
        if numerator is None and denominator is None:
            return _("Nhập tử số và mẫu số.") if required else None
        if numerator is None or denominator is None:
            return _("Nhập cả tử số và mẫu số.")
        if numerator < 0 or denominator < 0:
            return _("Tử số và mẫu số không được âm.")
        if denominator == 0:
            return _("Mẫu số phải lớn hơn 0.")
        if numerator > denominator:
            return _("Tử số (%(n)s) không được lớn hơn mẫu số (%(d)s).") % {
                "n": number_vi(numerator),
                "d": number_vi(denominator),
            }
        return None
    if kind == Indicator.Kind.TEXT:
        if required and (row is None or not row.text.strip()):
            return _("Chưa nhập nội dung.")
        return None
    if row is None or row.value is None:
        return _("Chưa nhập số liệu.") if required else None
    if kind == Indicator.Kind.BOOLEAN and row.value not in (0, 1):
        return _("Chọn Có hoặc Không.")
    if row.value < 0:
        return _("Số liệu không được âm.")
    whole = whole_number_error(indicator, row.value)
    if whole:
        return whole
    if kind == Indicator.Kind.RANK and row.value < 1:
        return _("Thứ hạng bắt đầu từ 1.")
    return None


def value_warning(
    indicator: Indicator, now: Decimal | None, then: Decimal | None, band_percent: int
) -> str | None:
    if (
        now is None
        or then is None
        or indicator.kind in (Indicator.Kind.BOOLEAN, Indicator.Kind.TEXT)
    ):
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


def task_error(update: TaskUpdate | None, evidence_count: int, *, evidence_required: bool):
    if update is None:
        return _("Chưa cập nhật tình hình thực hiện nhiệm vụ.")
    mismatch = task_progress_error(update.status, update.progress)
    if mismatch:
        return str(mismatch)
    if update.status == TaskUpdate.Status.DONE:
        if evidence_required and not (update.evidence_link or evidence_count):
            return _("Nhiệm vụ hoàn thành cần có minh chứng: tải tệp lên hoặc dán đường dẫn.")
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
