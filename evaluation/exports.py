"""A frozen block ranking to Excel (one row per unit, a column per criterion) and to Word (the
table an office signs, Nghị định 30/2020 layout: A4, Times New Roman 13, margins 20/20/30/15)."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook

from core.formats import number_vi
from core.spreadsheets import header_row, set_value, title_line, workbook_bytes
from documents.layout import upper_vi
from evaluation.models import Criterion, RankingVersion
from evaluation.ranking import EntryLine
from org.models import EmulationBlock


def _points(value) -> str:
    return "—" if value is None else number_vi(value, 2)


def _title(version: RankingVersion, block: EmulationBlock) -> str:
    return _(
        "Kết quả chấm điểm, xếp hạng %(block)s — %(scheme)s (lần chốt %(n)s, ngày %(day)s)"
    ) % {
        "block": block.name,
        "scheme": version.scheme.name,
        "n": version.number,
        "day": f"{version.cutoff:%d/%m/%Y}",
    }


def _headers(criteria: list[Criterion]) -> list[str]:
    return [
        _("Hạng"),
        _("Đơn vị"),
        *[f"{c.code} ({number_vi(c.max_points, 0)})" for c in criteria],
        _("Điểm thưởng"),
        _("Điểm trừ"),
        _("Tổng điểm"),
        _("Ghi chú"),
    ]


def _row(line: EntryLine) -> list[str]:
    entry = line.entry
    return [
        str(entry.rank),
        entry.unit.name,
        *[_points(p) for p in line.points],
        _points(entry.bonus),
        _points(entry.penalty),
        _points(entry.total),
        entry.tie_note,
    ]


def ranking_workbook(
    version: RankingVersion, block: EmulationBlock, criteria: list[Criterion], lines
) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = _("Xếp hạng")[:31]
    title_line(ws, 1, _title(version, block), size=13)
    header_row(ws, 3, _headers(criteria))
    for r, line in enumerate(lines, start=4):
        for c, value in enumerate(_row(line), start=1):
            set_value(ws.cell(row=r, column=c), value)
    legend = ws.max_row + 2
    for i, criterion in enumerate(criteria):
        set_value(ws.cell(row=legend + i, column=1), criterion.code)
        set_value(ws.cell(row=legend + i, column=2), criterion.name)
    ws.column_dimensions["B"].width = 40
    return workbook_bytes(book)


def ranking_document(
    version: RankingVersion, block: EmulationBlock, criteria: list[Criterion], lines
) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    issuer = doc.add_paragraph()
    issuer.add_run(upper_vi(version.scheme.issuer.name)).bold = True
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(upper_vi(_("Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua"))).bold = True
    sub = doc.add_paragraph(_title(version, block))
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    headers = _headers(criteria)
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, headers, strict=True):
        cell.text = label
        for run in cell.paragraphs[0].runs:
            run.bold, run.font.size = True, Pt(11)
    for line in lines:
        cells = table.add_row().cells
        for cell, value in zip(cells, _row(line), strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(11)
    doc.add_paragraph()
    for criterion in criteria:
        doc.add_paragraph(
            f"{criterion.code}. {criterion.name} "
            f"({_('tối đa')} {number_vi(criterion.max_points, 2)})"
        )
    if version.note:
        doc.add_paragraph(_("Ghi chú lần chốt: %(note)s") % {"note": version.note})
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
