"""The standing office's tables: the period board and a period's figures, to Excel."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.spreadsheets import (
    BORDER,
    WRAP,
    group_header,
    print_landscape,
    set_value,
    title_line,
    workbook_bytes,
)
from indicators.models import Indicator
from reporting import selectors
from reporting.excel.sheets import date_vi, excel_number, figure_format, yes_no_label
from reporting.models import Period, Report, ReportValue, WorkflowStatus
from reporting.selectors import Board, BoardRow

BOARD_STATE_LABELS = {
    "missing": gettext_lazy("Chưa nộp (quá hạn)"),
    "not_due": gettext_lazy("Chưa đến hạn"),
    "draft": WorkflowStatus.DRAFT.label,
    "submitted": WorkflowStatus.SUBMITTED.label,
    "approved": WorkflowStatus.APPROVED.label,
    "accepted": WorkflowStatus.ACCEPTED.label,
    "returned": WorkflowStatus.RETURNED.label,
}


STATE_FILLS = {
    "accepted": PatternFill("solid", fgColor="C6EFCE"),
    "missing": PatternFill("solid", fgColor="FFC7CE"),
    "returned": PatternFill("solid", fgColor="FFEB9C"),
}


def _fixed_header(ws: Worksheet, labels: list[str], widths: list[int], first: int = 1) -> None:
    """Columns whose header spans both header rows (4 and 5)."""
    for column, (label, width) in enumerate(zip(labels, widths, strict=True), start=first):
        group_header(ws, 4, column, label, height=2)
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
    title_line(ws, 1, title, size=14)
    subtitle = _("Kế hoạch: %(plan)s. Lập ngày %(day)s.") % {
        "plan": board.schedule.plan,
        "day": date_vi(timezone.localdate()),
    }
    set_value(ws["A2"], subtitle)
    _fixed_header(ws, [_("STT"), _("Đơn vị"), _("Mã đơn vị")], [6, 42, 14])
    group = [_("Tình trạng"), _("Số ngày trễ"), _("Đầy đủ (%)")]
    for index, period in enumerate(board.periods):
        column = 4 + BOARD_GROUP * index
        due = _("hạn %(day)s") % {"day": date_vi(period.due_date)}
        group_header(ws, 4, column, f"{period.label} ({due})", span=BOARD_GROUP)
        for offset, label in enumerate(group):
            group_header(ws, 5, column + offset, label)
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
            days = ", ".join(date_vi(timezone.localdate(r.sent_at)) for r in cell.reminded)
            label += " — " + _("đã nhắc %(days)s") % {"days": days}
        status = _data_cell(ws, row, column, label)
        if cell.state in STATE_FILLS:
            status.fill = STATE_FILLS[cell.state]
        _data_cell(ws, row, column + 1, cell.days_late, "0")
        _data_cell(ws, row, column + 2, excel_number(cell.completeness), "0.0")
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
    print_landscape(ws)
    return workbook_bytes(book)


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
    if indicator.is_ratio:
        return [_("Tử số"), _("Mẫu số"), _("Tỷ lệ (%)")]
    if indicator.is_yes_no:
        return [_("Có/Không")]
    if indicator.is_words:
        return [_("Nội dung")]
    return [_("Giá trị (%(unit)s)") % {"unit": indicator.unit} if indicator.unit else _("Giá trị")]


def _write_figures(ws: Worksheet, row: int, column: int, indicator, value: ReportValue | None):
    if indicator.is_ratio:
        numerator, denominator = (value.numerator, value.denominator) if value else (None, None)
        percent = value.ratio_percent if value else None
        _data_cell(ws, row, column, excel_number(numerator), figure_format(numerator))
        _data_cell(ws, row, column + 1, excel_number(denominator), figure_format(denominator))
        share = None if percent is None else float(percent / 100)
        _data_cell(ws, row, column + 2, share, "0.0%")
    elif indicator.is_yes_no:
        _data_cell(ws, row, column, yes_no_label(value.value if value else None))
    elif indicator.is_words:
        _data_cell(ws, row, column, (value.text if value else "") or None)
    else:
        number = value.value if value else None
        _data_cell(ws, row, column, excel_number(number), figure_format(number))


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
    title_line(ws, 1, _("SỐ LIỆU BÁO CÁO: %(period)s") % {"period": period.label.upper()}, size=14)
    subtitle = _("%(schedule)s. Hạn nộp %(due)s. Lập ngày %(day)s.") % {
        "schedule": period.schedule.name,
        "due": date_vi(period.due_date),
        "day": date_vi(timezone.localdate()),
    }
    set_value(ws["A2"], subtitle)
    _fixed_header(ws, fixed, [6, 14, 40, 22, 12, 10])
    column = len(fixed) + 1
    for indicator, span in zip(indicators, spans, strict=True):
        group_header(ws, 4, column, indicator.name, span=span)
        for offset, label in enumerate(_figure_columns(indicator)):
            group_header(ws, 5, column + offset, label)
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
    print_landscape(ws)
    return workbook_bytes(book)
