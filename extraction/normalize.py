"""Text normalisation: whatever the source (Word, PDF, markdown export), one clean text.

Markdown emphasis and headings, LaTeX comparators ($\\geq 90\\%$), footnote markers, rules and
page-break artefacts (a sentence cut across pages, a header repeated on every page) are removed,
so that the rules downstream see the words an official wrote.
"""

import re
import unicodedata

_LATEX = [
    (re.compile(r"\\geq?\b|\\ge\b"), "≥"),
    (re.compile(r"\\leq?\b|\\le\b"), "≤"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\times\b"), "×"),
    (re.compile(r"\\[,;!: ]"), " "),
    (re.compile(r"\\text\{([^}]*)\}"), r"\1"),
]
_INLINE_MATH = re.compile(r"\$([^$\n]{0,200})\$")
_SUP = re.compile(r"<sup>\s*\d+\s*</sup>|\[\^\d+\]")
_TAGS = re.compile(r"</?(?:sup|sub|br|u|b|i|em|strong|span|p)[^>]*>", re.I)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.I
)
_FOOTNOTE_DEF = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]:)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_END_PUNCT = '.:;!?)”"»'
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200c\u200d\ufeff\u00ad"), None)
# Bullets a PDF or Word export prints from the Symbol/Wingdings fonts (private-use code points) and
# the usual typographic ones: each starts a list item, written "-".
_BULLETS = re.compile(
    r"^\s*[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06c\uf06e\u2022\u25cf\u25aa\u25e6\u2023\u2043\u27a2]\s*"
)


def clean_line(line: str) -> str:
    if re.fullmatch(r"\s*```\w*\s*", line):
        return ""  # a markdown code fence left around a transcription
    if line.lstrip().startswith("#"):
        line = line.lstrip()  # "      ## ĐẢNG CỘNG SẢN VIỆT NAM": an indented heading
    line = _BULLETS.sub("- ", line)
    line = _SUP.sub("", line)
    line = _TAGS.sub("", line)
    line = _INLINE_MATH.sub(lambda m: _latex(m.group(1)), line)
    line = _latex(line) if "\\" in line else line
    line = _HEADING.sub("", line)
    for _ in range(2):
        line = _EMPHASIS.sub(r"\2", line)
    line = line.replace("**", "").replace("__", "")
    line = _SPACES.sub(" ", line).strip()
    # "- + Thời hạn" / "- - item": keep one marker.
    line = re.sub(r"^[-–•]\s+([+\-–•])\s+", r"\1 ", line)
    return _roman_heading(line.strip())


# "II- NHIỆM VỤ", "III – TỔ CHỨC THỰC HIỆN", "IV) KINH PHÍ", "II/ …", "V NHIỆM VỤ": a part's
# heading in capitals, its numeral not followed by the usual full stop.
_ROMAN_HEADING = re.compile(r"^(?P<n>[IVX]{1,5})(?:\s*[-–—)/:.]\s*|\s+)(?P<rest>\S.*)$")


def _roman_heading(line: str) -> str:
    """A roman-numbered heading in capitals is written "II. NHIỆM VỤ", as the rules read a part's
    heading. A space alone after "VI"/"XI" is a word in capitals ("VI PHẠM …", "XI MĂNG …")."""
    match = _ROMAN_HEADING.match(line)
    if not match or line.startswith(match["n"] + ". "):
        return line
    rest = match["rest"]
    letters = [c for c in rest if c.isalpha()]
    if len(letters) < 2 or any(c.islower() for c in letters):
        return line
    if match["n"] in ("VI", "XI") and not re.match(r"^\w+\s*[-–—)/:.]", line):
        return line
    return f"{match['n']}. {rest}"


def _latex(text: str) -> str:
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    return text.replace("{", "").replace("}", "")


def normalize(text: str) -> str:
    """Clean text: NFC, one paragraph per line, artefacts removed, cut sentences re-joined."""
    text = unicodedata.normalize("NFC", text.translate(_ZERO_WIDTH))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    paragraphs: list[str] = []
    blank_before = False
    in_footnotes = False
    for raw in _cells_as_lines(_rebuild_pipe_rows(_rebuild_cell_tables(text.split("\n")))):
        if _RULE.match(raw):
            in_footnotes = True  # markdown exports put footnotes after a rule
            blank_before = True
            continue
        if in_footnotes and _FOOTNOTE_DEF.match(raw):
            continue
        if in_footnotes and raw.strip() and not _FOOTNOTE_DEF.match(raw):
            in_footnotes = False
        if _PAGE_NUMBER.match(raw):
            blank_before = True
            continue
        line = clean_line(raw)
        if not line:
            blank_before = True
            continue
        if paragraphs and _continues(paragraphs[-1], line, blank_before):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
        blank_before = False
    return "\n".join(paragraphs)


