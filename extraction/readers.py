"""Read a plan document into plain text: .docx (with its tables), .pdf (text layer), .txt, .md."""

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from extraction.errors import ExtractionError
from extraction.normalize import remove_repeated_lines

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = (".docx", ".pdf", ".txt", ".md")

# Letters that only TCVN3 (ABC) or VNI fonts produce when their bytes are read as Latin-1/cp1252:
# a Unicode Vietnamese text almost never contains them in quantity.
_TCVN3_MARKERS = set("¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉËÌ®ÐÎÏÑªÕÓÔÖ×ÝØÜÞßãáâäåæçèéêëìíîïóòôõöøùúûüý")
_VNI_PATTERN = re.compile(r"[aeiouyAEIOUY][ùøûõïâáàåãäêëéèùúûü]")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def read_file(path: str | Path, *, on_page: Callable[[int, int], None] | None = None) -> str:
    """The text of the document at `path`; for a PDF, `on_page(done, pages)` is called after
    each page is read (the progress bar's "Đang đọc trang 12/30")."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractionError(f"Không đọc được tệp {path.name}.") from exc
    if size == 0:
        raise ExtractionError("Tệp rỗng: không có nội dung để đọc.")
    if size > MAX_BYTES:
        raise ExtractionError(
            f"Tệp quá lớn ({size // (1024 * 1024)} MB); giới hạn là {MAX_BYTES // (1024 * 1024)} MB."
        )
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(data)
    if suffix == ".pdf":
        return read_pdf(data, on_page=on_page)
    if suffix in (".txt", ".md", ""):
        return decode_text(data)
    raise ExtractionError(
        "Định dạng tệp chưa hỗ trợ; hãy dùng Word (.docx), PDF có chữ, .txt hoặc .md."
    )


def decode_text(data: bytes) -> str:
    """Bytes of a text file to str: UTF-8 (with or without BOM), UTF-16, cp1258/cp1252;
    TCVN3 and VNI legacy fonts are refused with a way out."""
    if not data.strip():
        raise ExtractionError("Tệp rỗng: không có nội dung để đọc.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="strict") if _ok(data, "utf-16") else None
        if text is None:
            raise ExtractionError("Tệp UTF-16 bị hỏng, không đọc được.")
        return _check_text(text)
    if _looks_binary(data):
        raise ExtractionError(
            "Tệp không phải văn bản (có thể là ảnh hoặc tệp nhị phân); hãy dùng bản Word hoặc PDF có chữ."
        )
    try:
        return _check_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1258", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _check_text(text)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ExtractionError("Không nhận ra bảng mã của tệp; hãy lưu lại dưới dạng UTF-8.")
    return _check_text(str(best))


def _ok(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if sample[:4] in (b"\x89PNG", b"GIF8", b"%PDF", b"PK\x03\x04") or sample[:3] == b"\xff\xd8\xff":
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _check_text(text: str) -> str:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise ExtractionError("Tệp không có chữ để đọc.")
    legacy = sum(1 for ch in letters if ch in _TCVN3_MARKERS)
    vietnamese = len(_VIETNAMESE.findall(text))
    if legacy > max(20, len(letters) * 0.03) and vietnamese < legacy:
        raise ExtractionError(
            "Văn bản dùng phông chữ cũ (TCVN3/VNI), không phải Unicode; hãy chuyển mã sang Unicode "
            "(ví dụ bằng Unikey) rồi tải lại."
        )
    if len(_VNI_PATTERN.findall(text)) > max(20, len(letters) * 0.02) and vietnamese < 5:
        raise ExtractionError(
            "Văn bản dùng phông chữ cũ (VNI), không phải Unicode; hãy chuyển mã sang Unicode "
            "(ví dụ bằng Unikey) rồi tải lại."
        )
    return text


def read_docx(data: bytes) -> str:
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ExtractionError(
            "Tệp Word được đặt mật khẩu hoặc là định dạng .doc cũ; hãy mở và lưu lại thành .docx "
            "không có mật khẩu."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ExtractionError("Tệp .docx bị hỏng hoặc không phải tệp Word.")
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(block, document).text)
            elif tag == "tbl":
                table = Table(block, document)
                lines.extend(_table_lines(table) if _is_data_table(table) else _layout_lines(table))
        for section in document.sections[:1]:
            # Header tables (issuer, Quốc hiệu, number, date) often sit in the first table;
            # those are already read above. Page headers/footers are running text: skipped.
            del section
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx raises many kinds on a broken package
        raise ExtractionError("Tệp .docx bị hỏng, không đọc được nội dung.") from exc
    text = "\n".join(lines)
    if not text.strip():
        raise ExtractionError("Tệp Word không có chữ để đọc.")
    return _check_text(text)


def _is_data_table(table) -> bool:
    """A table of tasks or figures (a header row of column names), not a layout table that
    places the issuer beside the Quốc hiệu or the recipients beside the signature."""
    try:
        first = [c.text.strip().lower() for c in table.rows[0].cells]
    except IndexError:
        return False
    return len(first) >= 3 and any(
        re.search(r"nhiệm vụ|nội dung|chủ trì|phối hợp|thời gian|thời hạn|chỉ tiêu", c)
        for c in first
    )


def _layout_lines(table) -> list[str]:
    lines: list[str] = []
    seen: list = []  # the cell elements themselves: merged cells repeat the same element
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is element for element in seen):
                continue
            seen.append(cell._tc)
            lines.extend(p.text for p in cell.paragraphs)
    return lines


def _table_lines(table) -> list[str]:
    """A Word table as markdown rows; merged cells repeat, so repeated neighbours are dropped."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue  # a horizontally merged cell repeats
            previous = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return rows


