"""Offline reporting with Excel: a report to fill offline, and the office's tables to download.

A commune officer with a bad connection downloads the period's report as an .xlsx file, fills it
offline and uploads it back. The file says on a very hidden sheet which report it is and where
every figure sits (signed with SECRET_KEY), so that the import refuses a file of another unit or
period, or one whose rows were moved, before anything is saved. The import then hands every
figure, task and the narrative to `services.report_save_draft` at once: all or nothing.

The reader judges only where a figure sits and a cell's type (a number, an item of a list, a
text); whether a figure is valid is `reporting.figures` (`clean_value`, `clean_task_update`),
the rule the web page and the draft service apply too, in the same words, here placed at its cell.
"""

import datetime
import hashlib
import io
import json
import math
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.formats import number_vi, parse_number_vi
from core.services import ConcurrentEditError
from core.spreadsheets import append_row, set_formula, set_value
from core.uploads import REPORT_LIMITS, UploadRefused, upload_check, workbook_check_dimensions
from indicators.models import Indicator
from org.scope import UserScope
from reporting import selectors, services
from reporting.figures import LINK_MAX_LENGTH, clean_task_update, clean_value
from reporting.models import Event, Period, Report, ReportValue, TaskUpdate, WorkflowStatus
from reporting.selectors import Board, BoardRow, ReportSheet, TaskLine, ValueLine

FILE_FORMAT = "thidua-so/report/1"
SIGNING_SALT = "reporting.excel.report"
META_SHEET = "thidua_so_meta"
# Excel keeps at most 32,767 characters in a cell.
TEXT_MAX_LENGTH = 32767

# Columns of the report sheet. Indicators and tasks share the sheet, each table its own headers.
COL_STT, COL_NAME, COL_UNIT, COL_PREVIOUS = "A", "B", "C", "D"
COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR, COL_PERCENT, COL_COMMENT = "E", "F", "G", "H", "I"
COL_STATUS, COL_PROGRESS, COL_NOTE, COL_LINK = "E", "F", "G", "H"
COL_NARRATIVE, COL_LAST = "C", "I"
# Each item's row carries its key in this hidden, locked column: a row inserted or deleted above
# it moves the key, and the import sees the move.
COL_MARKER = "J"
WIDTHS = {"A": 6, "B": 46, "C": 12, "D": 22, "E": 18, "F": 14, "G": 26, "H": 26, "I": 40}
FIRST_SECTION_ROW = 11

NARRATIVE_LABELS = {
    "results": gettext_lazy("Kết quả đạt được"),
    "difficulties": gettext_lazy("Khó khăn, vướng mắc"),
    "proposals": gettext_lazy("Đề xuất, kiến nghị"),
}
BOARD_STATE_LABELS = {
    "missing": gettext_lazy("Chưa nộp (quá hạn)"),
    "not_due": gettext_lazy("Chưa đến hạn"),
    "draft": WorkflowStatus.DRAFT.label,
    "submitted": WorkflowStatus.SUBMITTED.label,
    "approved": WorkflowStatus.APPROVED.label,
    "accepted": WorkflowStatus.ACCEPTED.label,
    "returned": WorkflowStatus.RETURNED.label,
}

_THIN = Side(style="thin", color="9E9E9E")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNUSED_FILL = PatternFill("solid", fgColor="EDEDED")
STATE_FILLS = {
    "accepted": PatternFill("solid", fgColor="C6EFCE"),
    "missing": PatternFill("solid", fgColor="FFC7CE"),
    "returned": PatternFill("solid", fgColor="FFEB9C"),
}
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
UNLOCKED = Protection(locked=False)


class ExcelRefused(ValidationError):
    """An uploaded report file was not imported and nothing was saved. `problems` lists every
    reason at once, each naming the sheet and the cell, so that the person fixes them in one go."""

    def __init__(self, problems: list[str]):
        super().__init__(list(problems))
        self.problems = list(problems)