# A line ending in one of these words stops in the middle of a phrase ("… ban hành ngày" /
# "25 tháng 8 năm 2021", "… Nghị quyết số 02-NQ/TU ngày 19/11/2021 của" / "Ban Chấp hành …").
_OPEN_END = re.compile(
    r"(?:^|\s)(?:của|và|về|ngày|tháng|năm|tại|theo|với|cho|các|những|đến|từ|trong|được|là|"
    r"có|thuộc|hoặc|như|để|nhằm|bằng|giữa|khi|mà|do|vào|gồm|đạt|tỷ lệ|tỉ lệ|"
    # the head of a name cut from the rest of it: "… Nhà nước, Mặt trận" / "Tổ quốc …"
    r"mặt trận|[ủu]ỷ ban|ủy ban|hội đồng)$",
    re.I,
)
# "… Căn cứ Quyết định số" / "742/QĐ-UBND ngày …": a document's number wrapped after "số".
_DOC_KINDS = (
    r"(?:Quyết định|Kế hoạch|Nghị quyết|Chương trình|Chỉ thị|Thông báo|Văn bản|Công văn|"
    r"Nghị định|Thông tư|Hướng dẫn|Kết luận)"
)
_NUMBER_CUT = re.compile(r"\b" + _DOC_KINDS + r"\s+số$", re.I)
# "… Nghị quyết số 52" / "-NQ/TW ngày …", "… số 52-" / "NQ/TW …", or "số 52" / "NQ/TW" (the web
# lost the hyphen): a document's number cut between its figure and its type code.
_NUMBER_HEAD = re.compile(r"\b" + _DOC_KINDS + r"\s+(?:số\s+)?\d+\s*-?$", re.I)
_NUMBER_TAIL = re.compile(r"^-?\s*[A-ZĐ]{1,6}[-/][A-ZĐ0-9]")
_ITEM_START = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•–*|]|Căn cứ\b|Thực hiện\b|Số\s*:|Nơi nhận)",
    re.I,
)
_DOC_TYPE_LINE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|NGHỊ QUYẾT|CÔNG VĂN|THÔNG BÁO|"
    r"HƯỚNG DẪN|BÁO CÁO|CHỈ THỊ|TỜ TRÌNH|ĐỀ ÁN|KẾT LUẬN)$"
)
# A date in words cut after its day: "… ngày 22" / "tháng 12 năm 2024".
_DAY_CUT = re.compile(r"\bngày\s+\d{1,2}$", re.I)
_MONTH_HEAD = re.compile(r"^tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)
# "Thành phố Hồ Chí" / "Minh, ngày 05 tháng 7 năm 2022": a place name cut before its date.
_PLACE_DATE_TAIL = re.compile(r"^[^\d,;:]{1,30},\s*ngày\b", re.I)


_INDEX_CELL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,5}\.?|[a-zđ]\))$")
_TABLE_WORK = re.compile(r"nhiệm vụ|nội dung|công việc|chỉ tiêu", re.I)
_TABLE_OTHER = re.compile(
    r"chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm|đơn vị tính|kết quả|mục tiêu|năm\s+20\d\d",
    re.I,
)


def _rebuild_cell_tables(lines: list[str]) -> list[str]:
    """A table printed one cell per line (a cell may wrap over lines) with a lone "|" between
    cells, as web copies print ruled tables, becomes markdown rows when its first cells name the
    columns of a task or target table (STT | Nhiệm vụ | Cơ quan chủ trì | … | Thời gian). Rows
    start at an index cell ("1", "2.1", "I"); a shorter row (a group row, merged cells) is padded."""
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if lines[i].strip() != "|" or i + 1 >= n or not out or not out[-1].strip():
            out.append(lines[i])
            i += 1
            continue
        cells, j = _cell_run(lines, i)
        table = _as_markdown(cells)
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        out.pop()  # the line before the first "|" is the table's first header cell
        out.extend(table)
        i = j
    return out


def _pipe_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().split("|")]


