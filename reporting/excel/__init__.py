"""Offline reporting with Excel: a report to fill offline, and the office's tables to download.

A commune officer with a bad connection downloads the period's report as an .xlsx file, fills it
offline and uploads it back. The file says on a very hidden sheet which report it is and where
every figure sits (signed with SECRET_KEY), so that the import refuses a file of another unit or
period, or one whose rows were moved, before anything is saved. The import then hands every
figure, task and the narrative to `services.report_save_draft` at once: all or nothing.

One idea a module: `layout` (where everything sits: the contract the writer and the reader
share), `writer` (the report file), `reader` (reading it back), `office` (the period board and
a period's figures), `sheets` (cell values they share; the styles are core.spreadsheets). The
names callers use are re-exported here: `from reporting import excel; excel.report_import(...)`.
"""

from reporting.excel.layout import (
    COL_COMMENT,
    COL_DENOMINATOR,
    COL_LAST,
    COL_LINK,
    COL_MARKER,
    COL_NAME,
    COL_NARRATIVE,
    COL_NOTE,
    COL_NUMERATOR,
    COL_PERCENT,
    COL_PREVIOUS,
    COL_PROGRESS,
    COL_STATUS,
    COL_STT,
    COL_UNIT,
    COL_VALUE,
    FILE_FORMAT,
    FIRST_SECTION_ROW,
    META_SHEET,
    NARRATIVE_LABELS,
    SIGNING_SALT,
    TEXT_MAX_LENGTH,
    WIDTHS,
    Layout,
    Slot,
    layout_fingerprint,
    report_layout,
)
from reporting.excel.office import (
    BOARD_GROUP,
    BOARD_STATE_LABELS,
    STATE_FILLS,
    board_workbook,
    period_figures_workbook,
)
from reporting.excel.reader import (
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    ExcelRefused,
    report_import,
)
from reporting.excel.writer import (
    INPUT_FILL,
    UNLOCKED,
    UNUSED_FILL,
    report_workbook,
)

__all__ = [
    "BOARD_GROUP",
    "BOARD_STATE_LABELS",
    "COL_COMMENT",
    "COL_DENOMINATOR",
    "COL_LAST",
    "COL_LINK",
    "COL_MARKER",
    "COL_NAME",
    "COL_NARRATIVE",
    "COL_NOTE",
    "COL_NUMERATOR",
    "COL_PERCENT",
    "COL_PREVIOUS",
    "COL_PROGRESS",
    "COL_STATUS",
    "COL_STT",
    "COL_UNIT",
    "COL_VALUE",
    "ExcelRefused",
    "FILE_FORMAT",
    "FIRST_SECTION_ROW",
    "INPUT_FILL",
    "Layout",
    "MAX_SHEET_COLUMNS",
    "MAX_SHEET_ROWS",
    "META_SHEET",
    "NARRATIVE_LABELS",
    "SIGNING_SALT",
    "STATE_FILLS",
    "Slot",
    "TEXT_MAX_LENGTH",
    "UNLOCKED",
    "UNUSED_FILL",
    "WIDTHS",
    "board_workbook",
    "layout_fingerprint",
    "period_figures_workbook",
    "report_import",
    "report_layout",
    "report_workbook",
]
