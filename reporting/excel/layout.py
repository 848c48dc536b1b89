"""The report file's layout contract: where every item of a report sits in its sheet.

The writer lays the sheet out by `report_layout`; the reader recomputes it to tell whether a file
still matches its report (same keys, kinds and cells: `Layout.fingerprint`). Nothing here writes
or reads a cell.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indicators.models import Indicator
from reporting import services
from reporting.selectors import ReportSheet

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


# The column of each field a unit fills (Indicator.entry_fields): words go where a number would.
VALUE_COLUMNS = {
    "value": COL_VALUE,
    "text": COL_VALUE,
    "numerator": COL_NUMERATOR,
    "denominator": COL_DENOMINATOR,
    "comment": COL_COMMENT,
}


def _value_cells(indicator: Indicator, row: int) -> dict[str, str]:
    return {name: f"{VALUE_COLUMNS[name]}{row}" for name in (*indicator.entry_fields, "comment")}


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
        indicator = line.indicator
        cells = _value_cells(indicator, row)
        values.append(Slot(line.key, indicator.kind, row, cells, indicator.name))
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