def _rebuild_pipe_rows(lines: list[str]) -> list[str]:
    """A table printed one row per line, its cells joined by " | " without outer pipes and its
    rows apart by blank lines (how legal-text sites copy a ruled appendix), becomes markdown rows
    when its first row names the columns of a task or target table. A merged cell printed once
    per column it spans ("I | Liên kết vùng | Liên kết vùng | …", a group row) keeps its first
    copy only. Other lines with "|" (a two-column header or closing) are left to `_cells_as_lines`."""
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        stripped = lines[i].strip()
        header = _pipe_cells(stripped) if "|" in stripped else []
        if (
            len(header) < 3
            or stripped.startswith("|")
            or not all(header)
            or not any(_TABLE_WORK.search(c) for c in header)
            or not any(_TABLE_OTHER.search(c) for c in header)
            or any(len(c) > 80 for c in header)
        ):
            out.append(lines[i])
            i += 1
            continue
        width = len(header)
        rows: list[list[str]] = []
        j = i + 1
        while j < n:
            row = lines[j].strip()
            if not row:
                j += 1
                continue
            cells = _pipe_cells(row) if "|" in row and not row.startswith("|") else []
            if len(cells) != width or not _INDEX_CELL.match(cells[0]):
                break
            if len(set(cells[1:])) == 1:
                cells = [cells[0], cells[1]] + [""] * (width - 2)  # one merged cell
            rows.append(cells)
            j += 1
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * width)
        out.extend("| " + " | ".join(cells) + " |" for cells in rows)
        out.append("")
        i = j
    return out


def _cell_run(lines: list[str], i: int) -> tuple[list[str], int]:
    """Cells around lone "|" lines starting at lines[i] (a "|"), with the cell just before it."""
    first = lines[i - 1].strip() if i > 0 else ""
    cells = [first] if first and first != "|" else []
    j = i
    while j < len(lines) and lines[j].strip() == "|":
        k = j + 1
        chunk: list[str] = []
        while k < len(lines) and lines[k].strip() != "|" and len(chunk) < 12:
            if lines[k].strip():
                chunk.append(lines[k].strip())
            k += 1
        if k >= len(lines) or lines[k].strip() != "|":
            break  # the text after the table's last "|"
        cells.append(" ".join(chunk))
        j = k
    return cells, j + 1


def _as_markdown(cells: list[str]) -> list[str] | None:
    index = next((k for k, c in enumerate(cells[1:], 1) if _INDEX_CELL.match(c)), None)
    if index is None or index < 3:
        return None
    header = cells[:index]
    if not (
        any(_TABLE_WORK.search(c) for c in header) and any(_TABLE_OTHER.search(c) for c in header)
    ):
        return None
    width = len(header)
    rows: list[list[str]] = []
    for cell in cells[index:]:
        if (
            _INDEX_CELL.match(cell)
            and (not rows or len(rows[-1]) > 1)
            and not _value_in_row(cell, rows[-1] if rows else [], width)
        ):
            rows.append([cell])
        else:
            rows[-1].append(cell)
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    for row in rows:
        row = (
            (row + [""] * width)[:width]
            if len(row) <= width
            else row[: width - 1] + [" ".join(row[width - 1 :])]
        )
        out.append("| " + " | ".join(row) + " |")
    return out


def _value_in_row(cell: str, row: list[str], width: int) -> bool:
    """ "1 | Tỷ lệ … | Số … | % | 100": a whole number inside a row that is not full yet is one
    of its cells (a figure), not the index of the next row, unless it follows the row's own index
    ("1" then "2"). Empty cells are printed as empty lines between "|", so a row is short only
    where cells are merged."""
    if not row or len(row) >= width or not cell.isdigit() or not row[0].isdigit():
        return False
    return int(cell) != int(row[0]) + 1


def _cells_as_lines(lines: list[str]) -> list[str]:
    """Web copies print the two-column header and signature blocks as "left | right |", or one
    cell per line with "|" between: each cell becomes its own line, a lone "|" a blank line.
    Markdown tables (a line starting with "|") are left to the table readers."""
    out: list[str] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if "|" not in stripped or (
            stripped.startswith("|") and stripped.count("|") > 1 and not _lone_cell(lines, i)
        ):
            out.append(line)
            continue
        cells = [cell.strip() for cell in stripped.split("|")]
        out.extend(cells if any(cells) else [""])
    return out


