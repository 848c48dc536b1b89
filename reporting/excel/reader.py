"""Reading a filled report file back (`report_import`): all or nothing.

The reader judges only where a figure sits and a cell's type (a number, an item of a list, a
text); whether a figure is valid is `reporting.figures` (`clean_value`, `clean_task_update`),
the rule the web page and the draft service apply too, in the same words, here placed at its cell.
"""

import datetime
import json
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.formats import parse_number_vi
from core.services import ConcurrentEditError
from core.uploads import REPORT_LIMITS, UploadRefused, upload_check, workbook_check_dimensions
from org.scope import UserScope
from reporting import selectors, services
from reporting.excel.layout import (
    COL_DENOMINATOR,
    COL_MARKER,
    COL_NUMERATOR,
    COL_PERCENT,
    COL_VALUE,
    FILE_FORMAT,
    META_SHEET,
    SIGNING_SALT,
    Layout,
    Slot,
    layout_fingerprint,
    report_layout,
)
from reporting.excel.sheets import date_vi
from reporting.figures import clean_task_update, clean_value
from reporting.models import Event, Report, TaskUpdate
from reporting.selectors import ReportSheet, TaskLine, ValueLine


class ExcelRefused(ValidationError):
    """An uploaded report file was not imported and nothing was saved. `problems` lists every
    reason at once, each naming the sheet and the cell, so that the person fixes them in one go."""

    def __init__(self, problems: list[str]):
        super().__init__(list(problems))
        self.problems = list(problems)


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
        shown = date_vi(value) if isinstance(value, datetime.date) else str(value)
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
        return value.strftime("%d/%m/%Y %H:%M") if value.time() else date_vi(value)
    if isinstance(value, datetime.date):
        return date_vi(value)
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
        "value": _yes_no_value if line.indicator.is_yes_no else _number,
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
    if not line.indicator.is_ratio:
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
