"""The guard every uploaded file passes before anything parses it (issue #13, High 2).

An upload is refused here, in milliseconds, when reading it would hold a server for long or take
much memory: a .docx or .xlsx that unpacks to far more than it weighs (a "zip bomb"), has
thousands of parts, or whose table cell spans a million columns; a PDF with more pages than a
plan has, or that poppler cannot even count in a few seconds; a text file larger than any plan.
Only the zip's central directory, the Word body's `gridSpan` values and `pdfinfo`'s summary are
read, never the content itself.

The declared sizes are enough: Python's `zipfile` (which openpyxl and python-docx read through)
stops every member at its declared size, so a member that lies about its size fails its CRC
check instead of unpacking further.

Callers: plans/import_jobs.py (at the upload, next to the field, and again in the worker) and
reporting/excel/reader.py (the report's Excel file). What parses the file afterwards runs under time
and memory limits of its own (core/sandbox.py for the plan extractor).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one kind of upload may hold. A report's .xlsx is ~20 kB and a plan's .docx a few
    hundred kB: the bounds are a hundred times what a real file needs."""

    max_bytes: int = 20 * MB  # the file as uploaded
    max_members: int = 1000  # parts in the zip (a .docx with many images has ~100)
    max_unpacked: int = 100 * MB  # all parts together, unpacked
    max_member: int = 40 * MB  # one part unpacked (the XML a parser holds at once)
    max_ratio: int = 100  # unpacked / packed, for a part over RATIO_FLOOR bytes
    max_grid_span: int = 64  # Word tables have at most 63 columns
    max_pdf_pages: int = 300
    max_text_bytes: int = 2 * MB  # a .txt / .md plan (the longest seed is 30 kB)


RATIO_FLOOR = MB  # small parts (styles, an empty sheet) compress very well and harm no one
PDFINFO_TIMEOUT = 5  # seconds

PLAN_LIMITS = Limits()
REPORT_LIMITS = Limits(max_bytes=5 * MB, max_unpacked=50 * MB, max_member=30 * MB)