def _lone_cell(lines: list[str], i: int) -> bool:
    """ "| Giàng A Tính |": a row of the two-column closing whose left cell is empty (the signer's
    name under "PHÓ CHỦ TỊCH"), not a markdown table, which has no such row alone."""
    stripped = lines[i].strip()
    if stripped.count("|") != 2 or not stripped.endswith("|") or len(stripped) < 3:
        return False
    around = [lines[j].strip() for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return not any(line.startswith("|") for line in around)


def _continues(previous: str, line: str, blank_before: bool) -> bool:
    """A line continues the previous paragraph when the previous one stopped mid-sentence and
    this one starts in lower case (a page break or a hard wrap), or when the previous line ended
    with a hyphen that cut a word. Without a blank line between them (a hard-wrapped web copy),
    a line also continues one that ends on a comma or a word that cannot end a phrase, and a
    place name cut before its ", ngày …"."""
    if _NUMBER_HEAD.search(previous) and _NUMBER_TAIL.match(line):
        return True
    if previous.endswith("-") and not previous.endswith(" -"):
        return True
    if previous[-1:] in _END_PUNCT:
        return False
    if _DOC_TYPE_LINE.match(previous):
        return False  # "KẾ HOẠCH" / "khai thực hiện …": the type stands alone above the title
    first = line[:1]
    if _DAY_CUT.search(previous) and _MONTH_HEAD.match(line):
        return True  # "… NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22" / "THÁNG 12 NĂM 2024 …"
    if not first.islower():
        if blank_before or _ITEM_START.match(line) or previous.startswith("|"):
            return False
        if previous.endswith(",") or _NUMBER_CUT.search(previous):
            return True
        heading = re.match(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))\s", previous)
        if heading and len(previous) <= 100:
            return False  # "1. Tập huấn kỹ năng cho" / "Sở …" is rare; a short heading is common
        if _OPEN_END.search(previous) and any(c.islower() for c in previous):
            return True  # a heading in capitals ("II. KẾT QUẢ CẦN ĐẠT") ends where it ends
        return bool(_PLACE_DATE_TAIL.match(line)) and _capitalised_words(previous)
    # A list item or a heading never continues a sentence.
    return not re.match(r"^[a-zđ]\)\s", line)


def _capitalised_words(text: str) -> bool:
    words = text.split()  # "Bà Rịa - Vũng" / "Tàu, ngày …": a hyphen inside the name
    return (
        0 < len(words) <= 5
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in ("phố", "xã", "-", "–") for w in words)
    )


def _join(previous: str, line: str) -> str:
    if _NUMBER_HEAD.search(previous) and _NUMBER_TAIL.match(line):
        # One hyphen between figure and code; a lost one is put back: "52" + "NQ/TW" is a Party
        # number (52-NQ/TW), "749" + "QĐ-TTg" a State one (749/QĐ-TTg).
        if previous.endswith("-") or line.startswith("-"):
            return previous.rstrip() + line.lstrip()
        return previous + ("-" if re.match(r"^[A-ZĐ]+/", line) else "/") + line
    if previous.endswith("-") and not previous.endswith(" -"):
        return previous[:-1] + line
    return previous + " " + line


def remove_repeated_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers and footers: a short line found at the top or bottom of at least
    half of the pages (and on three or more)."""
    if len(pages) < 3:
        return pages
    counts: dict[str, int] = {}
    for lines in pages:
        edge = {line.strip() for line in lines[:2] + lines[-2:] if 0 < len(line.strip()) < 120}
        for line in edge:
            key = re.sub(r"\d+", "#", line)
            counts[key] = counts.get(key, 0) + 1
    repeated = {k for k, n in counts.items() if n >= max(3, len(pages) // 2)}
    return [
        [line for line in lines if re.sub(r"\d+", "#", line.strip()) not in repeated]
        for lines in pages
    ]


_FOOTNOTE_TEXT = re.compile(r"^\s*(?:<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\]:)\s*(.+)$")
_MARKER = re.compile(r"<sup>\s*(\d+)\s*</sup>|\[\^(\d+)\](?!:)")
_DONE = re.compile(r"đã\s+(?:hoàn thành|thực hiện xong|xong)", re.I)


def lines_marked_done(text: str) -> list[str]:
    """Lines (cleaned as `normalize` cleans them) that carry a footnote whose note says the work
    is done ("<sup>1</sup> Nhiệm vụ đã hoàn thành.")."""
    text = unicodedata.normalize("NFC", text.translate(_ZERO_WIDTH))
    done = set()
    for raw in text.split("\n"):
        note = _FOOTNOTE_TEXT.match(raw)
        if note and _DONE.search(note.group(3)):
            done.add(note.group(1) or note.group(2))
    if not done:
        return []
    out = []
    for raw in text.split("\n"):
        if _FOOTNOTE_TEXT.match(raw):
            continue
        if any((m.group(1) or m.group(2)) in done for m in _MARKER.finditer(raw)):
            line = clean_line(raw)
            if line:
                out.append(line)
    return out