def read_pdf(data: bytes, *, on_page: Callable[[int, int], None] | None = None) -> str:
    """The text layer of a PDF, page by page; `on_page(done, pages)` after each page."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect

        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except PDFPasswordIncorrect as exc:
            raise ExtractionError(
                "Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lại."
            ) from exc
        with pdf:
            pages = []
            total = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_pdf_page_lines(page))
                page.close()  # pdfplumber keeps each page's objects until closed
                if on_page is not None:
                    on_page(number, total)
    except ExtractionError:
        raise
    except Exception as exc:
        message = str(exc).lower()
        if "password" in message or "encrypt" in message:
            raise ExtractionError(
                "Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lại."
            ) from exc
        raise ExtractionError("Tệp PDF bị hỏng, không đọc được.") from exc
    if not any(line.strip() for lines in pages for line in lines):
        raise ExtractionError("Tệp PDF không có lớp văn bản; hãy dùng bản Word hoặc PDF có chữ")
    pages = remove_repeated_lines(pages)
    return _check_text("\n\n".join("\n".join(unwrap(lines)) for lines in pages))


def _pdf_page_lines(page) -> list[str]:
    """A page's text lines in reading order, with each ruled table as markdown rows at its place
    (a task table must keep its columns: who leads, who coordinates, by when)."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2]
    boxes = [t.bbox for t in tables]

    def outside(obj):
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items = _column_lines(text_page.extract_text_lines(x_tolerance=1.5, y_tolerance=3))
    for table in tables:
        rows = []
        for row in table.extract():
            cells = [" ".join((cell or "").split()) for cell in row]
            if any(cells):
                rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        for i, row in enumerate(rows):
            items.append((table.bbox[1] + i * 0.01, row))
    return [text for _, text in sorted(items, key=lambda item: item[0])]


# Two columns side by side (issuer beside the Quốc hiệu, recipients beside the signature) are
# printed with a gap far wider than a space between words of justified text.
_COLUMN_GAP = 20.0
_TYPE_LINE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|CHỈ THỊ|THÔNG BÁO|BÁO CÁO|TỜ TRÌNH|"
    r"HƯỚNG DẪN|ĐỀ ÁN|PHƯƠNG ÁN|CÔNG VĂN)$"
)