# --- Where everything sits -----------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One item of the report in the sheet: the service's key ("value-12", "task-3", "results"),
    its row, and the cell of every field the service reads ({"numerator": "F11", ...})."""

    key: str
    kind: str
    row: int
    cells: dict[str, str]
    label: str = field(default="", compare=False)

    @property
    def first_cell(self) -> str:
        return next(iter(self.cells.values()))

    def signature(self) -> list:
        return [self.key, self.kind, self.row, self.cells]


@dataclass
class Layout:
    """The rows of the report sheet, computed from the report's lines alone: the export writes by
    it, and the import recomputes it to tell whether the file still matches the report."""

    sheet_title: str
    values_row: int
    values: list[Slot]
    tasks_row: int
    tasks: list[Slot]
    narrative_row: int
    narrative: list[Slot]

    @property
    def slots(self) -> list[Slot]:
        return [*self.values, *self.tasks, *self.narrative]

    def fingerprint(self) -> str:
        return layout_fingerprint(self.sheet_title, self.slots)

    def cell_for(self, key: str) -> str | None:
        return next((slot.first_cell for slot in self.slots if slot.key == key), None)


def layout_fingerprint(sheet_title: str, slots: list[Slot]) -> str:
    """A digest of the ordered keys, kinds and cell addresses: equal digests, same layout."""
    data = json.dumps([sheet_title, [slot.signature() for slot in slots]], sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def _value_cells(kind: str, row: int) -> dict[str, str]:
    if kind == Indicator.Kind.RATIO:
        fields = {"numerator": COL_NUMERATOR, "denominator": COL_DENOMINATOR}
    elif kind == Indicator.Kind.TEXT:
        fields = {"text": COL_VALUE}
    else:
        fields = {"value": COL_VALUE}
    return {name: f"{column}{row}" for name, column in {**fields, "comment": COL_COMMENT}.items()}


def _task_cells(row: int) -> dict[str, str]:
    columns = {
        "status": COL_STATUS,
        "progress": COL_PROGRESS,
        "note": COL_NOTE,
        "evidence_link": COL_LINK,
    }
    return {name: f"{column}{row}" for name, column in columns.items()}


def report_layout(sheet: ReportSheet) -> Layout:
    """Rows of the three sections: indicators, tasks, narrative (a title and a header row each,
    one row per item, a blank row between sections)."""
    row = FIRST_SECTION_ROW
    values_row, row = row, row + 2
    values = []
    for line in sheet.values:
        kind = line.indicator.kind
        values.append(Slot(line.key, kind, row, _value_cells(kind, row), line.indicator.name))
        row += 1
    row += (0 if values else 1) + 1
    tasks_row, row = row, row + 2
    tasks = []
    for line in sheet.tasks:
        tasks.append(Slot(line.key, "task", row, _task_cells(row), line.task.title))
        row += 1
    row += (0 if tasks else 1) + 1
    narrative_row, row = row, row + 1
    narrative = []
    for name in services.NARRATIVE_FIELDS:
        cells = {name: f"{COL_NARRATIVE}{row}"}
        narrative.append(Slot(name, "narrative", row, cells, str(NARRATIVE_LABELS[name])))
        row += 1
    return Layout(_("Báo cáo"), values_row, values, tasks_row, tasks, narrative_row, narrative)


# --- Small helpers shared by the three workbooks -------------------------------------------------


def _excel_number(value) -> int | float | None:
    """A Decimal as Excel holds it: a whole number stays whole (70, not 70.0)."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _number_format(value) -> str:
    """Thousands grouped; decimals only when there are some (no "70," for seventy)."""
    if value is None or Decimal(value) == Decimal(value).to_integral_value():
        return "#,##0"
    return "#,##0.0###"


def _date_vi(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _fit_row(ws: Worksheet, row: int, minimum: float = 15) -> None:
    """Give a row the height its wrapped text needs: Excel does not grow rows written by a
    program, and a cut-off indicator name is worse than a tall row."""
    lines = 1
    for cell in ws[row]:
        if not isinstance(cell.value, str) or cell.data_type == "f":
            continue
        width = ws.column_dimensions[cell.column_letter].width or 10
        parts = cell.value.split("\n")
        lines = max(lines, sum(max(1, math.ceil(len(part) * 1.1 / width)) for part in parts))
    ws.row_dimensions[row].height = max(minimum, 15 * lines)


def _group_header(
    ws: Worksheet, row: int, column: int, label: str, *, span: int = 1, height: int = 1
) -> None:
    """A header cell, merged over `span` columns and `height` rows."""
    for r in range(row, row + height):
        for c in range(column, column + span):
            cell = ws.cell(row=r, column=c)
            cell.fill, cell.font, cell.alignment, cell.border = (
                HEADER_FILL,
                HEADER_FONT,
                CENTER,
                BORDER,
            )
    set_value(ws.cell(row=row, column=column), label)
    if span > 1 or height > 1:
        ws.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + height - 1,
            end_column=column + span - 1,
        )


