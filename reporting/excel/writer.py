"""The report as an .xlsx file to fill offline (`report_workbook`).

Only the yellow cells are editable, each with a validation that says in Vietnamese what it takes;
a very hidden sheet says which report this is and where each item sits, with a signed copy the
reader trusts (reporting/excel/layout.py).
"""

import json

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.formats import number_vi
from core.spreadsheets import (
    BORDER,
    WRAP,
    append_row,
    fit_row,
    header_row,
    print_landscape,
    set_formula,
    set_value,
    title_line,
    workbook_bytes,
)
from indicators.models import Indicator
from reporting.excel.layout import (
    COL_DENOMINATOR,
    COL_LAST,
    COL_MARKER,
    COL_NAME,
    COL_NARRATIVE,
    COL_NUMERATOR,
    COL_PERCENT,
    COL_PREVIOUS,
    COL_STT,
    COL_UNIT,
    COL_VALUE,
    FILE_FORMAT,
    META_SHEET,
    SIGNING_SALT,
    TEXT_MAX_LENGTH,
    WIDTHS,
    Layout,
    Slot,
    report_layout,
)
from reporting.excel.sheets import date_vi, excel_number, figure_format, yes_no_label
from reporting.figures import LINK_MAX_LENGTH
from reporting.models import Report, ReportValue, TaskUpdate, WorkflowStatus
from reporting.selectors import ReportSheet, TaskLine, ValueLine

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNUSED_FILL = PatternFill("solid", fgColor="EDEDED")


UNLOCKED = Protection(locked=False)


class _Validations:
    """One data validation per rule, each with a Vietnamese prompt and error message; cells are
    added as they are written and the rules attached to the sheet at the end."""

    def __init__(self):
        statuses = ",".join(str(label) for label in TaskUpdate.Status.labels)
        self.rules = {
            "number": self._rule(
                "decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                title=_("Số liệu không hợp lệ"),
                error=_("Nhập một số không âm (ví dụ 12 hoặc 12,5), không nhập chữ."),
                prompt=_("Nhập số liệu kỳ này (số không âm)."),
            ),
            "whole_number": self._rule(
                "whole",
                operator="greaterThanOrEqual",
                formula1="0",
                title=_("Số liệu không hợp lệ"),
                error=_("Nhập một số nguyên không âm (ví dụ 2 hoặc 3): số lượng không có phần lẻ."),
                prompt=_("Nhập số lượng kỳ này (số nguyên không âm)."),
            ),
            "progress": self._rule(
                "whole",
                operator="between",
                formula1="0",
                formula2="100",
                title=_("Tiến độ không hợp lệ"),
                error=_("Tiến độ là một số nguyên từ 0 đến 100."),
                prompt=_("Tiến độ thực hiện, số nguyên từ 0 đến 100 (%)."),
            ),
            "yes_no": self._rule(
                "list",
                formula1=f'"{_("Có")},{_("Không")}"',
                title=_("Chọn trong danh sách"),
                error=_("Chọn Có hoặc Không trong danh sách."),
                prompt=_("Chọn Có hoặc Không."),
            ),
            "status": self._rule(
                "list",
                formula1=f'"{statuses}"',
                title=_("Chọn trong danh sách"),
                error=_("Chọn tình trạng trong danh sách: %(list)s.")
                % {"list": statuses.replace(",", ", ")},
                prompt=_("Chọn tình trạng thực hiện nhiệm vụ."),
            ),
            "link": self._rule(
                "textLength",
                operator="lessThanOrEqual",
                formula1=str(LINK_MAX_LENGTH),
                title=_("Đường dẫn quá dài"),
                error=_("Đường dẫn minh chứng dài tối đa %(n)s ký tự.") % {"n": LINK_MAX_LENGTH},
                prompt=_("Dán đường dẫn bắt đầu bằng http:// hoặc https://"),
            ),
            "text": self._rule(
                "textLength",
                operator="lessThanOrEqual",
                formula1=str(TEXT_MAX_LENGTH),
                title=_("Nội dung quá dài"),
                error=_("Mỗi ô chứa tối đa %(n)s ký tự.") % {"n": number_vi(TEXT_MAX_LENGTH)},
                prompt=_("Nhập nội dung (chữ)."),
            ),
        }

    @staticmethod
    def _rule(kind: str, *, title: str, error: str, prompt: str, **kwargs) -> DataValidation:
        return DataValidation(
            type=kind,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
            errorStyle="stop",
            errorTitle=title,
            error=error,
            promptTitle=title,
            prompt=prompt,
            **kwargs,
        )

    def add(self, rule: str, address: str) -> None:
        self.rules[rule].add(address)

    def attach(self, ws: Worksheet) -> None:
        for rule in self.rules.values():
            if rule.sqref:
                ws.add_data_validation(rule)