def _segments(line: dict) -> list[tuple[float, float, str]]:
    """A text line cut where the gap between two characters is a column gap: (x0, x1, text)."""
    chars = sorted((c for c in line.get("chars", []) if c["text"].strip()), key=lambda c: c["x0"])
    if not chars:
        return [(line["x0"], line["x1"], line["text"])]
    runs = [[chars[0]]]
    for previous, char in zip(chars, chars[1:], strict=False):
        if char["x0"] - previous["x1"] > _COLUMN_GAP:
            runs.append([char])
        else:
            runs[-1].append(char)
    if len(runs) == 1:
        return [(line["x0"], line["x1"], line["text"])]
    out = []
    for run in runs:
        text = run[0]["text"]
        for previous, char in zip(run, run[1:], strict=False):
            text += (" " if char["x0"] - previous["x1"] > 1.5 else "") + char["text"]
        out.append((run[0]["x0"], run[-1]["x1"], text))
    return out


def _column_lines(lines: list[dict]) -> list[tuple[float, str]]:
    """Text lines as (top, text) in reading order: a block of lines printed in two columns (a
    line cut by a column gap, and the lines around it that sit wholly on one side of that gap) is
    read column by column, the left one first, as the two cells of a layout table are; a line
    across the gap ends the block."""
    items: list[tuple[float, str]] = []
    block: list[tuple[float, str, str]] = []  # (top, side, text)
    split = None

    def close():
        nonlocal block, split
        lefts = [(top, text) for top, side, text in block if side == "left"]
        rights = [text for _, side, text in block if side == "right"]
        items.extend(lefts)
        end = block[-1][0] if block else 0
        items.extend((end + 0.001 * (k + 1), text) for k, text in enumerate(rights))
        block, split = [], None

    bottom = None
    for line in lines:
        segments = _segments(line)
        height = line.get("bottom", line["top"] + 10) - line["top"]
        near = (
            bottom is not None
            and line["top"] - bottom < 2.5 * height
            and not _TYPE_LINE.match(line["text"].strip())
        )
        bottom = line.get("bottom", line["top"] + 10)
        if len(segments) == 2:
            split = segments[1][0] - 2  # a left-hand line may run up to the right column
            block.append((line["top"], "left", segments[0][2]))
            block.append((line["top"], "right", segments[1][2]))
            continue
        if split is not None and len(segments) == 1 and near:
            # A line wholly on one side, close under the block (blank lines or the document
            # type under the header end it: "KẾ HOẠCH" is not part of the issuer's column).
            x0, x1, text = segments[0]
            if x1 < split or x0 > split:
                block.append((line["top"], "left" if x1 < split else "right", text))
                continue
        if block:
            close()
        items.append((line["top"], " ".join(text for *_, text in segments)))
    if block:
        close()
    return [(top, unwrap([text])[0]) for top, text in items]


_NEW_BLOCK = re.compile(
    r"^\s*(?:[-+•–]\s|[a-zđ]\)\s|\d+(?:\.\d+)*\.?\s|[IVXLC]+\.\s|Nơi nhận|\||"
    r"(?:Căn cứ|Thực hiện|Theo|Trên đây|Để|Nhằm)\s)",
)


def unwrap(lines: list[str]) -> list[str]:
    """PDF lines are wrapped at the page width: join a line to the previous one unless the
    previous ended a sentence or this one starts a list item, a heading or a table row."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
            continue
        previous = out[-1] if out else ""
        starts_block = bool(_NEW_BLOCK.match(stripped)) or (
            stripped.isupper() and len(stripped) > 3
        )
        if re.search(r"\d%?$", previous) and re.match(r"^[-–]\s*\d", stripped):
            starts_block = False  # "tăng khoảng 7,5% -" / "- 8,0%": a range cut by the wrap
        if (
            previous
            and previous[-1:] not in ".:;!?"
            and not starts_block
            and not previous.isupper()
        ):
            out[-1] = previous + " " + stripped
        else:
            out.append(stripped)
    return out
