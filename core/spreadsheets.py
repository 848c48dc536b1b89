"""The one spreadsheet kit of every workbook we hand out: safe cells and one set of styles.

Writing cells safely: people's text never becomes a formula in a file we hand out. openpyxl
stores any string that starts with "=" as a formula, so a task title such as "=WEBSERVICE(...)"
or a narrative "=HYPERLINK(...)" would run in the Excel of whoever opens the file. Every cell of
every workbook we write goes through `set_value` or `append_row` (text is kept text); the file's
own formulas, and only they, go through `set_formula`.

One look: the report file, the office's tables (reporting.excel), the dashboards' tables
(monitoring.exports) and the rankings (evaluation.exports) share one header colour, one border
and one title style, written here once.
"""

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

_THIN = Side(style="thin", color="9E9E9E")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")


def set_value(cell, value) -> None:
    """Put `value` in `cell`; a string stays a string even if it looks like a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def set_formula(cell, formula: str) -> None:
    """A formula the system itself writes (never text a person typed)."""
    cell.value = formula


def append_row(ws, values) -> None:
    """`ws.append` that keeps every string a string."""
    ws.append(list(values))
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def group_header(
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


def header_row(ws: Worksheet, row: int, labels: list[str]) -> None:
    """A table's header: one styled cell per label, from column A."""
    for column, label in enumerate(labels, start=1):
        group_header(ws, row, column, label)


def title_line(ws: Worksheet, row: int, text: str, size: int = 12) -> None:
    """A bold line of text; not merged, it runs on over the empty cells to its right (merged
    ranges are slow for openpyxl to write and read back, and add nothing here)."""
    cell = ws[f"A{row}"]
    set_value(cell, text)
    cell.font = Font(bold=True, size=size)
    cell.alignment = Alignment(vertical="center")


def fit_row(ws: Worksheet, row: int, minimum: float = 15) -> None:
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


def print_landscape(ws: Worksheet) -> None:
    """Printed landscape, as wide as the page, as many pages long as it takes."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
