"""The award registry (Sổ khen thưởng) as an Excel workbook, in the style of the other exports:
a bold title, a coloured header row, frozen panes; every cell through core.spreadsheets."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from awards.models import AwardRecord
from core.spreadsheets import set_value

HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
WIDTHS = [8, 40, 30, 14, 36, 22, 18, 14, 30, 50]


def _unit_cell(record: AwardRecord) -> str:
    unit = record.owner_unit
    if unit.merged_into_id:
        return _("%(old)s (nay là %(new)s)") % {"old": unit.name, "new": unit.merged_into.name}
    return unit.name


def registry_workbook(records, *, heading: str) -> bytes:
    """One row per award: year, subject, its unit (a merged unit names its successor), form,
    kind, decision, signer, achievement."""
    book = Workbook(write_only=False)
    ws = book.active
    ws.title = _("Sổ khen thưởng")[:31]
    set_value(ws["A1"], heading)
    ws["A1"].font = Font(bold=True, size=13)
    headers = [
        _("Năm"),
        _("Tập thể, cá nhân"),
        _("Đơn vị"),
        _("Đối tượng"),
        _("Hình thức"),
        _("Loại hình"),
        _("Số quyết định"),
        _("Ngày quyết định"),
        _("Người ký"),
        _("Thành tích"),
    ]
    for col, label in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col)
        set_value(cell, label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    row = 3
    for row, record in enumerate(records, start=4):
        values = [
            record.year,
            record.subject_name,
            _unit_cell(record),
            record.get_subject_type_display(),
            record.form.name,
            record.kind.name,
            record.decision_number,
            record.decision_date.strftime("%d/%m/%Y"),
            record.signer,
            record.achievement,
        ]
        for col, value in enumerate(values, start=1):
            set_value(ws.cell(row=row, column=col), value)
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A4"
    set_value(ws.cell(row=row + 2, column=1), _("Tổng số: %(n)s khen thưởng") % {"n": row - 3})
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