class UploadRefused(Exception):
    """The upload cannot be read safely; `message` tells the person why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = str(message)


def upload_check(file, *, name: str, limits: Limits = PLAN_LIMITS) -> None:
    """Refuse `file` (a path, or a file object such as Django's UploadedFile) if parsing it
    could stop the server. `name` gives the format by its extension. Leaves a file object at
    its start."""
    suffix = Path(name).suffix.lower()
    size = _size(file)
    if size is not None and size > limits.max_bytes:
        raise UploadRefused(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(max)s MB.")
            % {"size": _mb(size), "max": limits.max_bytes // MB}
        )
    try:
        if suffix in (".docx", ".xlsx"):
            _check_zip(file, suffix=suffix, limits=limits)
        elif suffix == ".pdf":
            _check_pdf(file, limits=limits)
        elif suffix in (".txt", ".md", "") and size is not None and size > limits.max_text_bytes:
            raise UploadRefused(
                _(
                    "Tệp văn bản quá dài (%(size)s MB) so với một kế hoạch (tối đa %(max)s MB); "
                    "hãy tải bản Word hoặc PDF của văn bản."
                )
                % {"size": _mb(size), "max": limits.max_text_bytes // MB}
            )
    finally:
        if hasattr(file, "seek"):
            file.seek(0)


def _size(file) -> int | None:
    if isinstance(file, (str, Path)):
        try:
            return Path(file).stat().st_size
        except OSError:
            return None
    return getattr(file, "size", None)


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


def _unpacks_too_much() -> UploadRefused:
    return UploadRefused(
        _(
            "Tệp quá lớn khi giải nén: nội dung lớn gấp nhiều lần kích thước tệp (có thể là "
            "“bom nén”), nên không được đọc. Hãy mở tệp bằng Word hoặc Excel và lưu lại."
        )
    )


def _check_zip(file, *, suffix: str, limits: Limits) -> None:
    try:
        _check_zip_parts(file, suffix=suffix, limits=limits)
    except NotImplementedError as exc:
        # A zip asking for a version or a compression method Python's zipfile does not read
        # ("zip file version 8.6"): no reader of ours could open it either.
        raise UploadRefused(
            _(
                "Tệp được nén theo cách hệ thống không đọc được. Hãy mở tệp bằng Word hoặc Excel "
                "và lưu lại."
            )
        ) from exc


def _check_zip_parts(file, *, suffix: str, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a zip at all: the reader says so in its own words
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise UploadRefused(
                _("Tệp có quá nhiều thành phần (%(n)s; tối đa %(max)s), không được đọc.")
                % {"n": len(members), "max": limits.max_members}
            )
        total = 0
        for info in members:
            total += info.file_size
            if info.file_size > limits.max_member or total > limits.max_unpacked:
                raise _unpacks_too_much()
            if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
                info.compress_size, 1
            ):
                raise _unpacks_too_much()
        if suffix == ".docx":
            _check_word_spans(archive, limits=limits)


_GRID_SPAN = re.compile(rb"<w:gridSpan\s+w:val=\"(\d+)\"")


def _check_word_spans(archive: zipfile.ZipFile, *, limits: Limits) -> None:
    """python-docx expands a cell spanning N columns into N cells: a 40 kB file with
    gridSpan 10⁶ would hold a worker for minutes."""
    for info in archive.infolist():
        if not (info.filename.startswith("word/") and info.filename.endswith(".xml")):
            continue
        try:
            body = archive.read(info)  # bounded above by max_member
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
            return  # a damaged part: the reader refuses the file
        for match in _GRID_SPAN.finditer(body):
            if int(match.group(1)) > limits.max_grid_span:
                raise UploadRefused(
                    _(
                        "Bảng trong tệp Word có ô trải trên %(n)s cột (Word cho tối đa 63), "
                        "tệp bất thường nên không được đọc."
                    )
                    % {"n": match.group(1).decode()}
                )


def _check_pdf(file, *, limits: Limits) -> None:
    pages = pdf_page_count(file)
    if pages is not None and pages > limits.max_pdf_pages:
        raise UploadRefused(
            _("Tệp PDF có %(n)s trang, quá dài so với một kế hoạch (tối đa %(max)s trang).")
            % {"n": pages, "max": limits.max_pdf_pages}
        )


def pdf_page_count(file) -> int | None:
    """The page count from `pdfinfo` (poppler reads the page tree, no page's content), within
    PDFINFO_TIMEOUT seconds; None when the file is not a PDF poppler can read (the extractor
    then says why). A PDF that poppler cannot count in time is refused."""
    executable = shutil.which("pdfinfo")
    if executable is None:
        return None
    with _as_path(file) as path:
        try:
            result = subprocess.run(
                [executable, str(path)],
                capture_output=True,
                timeout=PDFINFO_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise UploadRefused(
                _("Tệp PDF có cấu trúc bất thường (không đếm được số trang), không được đọc.")
            ) from exc
    match = re.search(rb"^Pages:\s+(\d+)", result.stdout, re.MULTILINE)
    return int(match.group(1)) if match else None


@contextmanager
def _as_path(file):
    """A path for a command-line tool: the file's own, or a temporary copy of an in-memory
    upload."""
    if isinstance(file, (str, Path)):
        yield Path(file)
        return
    if hasattr(file, "temporary_file_path"):
        yield Path(file.temporary_file_path())
        return
    file.seek(0)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as copy:
        shutil.copyfileobj(file, copy)
        copy.flush()
        yield Path(copy.name)
    file.seek(0)


def workbook_check_dimensions(book, *, max_rows: int, max_columns: int) -> None:
    """A sheet whose one cell was moved to row 99,999,999 makes every row loop walk a hundred
    million empty rows: refuse a workbook whose sheets reach beyond what its layout writes."""
    for sheet in book.worksheets:
        if sheet.max_row > max_rows or sheet.max_column > max_columns:
            raise UploadRefused(
                _(
                    "Trang “%(sheet)s” của tệp có ô ở dòng %(row)s, cột %(column)s, ngoài phạm vi "
                    "của mẫu báo cáo; hãy xóa các ô đó hoặc tải lại mẫu."
                )
                % {"sheet": sheet.title, "row": sheet.max_row, "column": sheet.max_column}
            )
