"""The year-end classification of a block, from a frozen ranking: an Excel workbook (units, their
heads, the thresholds used) and a Word table in the Nghị định 30/2020 layout."""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from awards.classification import share
from awards.models import ClassificationLevel, ClassificationPolicy
from awards.selectors import ClassificationRow
from core.formats import number_vi
from core.spreadsheets import set_value
from documents.layout import upper_vi

HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")


def title(version, block) -> str:
    return _(
        "Kết quả xếp loại năm %(year)s — %(block)s (theo kết quả chốt lần %(n)s, ngày %(day)s)"
    ) % {
        "year": version.scheme.year,
        "block": block.name,
        "n": version.number,
        "day": f"{version.cutoff:%d/%m/%Y}",
    }


def unit_headers() -> list[str]:
    return [
        _("Hạng"),
        _("Đơn vị"),
        _("Khối thi đua"),
        _("Tổng điểm"),
        _("Tỷ lệ so với điểm tối đa (%)"),
        _("Xếp loại"),
        _("Lý do"),
    ]


def unit_values(row: ClassificationRow, max_points) -> list:
    entry = row.entry
    return [
        entry.rank,
        entry.unit.name,
        entry.block.name,
        number_vi(entry.total, 2),
        number_vi(share(entry.total, max_points), 1),
        row.result.text,
        "\n".join(row.result.reasons),
    ]


def head_headers() -> list[str]:
    return [_("Đơn vị"), _("Người đứng đầu"), _("Chức vụ"), _("Xếp loại"), _("Lý do")]


def head_values(row: ClassificationRow) -> list:
    return [
        row.entry.unit.name,
        row.head.full_name,
        row.head.position,
        row.head_result.text,
        "\n".join(row.head_result.reasons),
    ]


def policy_lines(policy: ClassificationPolicy) -> list[tuple[str, str]]:
    return [
        (
            str(ClassificationLevel.EXCELLENT.label),
            _("từ %(p)s %% điểm tối đa") % {"p": number_vi(policy.excellent_min_percent, 1)},
        ),
        (
            str(ClassificationLevel.GOOD.label),
            _("từ %(p)s %% điểm tối đa") % {"p": number_vi(policy.good_min_percent, 1)},
        ),
        (
            str(ClassificationLevel.DONE.label),
            _("từ %(p)s %% điểm tối đa") % {"p": number_vi(policy.done_min_percent, 1)},
        ),
        (
            _("Báo cáo trễ, thiếu hoặc sai quá mức cho phép"),
            _("cao nhất %(level)s")
            % {"level": ClassificationLevel(policy.reports_fault_cap).label},
        ),
    ]


def _sheet(ws, heading: str, headers: list[str], rows: list[list]) -> None:
    set_value(ws["A1"], heading)
    ws["A1"].font = Font(bold=True, size=13)
    for col, label in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col)
        set_value(cell, label)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            set_value(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def classification_workbook(version, block, rows, max_points, policy) -> bytes:
    book = Workbook()
    units = book.active
    units.title = _("Xếp loại tập thể")[:31]
    _sheet(units, title(version, block), unit_headers(), [unit_values(r, max_points) for r in rows])
    units.column_dimensions["B"].width = 40
    units.column_dimensions["F"].width = 30
    units.column_dimensions["G"].width = 80
    heads = book.create_sheet(_("Xếp loại người đứng đầu")[:31])
    _sheet(
        heads,
        title(version, block),
        head_headers(),
        [head_values(r) for r in rows if r.head is not None],
    )
    heads.column_dimensions["A"].width = 40
    heads.column_dimensions["E"].width = 80
    thresholds = book.create_sheet(_("Ngưỡng xếp loại")[:31])
    _sheet(
        thresholds,
        _("Ngưỡng xếp loại đã áp dụng"),
        [_("Mức"), _("Điều kiện")],
        [list(x) for x in policy_lines(policy)],
    )
    thresholds.column_dimensions["A"].width = 45
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(doc, headers, rows) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, headers, strict=True):
        cell.text = label
        for run in cell.paragraphs[0].runs:
            run.bold, run.font.size = True, Pt(11)
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = str(value)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(11)


def classification_document(version, block, rows, max_points, policy) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    doc.add_paragraph().add_run(upper_vi(version.scheme.issuer.name)).bold = True
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(upper_vi(_("Bảng tổng hợp kết quả xếp loại cuối năm"))).bold = True
    doc.add_paragraph(title(version, block)).alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph().add_run(_("I. Tập thể")).bold = True
    _table(doc, unit_headers(), [unit_values(r, max_points) for r in rows])
    doc.add_paragraph().add_run(_("II. Người đứng đầu")).bold = True
    _table(doc, head_headers(), [head_values(r) for r in rows if r.head is not None])
    doc.add_paragraph()
    doc.add_paragraph(_("Ngưỡng xếp loại đã áp dụng:"))
    for level, rule in policy_lines(policy):
        doc.add_paragraph(f"- {level}: {rule}.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