def _input(ws: Worksheet, address: str, value, rule: str, rules: _Validations) -> None:
    """An editable cell: unlocked, yellow, validated."""
    cell = ws[address]
    set_value(cell, value)
    cell.protection, cell.fill, cell.border, cell.alignment = UNLOCKED, INPUT_FILL, BORDER, WRAP
    rules.add(rule, address)


def _fixed(ws: Worksheet, address: str, value=None, *, unused: bool = False) -> None:
    cell = ws[address]
    set_value(cell, value)
    cell.border, cell.alignment = BORDER, WRAP
    if unused:
        cell.fill = UNUSED_FILL


def _ratio_text(row: ReportValue) -> str:
    text = f"{number_vi(row.numerator) or '…'} / {number_vi(row.denominator) or '…'}"
    if row.ratio_percent is not None:
        text += f" ({number_vi(row.ratio_percent, 1)}%)"
    return text


def _previous_figure(indicator: Indicator, row: ReportValue | None):
    """Last period's figure as the reporter compares it: a ratio as "70 / 100 (70%)"."""
    if row is None or not row.is_filled:
        return None
    if indicator.is_ratio:
        return _ratio_text(row)
    if indicator.is_yes_no:
        return yes_no_label(row.value)
    if indicator.is_words:
        return row.text
    return excel_number(row.value)


def _entry_rule(indicator: Indicator) -> str:
    """The validation of the cells where a unit types the indicator's figure."""
    if indicator.is_yes_no:
        return "yes_no"
    if indicator.is_words:
        return "text"
    return "whole_number" if indicator.takes_whole_numbers else "number"


def _entry_value(indicator: Indicator, row: ReportValue | None, name: str):
    """What an input cell shows of the saved field `name`: "Có"/"Không", words or a number."""
    if row is None:
        return None
    if indicator.is_yes_no:
        return yes_no_label(row.value)
    if indicator.is_words:
        return row.text or None
    return excel_number(getattr(row, name))


def _with_return_note(text: str, note: str) -> str:
    if not note:
        return text
    return text + "\n" + _("Ghi chú khi trả lại: %(note)s") % {"note": note}


def _write_heading(ws: Worksheet, sheet: ReportSheet) -> None:
    report, period, schedule = sheet.report, sheet.report.period, sheet.schedule
    title_line(ws, 1, _("BÁO CÁO: %(name)s") % {"name": schedule.name.upper()}, size=14)
    status = _("%(status)s (phiên bản %(version)s)") % {
        "status": report.get_status_display(),
        "version": report.version,
    }
    if report.status == WorkflowStatus.RETURNED and report.return_reason:
        status += "; " + _("lý do trả lại: %(reason)s") % {"reason": report.return_reason}
    lines = [
        (
            _("Đơn vị báo cáo"),
            _("%(name)s (mã %(code)s)") % {"name": report.unit.name, "code": report.unit.code},
        ),
        (
            _("Kỳ báo cáo"),
            _("%(label)s (mã kỳ %(code)s), từ %(start)s đến %(end)s")
            % {
                "label": period.label,
                "code": period.code,
                "start": date_vi(period.start),
                "end": date_vi(period.end),
            },
        ),
        (_("Hạn nộp"), date_vi(period.due_date)),
        (_("Lịch báo cáo"), f"{schedule.name} — {schedule.plan}"),
        (_("Trạng thái"), status),
        (
            _("Hướng dẫn"),
            _(
                "Chỉ nhập vào các ô nền vàng; số thập phân viết như thường lệ trên máy (12,5). "
                "Chỉ số tỷ lệ: nhập tử số và mẫu số, tỷ lệ % tự tính."
            ),
        ),
        (
            "",
            _(
                "Không chèn, xóa, di chuyển dòng hay cột, không đổi tên trang: tệp bị đổi bố cục "
                "sẽ không nhập được."
            ),
        ),
        (
            "",
            _(
                "Lưu tệp dạng Excel (.xlsx) rồi tải lên hệ thống. Tệp có lỗi thì không phần nào "
                "được nhập; hệ thống chỉ rõ trang và ô cần sửa."
            ),
        ),
    ]
    # Unwrapped, each line runs on over the empty cells to its right.
    for row, (label, text) in enumerate(lines, start=2):
        set_value(ws[f"{COL_NAME}{row}"], label)
        ws[f"{COL_NAME}{row}"].font = Font(bold=True)
        set_value(ws[f"{COL_UNIT}{row}"], text)