def _header(ws: Worksheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        _group_header(ws, row, column, label)


def _title(ws: Worksheet, row: int, text: str, size: int = 12) -> None:
    """A bold line of text; not merged, it runs on over the empty cells to its right (merged
    ranges are slow for openpyxl to write and read back, and add nothing here)."""
    cell = ws[f"A{row}"]
    set_value(cell, text)
    cell.font = Font(bold=True, size=size)
    cell.alignment = Alignment(vertical="center")


def _landscape(ws: Worksheet) -> None:
    """Printed landscape, as wide as the page, as many pages long as it takes."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- The report workbook -------------------------------------------------------------------------


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


def _yes_no(value) -> str | None:
    if value is None:
        return None
    return _("Có") if value == 1 else _("Không")


def _ratio_text(row: ReportValue) -> str:
    text = f"{number_vi(row.numerator) or '…'} / {number_vi(row.denominator) or '…'}"
    if row.ratio_percent is not None:
        text += f" ({number_vi(row.ratio_percent, 1)}%)"
    return text


def _previous_figure(indicator: Indicator, row: ReportValue | None):
    """Last period's figure as the reporter compares it: a ratio as "70 / 100 (70%)"."""
    if row is None or not row.is_filled:
        return None
    if indicator.kind == Indicator.Kind.RATIO:
        return _ratio_text(row)
    if indicator.kind == Indicator.Kind.BOOLEAN:
        return _yes_no(row.value)
    if indicator.kind == Indicator.Kind.TEXT:
        return row.text
    return _excel_number(row.value)


def _with_return_note(text: str, note: str) -> str:
    if not note:
        return text
    return text + "\n" + _("Ghi chú khi trả lại: %(note)s") % {"note": note}


def _write_heading(ws: Worksheet, sheet: ReportSheet) -> None:
    report, period, schedule = sheet.report, sheet.report.period, sheet.schedule
    _title(ws, 1, _("BÁO CÁO: %(name)s") % {"name": schedule.name.upper()}, size=14)
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
                "start": _date_vi(period.start),
                "end": _date_vi(period.end),
            },
        ),
        (_("Hạn nộp"), _date_vi(period.due_date)),
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
    _title(ws, layout.values_row, _("I. CHỈ SỐ"))
    _header(
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
    if indicator.kind == Indicator.Kind.RATIO:
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
        ws[f"{COL_PREVIOUS}{r}"].number_format = _number_format(line.previous.value)
    for column in (COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR, COL_PERCENT):
        _fixed(ws, f"{column}{r}", unused=True)
    cells = slot.cells
    if indicator.kind == Indicator.Kind.RATIO:
        _input(ws, cells["numerator"], _excel_number(row and row.numerator), "number", rules)
        _input(ws, cells["denominator"], _excel_number(row and row.denominator), "number", rules)
        n, d = cells["numerator"], cells["denominator"]
        percent = ws[f"{COL_PERCENT}{r}"]
        set_formula(percent, f'=IF(AND(ISNUMBER({n}),ISNUMBER({d}),{d}>0),{n}/{d},"")')
        percent.number_format = "0.0%"
        percent.fill = PatternFill(fill_type=None)
    elif indicator.kind == Indicator.Kind.BOOLEAN:
        _input(ws, cells["value"], _yes_no(row.value if row else None), "yes_no", rules)
    elif indicator.kind == Indicator.Kind.TEXT:
        _input(ws, cells["text"], (row.text if row else "") or None, "text", rules)
    else:
        rule = "whole_number" if indicator.takes_whole_numbers else "number"
        _input(ws, cells["value"], _excel_number(row and row.value), rule, rules)
    _input(ws, cells["comment"], (row.comment if row else "") or None, "text", rules)
    set_value(ws[f"{COL_MARKER}{r}"], slot.key)
    _fit_row(ws, r)


def _write_tasks(ws: Worksheet, sheet: ReportSheet, layout: Layout, rules: _Validations) -> None:
    _title(ws, layout.tasks_row, _("II. NHIỆM VỤ"))
    _header(
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
    _fit_row(ws, r)


def _write_narrative(ws: Worksheet, report: Report, layout: Layout, rules: _Validations) -> None:
    _title(ws, layout.narrative_row, _("III. TÌNH HÌNH CHUNG"))
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
    _landscape(ws)
    _protect(book, ws)
    _write_meta(book, sheet, layout)
    return _to_bytes(book)


# --- Reading a filled report back ----------------------------------------------------------------


class _CellError(Exception):
    """A cell's content is not of the form its field asks for; the message says what is wrong."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _at(sheet_title: str, address: str, problem: str) -> str:
    return _("Trang '%(sheet)s', ô %(cell)s: %(problem)s") % {
        "sheet": sheet_title,
        "cell": address,
        "problem": problem,
    }


def _clean(text: str) -> str:
    """Trimmed, and in composed Unicode: Vietnamese keyboards on Windows may type "ế" as "e" plus
    two combining marks, which would neither match a list item nor search well."""
    return unicodedata.normalize("NFC", text).strip()


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _number(value, *, percent: bool = False) -> Decimal | None:
    """A cell as a number, or None when empty; text is read the Vietnamese way ("1.234,5"),
    because a figure pasted as text is still the figure the person meant. Only the cell's type:
    which numbers a field takes is reporting.figures' rule."""
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, datetime.date | datetime.time):
        shown = _date_vi(value) if isinstance(value, datetime.date) else str(value)
        raise _CellError(_("phải là một số, không phải %(value)s.") % {"value": shown})
    if isinstance(value, str):
        text = " ".join(_clean(value).split())
        if not text:
            return None
        try:
            return parse_number_vi(text.removesuffix("%").strip() if percent else text)
        except ValueError as exc:
            raise _CellError(
                _("phải là một số, không phải chữ “%(text)s”.") % {"text": _shown(text)}
            ) from exc
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation as exc:
            raise _CellError(_("phải là một số.")) from exc
        if not number.is_finite():
            raise _CellError(_("phải là một số."))
        return number
    raise _CellError(_("phải là một số, không phải “%(text)s”.") % {"text": _shown(value)})


def _progress(value) -> Decimal | None:
    """A progress cell: a number, or its text with or without "%"."""
    return _number(value, percent=True)


def _text(value) -> str:
    """Whatever a free-text cell holds, as the person sees it (a number the Vietnamese way)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() else _date_vi(value)
    if isinstance(value, datetime.date):
        return _date_vi(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        # No thousands dots: a year or a code typed in a text cell stays "2026", not "2.026".
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return format(number.normalize(), "f").replace(".", ",")
    return str(value)


def _choice(value, options: dict[str, str]) -> str | None:
    text = " ".join(_text(value).split())
    if not text:
        return None
    for label, code in options.items():
        if label.casefold() == text.casefold():
            return code
    raise _CellError(
        _("“%(text)s” không có trong danh sách (%(list)s).")
        % {"text": _shown(text), "list": ", ".join(options)}
    )


def _status(value) -> str | None:
    options = {str(label): code for code, label in TaskUpdate.Status.choices}
    return _choice(value, options)


def _yes_no_value(value) -> int | None:
    """ "Có" is 1, "Không" is 0; a 1 or 0 (or TRUE/FALSE) typed by hand means the same."""
    if isinstance(value, bool) or (isinstance(value, int | float) and value in (0, 1)):
        return int(value)
    try:
        choice = _choice(value, {_("Có"): "1", _("Không"): "0"})
    except _CellError as exc:
        raise _CellError(
            _("chọn Có hoặc Không, không phải “%(text)s”.") % {"text": _shown(_text(value))}
        ) from exc
    return None if choice is None else int(choice)


class _CellReader:
    """Reads input cells, collecting every problem instead of stopping at the first."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.problems: list[str] = []

    def read(self, address: str, parse):
        cell = self.ws[address]
        if cell.data_type == "f":
            formula = getattr(cell.value, "text", cell.value)
            return self.refuse(
                address,
                _("có công thức “%(formula)s”; hãy gõ thẳng số liệu, không dùng công thức.")
                % {"formula": _shown(formula)},
            )
        if cell.data_type == "e":
            return self.refuse(
                address,
                _("có giá trị lỗi %(value)s của Excel; hãy gõ thẳng số liệu.")
                % {"value": cell.value},
            )
        try:
            return parse(cell.value)
        except _CellError as exc:
            return self.refuse(address, exc.message)

    def refuse(self, address: str, problem: str) -> None:
        self.problems.append(_at(self.ws.title, address, problem))
        return None

    def clean(self, slot: Slot, clean, *args, **kwargs) -> dict | None:
        """What the cells of `slot` hold, through the figure's rule (reporting.figures): each
        refusal is placed at the cell of its field, in the words the web page uses."""
        try:
            return clean(*args, **kwargs)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                for message in messages:
                    self.refuse(slot.cells.get(name, slot.first_cell), message)
            return None


def _filled(data: dict) -> bool:
    return any(value not in (None, "") for value in data.values())


def _read_value(reader: _CellReader, line: ValueLine, slot: Slot) -> dict | None:
    """What the service needs for one indicator; None for an untouched new line, so that an
    empty template saves no empty rows."""
    parsers = {
        "numerator": _number,
        "denominator": _number,
        "value": _yes_no_value if slot.kind == Indicator.Kind.BOOLEAN else _number,
        "text": _text,
        "comment": _text,
    }
    data = {name: reader.read(address, parsers[name]) for name, address in slot.cells.items()}
    if line.row is None and not _filled(data):
        return None
    return reader.clean(slot, clean_value, line.indicator, data)


def _read_task(reader: _CellReader, line: TaskLine, slot: Slot) -> dict | None:
    """A task's update; an empty status or progress keeps what is saved (the service sets 100%
    for a task marked done), an emptied text clears it."""
    parsers = {"status": _status, "progress": _progress, "note": _text, "evidence_link": _text}
    data = {name: reader.read(address, parsers[name]) for name, address in slot.cells.items()}
    if line.update is None and not _filled(data):
        return None
    data = {
        name: value
        for name, value in data.items()
        if not (name in ("status", "progress") and value is None)
    }
    return reader.clean(slot, clean_task_update, data, current=line.update)


@dataclass
class _FileMeta:
    payload: dict
    sheet_title: str
    slots: list[Slot]


# A report sheet has a row per indicator and task (a province's: a few hundred) and fewer than
# twenty columns; its meta sheet a row per item. Beyond this a row loop would walk empty rows.
MAX_SHEET_ROWS = 20_000
MAX_SHEET_COLUMNS = 200


def _check_upload(file) -> None:
    """The shared upload guard (core/uploads.py): refused before openpyxl unpacks anything."""
    try:
        upload_check(file, name="bao-cao.xlsx", limits=REPORT_LIMITS)
    except UploadRefused as exc:
        raise ExcelRefused([exc.message]) from exc


def _open_workbook(file) -> Workbook:
    _check_upload(file)
    try:
        # Formulas are kept as written (data_only=False) so that a formula in an input cell is
        # seen and refused rather than read as its last computed value.
        book = load_workbook(file, data_only=False)
    except FileNotFoundError as exc:
        raise ExcelRefused([_("Không tìm thấy tệp %(name)s.") % {"name": file}]) from exc
    except Exception as exc:
        # A damaged or foreign upload fails inside openpyxl in many ways (zip, XML, missing
        # parts, the old .xls format); to the person every one of them means the same thing.
        raise ExcelRefused(
            [
                _(
                    "Không đọc được tệp: đây không phải tệp Excel .xlsx hoặc tệp đã hỏng. Hãy mở "
                    "tệp bằng Excel và lưu lại dạng “Excel Workbook (.xlsx)”."
                )
            ]
        ) from exc
    try:
        workbook_check_dimensions(book, max_rows=MAX_SHEET_ROWS, max_columns=MAX_SHEET_COLUMNS)
    except UploadRefused as exc:
        raise ExcelRefused([exc.message]) from exc
    return book


def _meta_altered() -> ExcelRefused:
    return ExcelRefused(
        [
            _(
                "Phần thông tin nhận dạng của tệp (trang ẩn “%(sheet)s”) đã bị sửa hoặc hỏng. Hãy "
                "tải lại mẫu từ hệ thống và nhập lại số liệu."
            )
            % {"sheet": META_SHEET}
        ]
    )


def _read_meta(book: Workbook) -> _FileMeta:
    """The identity and layout written at export, trusted only if its signature holds and the
    readable copy agrees with the signed one."""
    if META_SHEET not in book.sheetnames:
        raise ExcelRefused(
            [
                _(
                    "Tệp không có phần thông tin nhận dạng của Thi đua số: hãy dùng đúng tệp tải "
                    "từ hệ thống, không chép số liệu sang tệp khác."
                )
            ]
        )
    fields, slots, in_layout = {}, [], False
    try:
        for row in book[META_SHEET].iter_rows(min_row=2, values_only=True):
            if not row or row[0] is None:
                continue
            if in_layout:
                cells = json.loads(row[3])
                if not isinstance(cells, dict):
                    raise ValueError(row[3])
                slots.append(Slot(str(row[0]), str(row[1]), int(row[2]), cells, row[4] or ""))
            elif row[0] == "layout":
                in_layout = True
            else:
                fields[str(row[0])] = row[1]
        payload = signing.loads(str(fields["token"]), salt=SIGNING_SALT)
    except (signing.BadSignature, KeyError, IndexError, TypeError, ValueError) as exc:
        raise _meta_altered() from exc
    if payload.get("format") != FILE_FORMAT:
        raise ExcelRefused([_("Tệp theo mẫu cũ; hãy tải mẫu mới từ hệ thống.")])
    sheet_title = str(fields.get("sheet") or "")
    readable_differs = any(str(fields.get(key)) != str(value) for key, value in payload.items())
    if readable_differs or layout_fingerprint(sheet_title, slots) != payload["fingerprint"]:
        raise _meta_altered()
    return _FileMeta(payload, sheet_title, slots)


def _find_report(meta: _FileMeta, scope: UserScope) -> Report:
    try:
        report = selectors.report_in_scope(scope=scope, pk=meta.payload["report"])
    except Http404 as exc:
        raise ExcelRefused(
            [
                _(
                    "Tệp này là báo cáo của đơn vị khác (mã %(unit)s, kỳ %(period)s) hoặc báo cáo "
                    "không còn trên hệ thống; bạn không nhập được tệp này."
                )
                % {"unit": meta.payload["unit"], "period": meta.payload["period_code"]}
            ]
        ) from exc
    if report.period_id != meta.payload["period"]:
        raise _meta_altered()
    return report


def _check_expected(report: Report, expected: Report | None) -> None:
    if expected is None or expected.pk == report.pk:
        return
    if expected.unit_id != report.unit_id:
        message = _("Tệp này là báo cáo của đơn vị khác (%(unit)s), không phải của %(expected)s.")
        names = {"unit": report.unit.name, "expected": expected.unit.name}
    else:
        message = _(
            "Tệp này là báo cáo kỳ “%(unit)s”, không phải kỳ “%(expected)s”. Hãy tải mẫu của đúng "
            "kỳ cần báo cáo."
        )
        names = {"unit": report.period.label, "expected": expected.period.label}
    raise ExcelRefused([message % names])


def _check_items_unchanged(meta: _FileMeta, layout: Layout) -> None:
    """The report must still ask for the same indicators and tasks, in the same cells, as when
    the file was exported (a schedule edited since then moves or adds rows)."""
    if meta.payload["fingerprint"] == layout.fingerprint():
        return
    before = {slot.key: slot.label for slot in meta.slots}
    now = {slot.key: slot.label for slot in layout.slots}
    added = [f"“{label}”" for key, label in now.items() if key not in before]
    removed = [f"“{label}”" for key, label in before.items() if key not in now]
    parts = []
    if added:
        parts.append(_("thêm %(items)s") % {"items": ", ".join(added)})
    if removed:
        parts.append(_("bỏ %(items)s") % {"items": ", ".join(removed)})
    detail = "; ".join(parts) or _("thứ tự hoặc loại số liệu đã đổi")
    raise ExcelRefused(
        [
            _(
                "Danh sách chỉ số, nhiệm vụ của báo cáo đã thay đổi sau khi tệp được tải về "
                "(%(detail)s). Hãy tải mẫu mới và chép số liệu sang."
            )
            % {"detail": detail}
        ]
    )


def _check_rows(book: Workbook, layout: Layout) -> Worksheet:
    """Every item's row must still carry its key in the marker column, and no other row a key:
    a row inserted, deleted or moved shifts the keys."""
    if layout.sheet_title not in book.sheetnames:
        raise ExcelRefused(
            [
                _("Không tìm thấy trang '%(sheet)s' trong tệp; đừng đổi tên hay xóa trang.")
                % {"sheet": layout.sheet_title}
            ]
        )
    ws = book[layout.sheet_title]
    by_row = {slot.row: slot for slot in layout.slots}
    markers = {cell.row: cell.value for cell in ws[COL_MARKER] if cell.value not in (None, "")}
    for row in sorted(set(by_row) | set(markers)):
        slot = by_row.get(row)
        if slot is not None and markers.get(row) == slot.key:
            continue
        expected = (
            _("dòng này phải là “%(label)s”") % {"label": slot.label}
            if slot
            else _("dòng này phải để trống")
        )
        raise ExcelRefused(
            [
                _(
                    "Trang '%(sheet)s', dòng %(row)s: bố cục đã bị thay đổi (%(expected)s); có lẽ "
                    "đã chèn, xóa hoặc di chuyển dòng, cột. Hãy hoàn tác, hoặc tải mẫu mới và chép "
                    "số liệu sang."
                )
                % {"sheet": ws.title, "row": row, "expected": expected}
            ]
        )
    return ws


def _service_problems(exc: ValidationError, layout: Layout) -> list[str]:
    """The service's messages, each placed at its item's first cell when the key names one."""
    if not hasattr(exc, "error_dict"):
        return list(exc.messages)
    problems = []
    for key, messages in exc.message_dict.items():
        address = layout.cell_for(key)
        for message in messages:
            problems.append(_at(layout.sheet_title, address, message) if address else message)
    return problems


@dataclass
class _Figures:
    """What the file holds, in the shapes `services.report_save_draft` takes."""

    values: dict[int, dict] = field(default_factory=dict)
    task_updates: dict[int, dict] = field(default_factory=dict)
    narrative: dict[str, str] = field(default_factory=dict)


def _refuse_unused_cells(reader: _CellReader, line: ValueLine, slot: Slot) -> None:
    """A figure typed in a grey cell of the row (protection lifted, or a program that ignores
    it) would otherwise be dropped without a word: it is refused where it was typed."""
    columns = [COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR]
    if line.indicator.kind != Indicator.Kind.RATIO:
        columns.append(COL_PERCENT)  # a ratio's percentage is the file's own formula
    used = set(slot.cells.values())
    first = next(iter(slot.cells.values()))
    for column in columns:
        address = f"{column}{slot.row}"
        typed = reader.ws[address].value
        if address not in used and typed not in (None, ""):
            reader.refuse(
                address,
                _(
                    "ô này không dùng cho chỉ số “%(name)s”, số liệu “%(value)s” sẽ không được "
                    "nhận; hãy nhập vào ô %(cell)s."
                )
                % {"name": line.indicator.name, "value": _shown(typed), "cell": first},
            )


def _read_figures(ws: Worksheet, sheet: ReportSheet, layout: Layout) -> _Figures:
    """Every input cell read; all problems raised together."""
    reader, figures = _CellReader(ws), _Figures()
    for line, slot in zip(sheet.values, layout.values, strict=True):
        _refuse_unused_cells(reader, line, slot)
        data = _read_value(reader, line, slot)
        if data is not None:
            figures.values[line.item.indicator_id] = data
    for line, slot in zip(sheet.tasks, layout.tasks, strict=True):
        data = _read_task(reader, line, slot)
        if data is not None:
            figures.task_updates[line.task.pk] = data
    for slot in layout.narrative:
        figures.narrative[slot.key] = reader.read(slot.first_cell, _text)
    if reader.problems:
        raise ExcelRefused(reader.problems)
    return figures


def _stale(report: Report, exported_version: int) -> ExcelRefused:
    current = Report.objects.filter(pk=report.pk).values_list("version", flat=True).first()
    return ExcelRefused(
        [
            _(
                "Báo cáo đã được cập nhật trên hệ thống sau khi tệp này được tải về (phiên bản "
                "%(then)s, nay là %(now)s). Để không ghi đè số liệu đó, tệp không được nhập: hãy "
                "tải mẫu mới và chép số liệu sang."
            )
            % {"then": exported_version, "now": current}
        ]
    )


def report_import(
    *,
    file: str | Path | IO[bytes],
    scope: UserScope,
    user,
    ip: str | None = None,
    expected_report: Report | None = None,
) -> Report:
    """Save a filled report file (a path or a file-like object) as the report's draft.

    Everything is checked before anything is saved: the file's identity (a report in the user's
    scope, and `expected_report` when the page names one), its layout against the report as it
    stands, and every input cell's form. Then one `report_save_draft` saves it all, recorded as
    an import, with the version the file was exported at (a save on the web since then is not
    overwritten). Any refusal raises `ExcelRefused` and changes nothing."""
    book = _open_workbook(file)
    meta = _read_meta(book)
    report = _find_report(meta, scope)
    _check_expected(report, expected_report)
    sheet = selectors.report_sheet(report)
    layout = report_layout(sheet)
    _check_items_unchanged(meta, layout)
    figures = _read_figures(_check_rows(book, layout), sheet, layout)
    try:
        return services.report_save_draft(
            scope=scope,
            user=user,
            report=report,
            expected_version=meta.payload["version"],
            values=figures.values,
            task_updates=figures.task_updates,
            narrative=figures.narrative,
            ip=ip,
            kind=Event.Kind.IMPORT,
        )
    except ConcurrentEditError as exc:
        raise _stale(report, meta.payload["version"]) from exc
    except ValidationError as exc:
        raise ExcelRefused(_service_problems(exc, layout)) from exc
    except PermissionDenied as exc:
        raise ExcelRefused([str(exc) or _("Bạn không có quyền nhập báo cáo này.")]) from exc


# --- The period board ----------------------------------------------------------------------------


def _fixed_header(ws: Worksheet, labels: list[str], widths: list[int], first: int = 1) -> None:
    """Columns whose header spans both header rows (4 and 5)."""
    for column, (label, width) in enumerate(zip(labels, widths, strict=True), start=first):
        _group_header(ws, 4, column, label, height=2)
        ws.column_dimensions[get_column_letter(column)].width = width


def _data_cell(ws: Worksheet, row: int, column: int, value, number_format: str | None = None):
    cell = ws.cell(row=row, column=column)
    set_value(cell, value)
    cell.border, cell.alignment = BORDER, WRAP
    if number_format:
        cell.number_format = number_format
    return cell


BOARD_GROUP = 3  # columns per period: status, days late, completeness


def _board_header(ws: Worksheet, board: Board) -> int:
    """Title and the two header rows; returns the last column."""
    last = 3 + BOARD_GROUP * len(board.periods) + 2
    title = _("TÌNH HÌNH NỘP BÁO CÁO: %(name)s") % {"name": board.schedule.name.upper()}
    _title(ws, 1, title, size=14)
    subtitle = _("Kế hoạch: %(plan)s. Lập ngày %(day)s.") % {
        "plan": board.schedule.plan,
        "day": _date_vi(timezone.localdate()),
    }
    set_value(ws["A2"], subtitle)
    _fixed_header(ws, [_("STT"), _("Đơn vị"), _("Mã đơn vị")], [6, 42, 14])
    group = [_("Tình trạng"), _("Số ngày trễ"), _("Đầy đủ (%)")]
    for index, period in enumerate(board.periods):
        column = 4 + BOARD_GROUP * index
        due = _("hạn %(day)s") % {"day": _date_vi(period.due_date)}
        _group_header(ws, 4, column, f"{period.label} ({due})", span=BOARD_GROUP)
        for offset, label in enumerate(group):
            _group_header(ws, 5, column + offset, label)
            ws.column_dimensions[get_column_letter(column + offset)].width = 16 if offset else 22
    labels = [_("Số kỳ nộp trễ"), _("Số kỳ chưa nộp")]
    _fixed_header(ws, labels, [16, 14], first=last - 1)
    return last


def _board_row(ws: Worksheet, row: int, number: int, board_row: BoardRow, last: int) -> None:
    _data_cell(ws, row, 1, number)
    _data_cell(ws, row, 2, board_row.unit.name)
    _data_cell(ws, row, 3, board_row.unit.code)
    for index, cell in enumerate(board_row.cells):
        column = 4 + BOARD_GROUP * index
        label = str(BOARD_STATE_LABELS[cell.state])
        if cell.reminded:
            days = ", ".join(_date_vi(timezone.localdate(r.sent_at)) for r in cell.reminded)
            label += " — " + _("đã nhắc %(days)s") % {"days": days}
        status = _data_cell(ws, row, column, label)
        if cell.state in STATE_FILLS:
            status.fill = STATE_FILLS[cell.state]
        _data_cell(ws, row, column + 1, cell.days_late, "0")
        _data_cell(ws, row, column + 2, _excel_number(cell.completeness), "0.0")
    _data_cell(ws, row, last - 1, board_row.late_count)
    _data_cell(ws, row, last, board_row.missing_count)


def _board_totals(ws: Worksheet, row: int, board: Board) -> None:
    """One row per count of `Board.totals`, each period's figure across its column group."""
    totals = board.totals()
    for key, label in (
        ("accepted", _("Tổng số đã tiếp nhận")),
        ("on_time", _("Tổng số nộp đúng hạn")),
        ("late", _("Tổng số nộp trễ hạn")),
        ("missing", _("Tổng số chưa nộp (quá hạn)")),
    ):
        _data_cell(ws, row, 2, label).font = Font(bold=True)
        for index, total in enumerate(totals):
            column = 4 + BOARD_GROUP * index
            _data_cell(ws, row, column, total[key]).font = Font(bold=True)
            ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 2)
        row += 1