def _write_values(ws: Worksheet, sheet: ReportSheet, layout: Layout, rules: _Validations) -> None:
    title_line(ws, layout.values_row, _("I. CHỈ SỐ"))
    header_row(
        ws,
        layout.values_row + 1,
        [
            _("STT"),
            _("Chỉ số"),
            _("Đơn vị tính"),
            _("Kỳ trước"),
            _("Giá trị"),
            _("Tử số"),
            _("Mẫu số"),
            _("Tỷ lệ (%) (tự tính)"),
            _("Giải trình"),
        ],
    )
    if not layout.values:
        set_value(
            ws[f"{COL_NAME}{layout.values_row + 2}"],
            _("Kỳ này đơn vị không phải báo cáo chỉ số nào."),
        )
    for number, (line, slot) in enumerate(zip(sheet.values, layout.values, strict=True), start=1):
        _write_value_line(ws, number, line, slot, rules)


def _write_value_line(
    ws: Worksheet, number: int, line: ValueLine, slot: Slot, rules: _Validations
) -> None:
    indicator, row, r = line.indicator, line.row, slot.row
    name = indicator.name
    if indicator.is_ratio:
        name += "\n" + _("Tử số: %(n)s; mẫu số: %(d)s") % {
            "n": indicator.numerator_label,
            "d": indicator.denominator_label,
        }
    if not line.item.required:
        name += " " + _("(không bắt buộc)")
    _fixed(ws, f"{COL_STT}{r}", number)
    _fixed(ws, f"{COL_NAME}{r}", _with_return_note(name, row.return_note if row else ""))
    _fixed(ws, f"{COL_UNIT}{r}", indicator.unit or None)
    previous = _previous_figure(indicator, line.previous)
    _fixed(ws, f"{COL_PREVIOUS}{r}", previous)
    if isinstance(previous, int | float):
        ws[f"{COL_PREVIOUS}{r}"].number_format = figure_format(line.previous.value)
    for column in (COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR, COL_PERCENT):
        _fixed(ws, f"{column}{r}", unused=True)
    cells = slot.cells
    rule = _entry_rule(indicator)
    for entry in indicator.entry_fields:
        _input(ws, cells[entry], _entry_value(indicator, row, entry), rule, rules)
    if indicator.is_ratio:
        n, d = cells["numerator"], cells["denominator"]
        percent = ws[f"{COL_PERCENT}{r}"]
        set_formula(percent, f'=IF(AND(ISNUMBER({n}),ISNUMBER({d}),{d}>0),{n}/{d},"")')
        percent.number_format = "0.0%"
        percent.fill = PatternFill(fill_type=None)
    _input(ws, cells["comment"], (row.comment if row else "") or None, "text", rules)
    set_value(ws[f"{COL_MARKER}{r}"], slot.key)
    fit_row(ws, r)


def _write_tasks(ws: Worksheet, sheet: ReportSheet, layout: Layout, rules: _Validations) -> None:
    title_line(ws, layout.tasks_row, _("II. NHIỆM VỤ"))
    header_row(
        ws,
        layout.tasks_row + 1,
        [
            _("STT"),
            _("Nhiệm vụ"),
            _("Thời hạn"),
            _("Kỳ trước"),
            _("Tình trạng"),
            _("Tiến độ (%)"),
            _("Kết quả, sản phẩm"),
            _("Đường dẫn minh chứng"),
        ],
    )
    if not layout.tasks:
        set_value(
            ws[f"{COL_NAME}{layout.tasks_row + 2}"],
            _("Kỳ này đơn vị không phải cập nhật nhiệm vụ nào."),
        )
    for number, (line, slot) in enumerate(zip(sheet.tasks, layout.tasks, strict=True), start=1):
        _write_task_line(ws, number, line, slot, rules)