def board_workbook(board: Board) -> bytes:
    """The period board as the standing office files it: each unit × each period with the status,
    days late and completeness, rows of totals per period, and each unit's late and missing
    counts."""
    book = Workbook()
    ws = book.active
    ws.title = _("Theo dõi nộp báo cáo")
    last = _board_header(ws, board)
    for number, board_row in enumerate(board.rows, start=1):
        _board_row(ws, 5 + number, number, board_row, last)
    _board_totals(ws, 6 + len(board.rows), board)
    ws.freeze_panes = "D6"
    _landscape(ws)
    return _to_bytes(book)


# --- The period's figures ------------------------------------------------------------------------


def _figure_indicators(period: Period, reports: list[Report]) -> list[Indicator]:
    """The schedule's indicators in its order, then any other indicator the reports hold (one
    dropped from the schedule after units reported it), so that no reported figure is lost."""
    indicators = [item.indicator for item in selectors.schedule_items(period.schedule)]
    known = {indicator.pk for indicator in indicators}
    extra = {}
    for report in reports:
        for row in report.values.all():
            if row.indicator_id not in known:
                extra[row.indicator_id] = row.indicator
    return indicators + sorted(extra.values(), key=lambda indicator: indicator.code)


def _figure_columns(indicator: Indicator) -> list[str]:
    if indicator.kind == Indicator.Kind.RATIO:
        return [_("Tử số"), _("Mẫu số"), _("Tỷ lệ (%)")]
    if indicator.kind == Indicator.Kind.BOOLEAN:
        return [_("Có/Không")]
    if indicator.kind == Indicator.Kind.TEXT:
        return [_("Nội dung")]
    return [_("Giá trị (%(unit)s)") % {"unit": indicator.unit} if indicator.unit else _("Giá trị")]