def _write_task_line(
    ws: Worksheet, number: int, line: TaskLine, slot: Slot, rules: _Validations
) -> None:
    task, update, previous, r = line.task, line.update, line.previous, slot.row
    _fixed(ws, f"{COL_STT}{r}", number)
    _fixed(
        ws, f"{COL_NAME}{r}", _with_return_note(task.title, update.return_note if update else "")
    )
    _fixed(ws, f"{COL_UNIT}{r}", "; ".join(d.display for d in task.deadlines.all()) or "—")
    if previous is not None:
        previous_text = f"{previous.get_status_display()}, {previous.progress}%"
        _fixed(ws, f"{COL_PREVIOUS}{r}", previous_text)
    else:
        _fixed(ws, f"{COL_PREVIOUS}{r}")
    cells = slot.cells
    _input(ws, cells["status"], update.get_status_display() if update else None, "status", rules)
    _input(ws, cells["progress"], update.progress if update else None, "progress", rules)
    _input(ws, cells["note"], (update.note if update else "") or None, "text", rules)
    _input(
        ws, cells["evidence_link"], (update.evidence_link if update else "") or None, "link", rules
    )
    set_value(ws[f"{COL_MARKER}{r}"], slot.key)
    fit_row(ws, r)


def _write_narrative(ws: Worksheet, report: Report, layout: Layout, rules: _Validations) -> None:
    title_line(ws, layout.narrative_row, _("III. TÌNH HÌNH CHUNG"))
    for number, slot in enumerate(layout.narrative, start=1):
        r = slot.row
        _fixed(ws, f"{COL_STT}{r}", number)
        _fixed(ws, f"{COL_NAME}{r}", slot.label)
        ws[f"{COL_NAME}{r}"].font = Font(bold=True)
        ws.merge_cells(f"{COL_NARRATIVE}{r}:{COL_LAST}{r}")
        # Every cell of a merged range must be unlocked, or Excel refuses to edit it.
        for cell in ws[f"{COL_NARRATIVE}{r}:{COL_LAST}{r}"][0]:
            cell.protection, cell.fill, cell.border = UNLOCKED, INPUT_FILL, BORDER
        _input(ws, slot.first_cell, getattr(report, slot.key) or None, "text", rules)
        set_value(ws[f"{COL_MARKER}{r}"], slot.key)
        ws.row_dimensions[r].height = 110


def _protect(book: Workbook, ws: Worksheet) -> None:
    """Only the yellow cells are editable; rows and columns may be resized but not inserted or
    deleted, sheets not added, renamed or unhidden. No password: the protection guards against
    slips, and the import checks the layout anyway."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    book.security = WorkbookProtection(lockStructure=True)


def _meta_payload(sheet: ReportSheet, layout: Layout) -> dict:
    report = sheet.report
    return {
        "format": FILE_FORMAT,
        "unit": report.unit.code,
        "period": report.period_id,
        "period_code": report.period.code,
        "report": report.pk,
        "schedule": report.period.schedule_id,
        "version": report.version,
        "fingerprint": layout.fingerprint(),
    }


def _write_meta(book: Workbook, sheet: ReportSheet, layout: Layout) -> None:
    """The very hidden sheet: which report this is and where each item sits, readable by a
    person, with a signed copy the import trusts."""
    ws = book.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    append_row(ws, [_("Thông tin nhận dạng tệp báo cáo Thi đua số (do hệ thống ghi, không sửa).")])
    payload = _meta_payload(sheet, layout)
    for key, value in payload.items():
        append_row(ws, [key, value])
    append_row(ws, ["exported_at", timezone.localtime().isoformat(timespec="seconds")])
    append_row(ws, ["token", signing.dumps(payload, salt=SIGNING_SALT)])
    append_row(ws, ["sheet", layout.sheet_title])
    append_row(ws, ["layout", "kind", "row", "cells", "label"])
    for slot in layout.slots:
        cells = json.dumps(slot.cells, sort_keys=True)
        append_row(ws, [slot.key, slot.kind, slot.row, cells, slot.label])
    ws.protection.sheet = True


def report_workbook(sheet: ReportSheet) -> bytes:
    """The report as an .xlsx file to fill offline: the unit, the period and its due date; the
    indicators with last period's figure and this draft's; the tasks; the narrative."""
    layout = report_layout(sheet)
    book = Workbook()
    ws = book.active
    ws.title = layout.sheet_title
    for column, width in WIDTHS.items():
        ws.column_dimensions[column].width = width
    ws.column_dimensions[COL_MARKER].hidden = True
    rules = _Validations()
    _write_heading(ws, sheet)
    _write_values(ws, sheet, layout, rules)
    _write_tasks(ws, sheet, layout, rules)
    _write_narrative(ws, sheet.report, layout, rules)
    rules.attach(ws)
    print_landscape(ws)
    _protect(book, ws)
    _write_meta(book, sheet, layout)
    return workbook_bytes(book)