def _write_figures(ws: Worksheet, row: int, column: int, indicator, value: ReportValue | None):
    if indicator.kind == Indicator.Kind.RATIO:
        numerator, denominator = (value.numerator, value.denominator) if value else (None, None)
        percent = value.ratio_percent if value else None
        _data_cell(ws, row, column, _excel_number(numerator), _number_format(numerator))
        _data_cell(ws, row, column + 1, _excel_number(denominator), _number_format(denominator))
        share = None if percent is None else float(percent / 100)
        _data_cell(ws, row, column + 2, share, "0.0%")
    elif indicator.kind == Indicator.Kind.BOOLEAN:
        _data_cell(ws, row, column, _yes_no(value.value if value else None))
    elif indicator.kind == Indicator.Kind.TEXT:
        _data_cell(ws, row, column, (value.text if value else "") or None)
    else:
        number = value.value if value else None
        _data_cell(ws, row, column, _excel_number(number), _number_format(number))


def period_figures_workbook(*, period: Period, reports: list[Report]) -> bytes:
    """One row per unit's report of a period and one column group per indicator (a ratio as
    numerator, denominator and %), numbers as real numbers. `reports` come with `unit` and
    `values__indicator` loaded."""
    reports = list(reports)
    indicators = _figure_indicators(period, reports)
    book = Workbook()
    ws = book.active
    ws.title = _("Số liệu")
    fixed = [
        _("STT"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Tình trạng"),
        _("Ngày gửi"),
        _("Số ngày trễ"),
    ]
    spans = [len(_figure_columns(indicator)) for indicator in indicators]
    _title(ws, 1, _("SỐ LIỆU BÁO CÁO: %(period)s") % {"period": period.label.upper()}, size=14)
    subtitle = _("%(schedule)s. Hạn nộp %(due)s. Lập ngày %(day)s.") % {
        "schedule": period.schedule.name,
        "due": _date_vi(period.due_date),
        "day": _date_vi(timezone.localdate()),
    }
    set_value(ws["A2"], subtitle)
    _fixed_header(ws, fixed, [6, 14, 40, 22, 12, 10])
    column = len(fixed) + 1
    for indicator, span in zip(indicators, spans, strict=True):
        _group_header(ws, 4, column, indicator.name, span=span)
        for offset, label in enumerate(_figure_columns(indicator)):
            _group_header(ws, 5, column + offset, label)
            ws.column_dimensions[get_column_letter(column + offset)].width = 16
        column += span
    ws.row_dimensions[4].height = 60
    for number, report in enumerate(reports, start=1):
        row = 5 + number
        submitted = timezone.localdate(report.submitted_at) if report.submitted_at else None
        _data_cell(ws, row, 1, number)
        _data_cell(ws, row, 2, report.unit.code)
        _data_cell(ws, row, 3, report.unit.name)
        _data_cell(ws, row, 4, report.get_status_display())
        _data_cell(ws, row, 5, submitted, "dd/mm/yyyy")
        _data_cell(ws, row, 6, report.days_late)
        rows = {value.indicator_id: value for value in report.values.all()}
        column = len(fixed) + 1
        for indicator, span in zip(indicators, spans, strict=True):
            _write_figures(ws, row, column, indicator, rows.get(indicator.pk))
            column += span
    ws.freeze_panes = "D6"
    _landscape(ws)
    return _to_bytes(book)
