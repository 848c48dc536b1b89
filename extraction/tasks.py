"""Tasks (nhiệm vụ) with the "06 rõ": work, lead and coordinating units, deadlines, product.

Three shapes are read: an item ("- Nhiệm vụ 2: ...", a numbered content) followed by attribute
lines ("Thời hạn hoàn thành: ...", "Đơn vị chủ trì: ...", "Đơn vị phối hợp: ..."); and a table
whose header names the task, lead unit, coordinating unit and deadline columns.
"""

import re

from extraction import units
from extraction.dates import parse_deadlines
from extraction.model import Task

_ATTRIBUTE = re.compile(
    r"^[-+•–*\s]*(?P<key>(?:Thời hạn|Thời gian)(?: hoàn thành| thực hiện)?[^:]{0,90}|"
    r"Đơn vị (?:chủ trì(?: phối hợp| thực hiện)?|thực hiện|phối hợp(?: thực hiện)?|chịu trách nhiệm)|"
    r"Cơ quan (?:chủ trì|phối hợp|thực hiện)|Chủ trì|Phối hợp|Sản phẩm(?: đầu ra)?|Kết quả(?: đầu ra)?)"
    r"\s*:\s*(?P<value>.*)$",
    re.I,
)
_ITEM = re.compile(r"^[-+•–]?\s*(?P<label>Nhiệm vụ(?:\s+\d+)?)\s*:\s*(?P<body>.+)$", re.I)
_NUMBERED = re.compile(r"^(?P<label>\d+(?:\.\d+)*\.?|[a-zđ]\))\s+(?P<body>.+)$")


_UNIT_KIND = re.compile(r"(?:bộ|sở|ban|ngành|cơ quan|đơn vị|địa phương)\b")


def split_units(text: str) -> list[str]:
    """ "Văn phòng, các phòng chuyên môn, Trung tâm Quản lý cửa khẩu." -> three names; commas
    inside parentheses ("Văn phòng (Bộ phận một cửa)") do not split."""
    text = units.protect(units.expand_kind_list(re.sub(r"\s+", " ", text).strip(" .;*_")))
    names, depth, current = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += ch
    names.append(current)
    # "Các bộ, ngành, địa phương là chủ quản CSDLQG, CSDL chuyên ngành": what follows "là"
    # qualifies the unit, its commas list what it is in charge of, not more units.
    for k, name in enumerate(names):
        if re.search(r"\slà\s", name) and k + 1 < len(names):
            names[k:] = [",".join(names[k:])]
            break
    out: list[str] = []
    for name in names:
        for part in units.split_at_and(name.strip()):
            part = units.restore(part.strip(" .;*_"))
            if not part:
                continue
            # "Các phòng, ban, trung tâm" is one group: a bare lower-case noun continues it.
            # A lower-case noun continues the name or group before it ("Các phòng, ban",
            # "Phòng Công chức, viên chức"), except a kind of unit after a named unit:
            # "Bộ Tài chính, bộ, ngành liên quan" is two.
            if (
                out
                and part[0].islower()
                and not re.match(r"(các|những|mỗi|từng|một số)\s", part)
                and not (
                    _UNIT_KIND.match(part)
                    and out[-1][0].isupper()
                    and len(out[-1].split()) > 1
                    and "," not in out[-1]
                    and not re.search(r"\b(?:các|những|mỗi|từng)\s", out[-1], re.I)
                )
            ):
                out[-1] = f"{out[-1]}, {part}"
            elif part not in out:
                out.append(part)
    return out


def _kind(key: str) -> str:
    key = key.lower()
    if key.startswith(("thời hạn", "thời gian")):
        return "deadline"
    if "sản phẩm" in key or "kết quả" in key:
        return "product"
    if "phối hợp" in key:
        return "coordinating"
    return "lead"


def task_table_lines(lines: list[tuple[str, int]], sections: list[str]) -> set[int]:
    """Indices of the lines of task tables: a figure in a task's row ("Bố trí ít nhất 15% ngân
    sách …") is part of the task, not a target of the plan."""
    out: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        if lines[i][0].startswith("|"):
            table_tasks, end = _table(lines, i, sections)
            if table_tasks:
                out.update(range(i, end))
            i = max(end, i + 1)
            continue
        i += 1
    return out


def find_tasks(lines: list[tuple[str, int]], sections: list[str]) -> list[Task]:
    tasks: list[Task] = []
    i = 0
    n = len(lines)
    while i < n:
        line, offset = lines[i]
        if line.startswith("|"):
            table_tasks, i = _table(lines, i, sections)
            tasks.extend(table_tasks)
            continue
        if _ATTRIBUTE.match(line):
            i += 1
            continue
        # A task is an item whose following lines (after its own paragraphs) are attributes.
        j = i + 1
        body = [line]
        while j < n and not _ATTRIBUTE.match(lines[j][0]) and not _starts_item(lines[j][0]):
            if j - i > 6:
                break
            body.append(lines[j][0])
            j += 1
        attributes = []
        k = j
        while k < n and _ATTRIBUTE.match(lines[k][0]):
            attributes.append(_ATTRIBUTE.match(lines[k][0]))
            k += 1
        kinds = {_kind(m.group("key")) for m in attributes}
        if attributes and ("lead" in kinds or ("deadline" in kinds and _ITEM.match(line))):
            end = lines[k - 1][1] + len(lines[k - 1][0])
            tasks.append(_task(line, body, attributes, sections[i], offset, end))
            i = k
            continue
        i += 1
    return tasks


def _starts_item(line: str) -> bool:
    return bool(_ITEM.match(line) or re.match(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.)\s", line))


def _task(line, body, attributes, section, start, end) -> Task:
    item = _ITEM.match(line)
    numbered = _NUMBERED.match(line)
    if item:
        title_text = item.group("body")
    elif numbered:
        title_text = numbered.group("body")
    else:
        title_text = re.sub(r"^[-+•–]\s*", "", line)
    text_parts = [title_text, *body[1:]]
    text = " ".join(text_parts).strip()
    title = _first_sentence(title_text) if item else title_text.strip()
    lead: list[str] = []
    coordinating: list[str] = []
    deadlines = []
    product = ""
    for match in attributes:
        value = match.group("value").strip(" *_")
        kind = _kind(match.group("key"))
        if kind == "deadline":
            deadlines.extend(parse_deadlines(value))
        elif kind == "lead":
            lead.extend(u for u in split_units(value) if u not in lead)
        elif kind == "coordinating":
            coordinating.extend(u for u in split_units(value) if u not in coordinating)
        else:
            product = value.strip(" .")
    return Task(
        title=title,
        text=text,
        section=section,
        product=product,
        deadlines=deadlines,
        lead_units=lead,
        coordinating_units=coordinating,
        span=[start, end],
    )


def _first_sentence(text: str) -> str:
    match = re.match(r"^(.{20,300}?[.;])\s", text + " ")
    return (match.group(1) if match else text).strip(" .;")


_HEADER_KEYS = {
    "title": re.compile(r"nhiệm vụ|nội dung|công việc", re.I),
    "lead": re.compile(r"chủ trì|thực hiện|chịu trách nhiệm", re.I),
    "coordinating": re.compile(r"phối hợp", re.I),
    "deadline": re.compile(r"thời hạn|thời gian|hoàn thành|tiến độ", re.I),
    "product": re.compile(r"sản phẩm|kết quả", re.I),
}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _group_row(cells: list[str], cell) -> bool:
    """A row "I. | Nâng cao nhận thức … | | |" names a group of the tasks below it: a Roman
    numeral or a capital letter for a number, and no unit (a stray word left in its deadline
    cell by a transcription does not make it a task)."""
    label = cells[0].strip(" .*") if cells else ""
    if not re.fullmatch(r"[IVXLC]+|[A-Z]", label):
        return False
    return not (cell("lead") or cell("coordinating"))


def _continuation_row(cells: list[str], columns: dict[str, int]) -> bool:
    """A row with an empty index cell, in a table whose first column is the index: the rest of
    the row above, cut by a page break (a ruled PDF prints it as a row of its own)."""
    return columns.get("title", 0) > 0 and not cells[0].strip() and any(c.strip() for c in cells)


def _joined(before: str, after: str) -> str:
    return f"{before} {after}".strip() if after else before


def _table(lines, i, sections):
    """A task table: the header row names the columns; each following row is a task."""
    rows = []
    start = i
    while i < len(lines) and lines[i][0].startswith("|"):
        rows.append((lines[i][0], lines[i][1]))
        i += 1
    if len(rows) < 2:
        return [], i
    header = _cells(rows[0][0])
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        # Deadline and product before lead: "Thời gian thực hiện", "Kết quả thực hiện" name
        # the time and the result, not who does the work.
        for key in ("coordinating", "deadline", "product", "lead", "title"):
            if key not in columns and _HEADER_KEYS[key].search(cell):
                if key == "lead" and _HEADER_KEYS["coordinating"].search(cell):
                    continue
                columns[key] = index
                break
    if "title" not in columns or ("lead" not in columns and "deadline" not in columns):
        return [], i
    if re.search(r"chỉ tiêu", header[columns["title"]], re.I):
        return [], i  # "Nội dung chỉ tiêu": a table of targets, read by target_tables.table_targets
    tasks: list[Task] = []
    previous_cells: list[str] = []
    group = sections[start]
    for line, offset in rows[1:]:
        cells = _cells(line)
        if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
            continue  # markdown separator row

        def cell(key, cells=cells):
            index = columns.get(key)
            return cells[index] if index is not None and index < len(cells) else ""

        if tasks and previous_cells and _continuation_row(cells, columns):
            previous_cells = [
                _joined(a, b)
                for a, b in zip(previous_cells, cells + [""] * len(previous_cells), strict=False)
            ]
            tasks[-1] = _table_task(
                previous_cells, columns, group, tasks[-1].span[0], offset + len(line)
            )
            continue
        title = cell("title")
        if not title or re.fullmatch(r"\(?\d+\)?", title):
            continue
        if _group_row(cells, cell):
            group = f"{cells[0]} {title}".strip()
            continue
        previous_cells = cells
        tasks.append(_table_task(cells, columns, group, offset, offset + len(line)))
    return tasks, i


def _table_task(cells: list[str], columns: dict[str, int], group: str, start: int, end: int):
    def cell(key):
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else ""

    return Task(
        title=cell("title"),
        text=cell("title"),
        section=group,
        product=cell("product"),
        deadlines=parse_deadlines(cell("deadline")) if cell("deadline") else [],
        lead_units=split_units(cell("lead")),
        coordinating_units=split_units(cell("coordinating")),
        span=[start, end],
    )


_CONTENT_PART = re.compile(r"^[IVXLC]+\.\s+.*(?:NỘI DUNG|NHIỆM VỤ)", re.I)
_PART = re.compile(r"^[IVXLC]+\.\s")
_CONTENT_ITEM = re.compile(r"^(?P<label>\d+)\.\s+(?P<body>\S.*)$")
_BULLET_ITEM = re.compile(r"^(?P<label>[-–•])\s+(?P<body>\S.*)$")
_LEAD_IN_CONTENTS = re.compile(
    r"(?:nội dung(?: chủ yếu)?(?: như)? sau|gồm \d+ nội dung)\s*:\s*$", re.I
)
_NOT_CONTENT = re.compile(
    r"^(?:Tiêu chí|Tiêu chuẩn|Hình thức|Các hình thức|Đối tượng|Khen thưởng|Thời gian|Phạm vi|"
    r"Kinh phí|Chế độ|Mục đích|Yêu cầu|Mục tiêu|Chỉ tiêu)",
    re.I,
)


def content_tasks(lines: list[tuple[str, int]], existing: list[Task]) -> list[Task]:
    """The contents of a part "NỘI DUNG …" / "NHIỆM VỤ …" whose numbered items carry no task
    attributes ("1. Công tác tuyên truyền" and its paragraphs): each item is a task without
    units or deadline, for a person to complete on review. A part where tasks with attributes
    were found is left to them."""
    out: list[Task] = []
    part_start = None
    items: list[list[tuple[str, int]]] = []
    part = ""

    def close(end: int) -> None:
        if part_start is None or not items:
            return
        found = [t for t in existing if part_start <= t.span[0] < end]
        for item in items:
            if not found:
                out.extend(_group_tasks(item, part) or [_content_task(item, part)])
                continue
            # Beside tasks with attribute lines, an item outside them that names its lead in
            # the sentence ("2. Sở Tư pháp chủ trì, phối hợp với …; hoàn thành …") is a task too.
            start = item[0][1]
            if any(t.span[0] <= start < t.span[1] for t in found):
                continue
            task = _content_task(item, part)
            if task.lead_units:
                out.append(task)

    lead_in = False
    for line, offset in lines:
        if _PART.match(line):
            close(offset)
            items = []
            part_start = offset if _CONTENT_PART.match(line) else None
            part, lead_in = line, False
            continue
        if part_start is None and _LEAD_IN_CONTENTS.search(line):
            # "… gồm 4 nội dung:", "… với các nội dung sau:": a short plan's contents follow.
            part_start, part, lead_in = offset, line, True
            continue
        if part_start is None:
            continue
        match = _CONTENT_ITEM.match(line) or (lead_in and _BULLET_ITEM.match(line))
        if match:
            items.append([(match.group("body"), offset + match.start("body"))])
        elif items:
            items[-1].append((line, offset))
    close(lines[-1][1] + len(lines[-1][0]) + 1 if lines else 0)
    return [t for t in out if not _NOT_CONTENT.match(t.title)]


# "Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ và các địa phương tổ chức …": lead, then partners.
_LEAD_IN_PROSE = re.compile(
    r"(?:^|[.;:]\s+|\bGiao\s+)(?P<lead>[A-ZĐ][^,;.:]{2,80}?)\s+(?:chủ trì|là cơ quan chủ trì)"
    r"(?:,?\s+phối hợp(?:\s+với)?\s+(?P<coord>[^.;:]{3,200}?))?"
    r"(?=\s+(?:tổ chức|thực hiện|triển khai|xây dựng|tham mưu|hướng dẫn|theo dõi|rà soát)\b|[.;:]|$)"
)


def units_in_prose(text: str) -> tuple[list[str], list[str]]:
    """Lead and coordinating units named in one sentence, in that order (never swapped)."""
    if "chủ trì" not in text:
        return [], []  # most lines: no lead named, and no need to guard the standard names
    match = _LEAD_IN_PROSE.search(units.protect(text))
    if not match:
        return [], []
    lead = re.sub(r"^(?:Giao|Đề nghị)\s+", "", units.restore(match.group("lead").strip()))
    return split_units(lead), split_units(units.restore(match.group("coord") or ""))


# "Sở Khoa học và Công nghệ và các đơn vị trực thuộc treo băng rôn …": the doers open the item.
# "Các" opens a group of units ("Các sở, ngành …"), not any plural ("Các nội dung thực hiện").
_DOERS_FIRST = re.compile(
    r"^(?P<who>(?:(?:Sở|Phòng|Trung tâm|UBND|Ủy ban|Văn phòng|Ban|Công an|Đoàn|Hội)\s"
    r"|[Cc]ác\s+(?:sở|phòng|ban|đơn vị|cơ quan|xã|phường|trung tâm|tổ chức|hội|đoàn thể|ngành|"
    r"địa phương|huyện|trường)\b)"
    r"[^,;:.()]{0,80}?)\s+(?:treo|tổ chức|thực hiện|triển khai|xây dựng|tham mưu|hướng dẫn|"
    r"tuyên truyền|rà soát|báo cáo|ban hành|phát động|đăng tải|cử)\b"
)
# "Phối hợp với Đài Phát thanh - Truyền hình tỉnh xây dựng …": an activity's own partner.
_OWN_PARTNER = re.compile(
    r"^Phối hợp với\s+(?P<who>[^,;:.()]{3,80}?)\s+(?:xây dựng|tổ chức|thực hiện)\b"
)
# When an activity written in prose takes place: "(trước ngày 14/5/2020)", "(từ ngày 14 -
# 19/5/2020)": due its last day, "phát sóng trong tháng 5/2020".
_WHEN_IN_PROSE = re.compile(
    r"\((?P<before>trước ngày\s+\d{1,2}/\d{1,2}/\d{4})\)"
    r"|\(từ ngày\s+\d{1,2}(?:/\d{1,2})?\s*(?:-|–|đến(?: ngày)?)\s*(?P<end>\d{1,2}/\d{1,2}/\d{4})\)"
    r"|\btrong (?P<month>tháng\s+\d{1,2}/\d{4})",
    re.I,
)


def _when(text: str) -> list:
    due = _DUE_IN_PROSE.search(text)
    if due:
        return parse_deadlines(due.group("when"))
    when = _WHEN_IN_PROSE.search(text)
    if not when:
        return []
    return parse_deadlines(when.group("before") or when.group("end") or when.group("month"))


def _group_tasks(item: list[tuple[str, int]], part: str) -> list[Task]:
    """ "2. Trung tâm … chủ trì, phối hợp các phòng, đơn vị liên quan:" over "+ …" activities:
    each activity is a task with the group's lead and partners (and its own partner)."""
    first = item[0][0]
    if not first.rstrip().endswith(":"):
        return []
    lead, coordinating = units_in_prose(first)
    activities = [(line, at) for line, at in item[1:] if re.match(r"^[+\-–]\s", line)]
    if not lead or not activities:
        return []
    out = []
    for line, at in activities:
        body = line[2:].strip()
        partner = _OWN_PARTNER.match(body)
        own = split_units(partner.group("who")) if partner else []
        out.append(
            Task(
                title=_first_sentence(body),
                text=body,
                section=part,
                product="",
                deadlines=_when(body),
                lead_units=lead,
                coordinating_units=coordinating + [u for u in own if u not in coordinating],
                span=[at + 2, at + len(line)],
            )
        )
    return out


# "…; hoàn thành trong Quý II/2026", "thời gian hoàn thành: trước ngày 30/6/2026": the deadline
# of a task written in prose, said as one.
_DUE_IN_PROSE = re.compile(
    r"(?:hoàn thành|thời hạn)\s*(?::|trong|trước|vào|chậm nhất)?\s*"
    r"(?P<when>(?:trước\s+|chậm nhất\s+)?ngày\s+\d{1,2}/\d{1,2}/\d{4}|"
    r"quý\s+[IV\d]+(?:\s*/\s*|\s+năm\s+)\d{4}|tháng\s+\d{1,2}(?:\s*/\s*|\s+năm\s+)\d{4}|"
    r"năm\s+\d{4})",
    re.I,
)


def _content_task(item: list[tuple[str, int]], part: str) -> Task:
    first, start = item[0]
    heading = len(first) <= 160 and first[-1:] not in ".;:"
    title = first.strip() if heading else _first_sentence(first)
    last, last_offset = item[-1]
    text = " ".join(line for line, _ in item).strip()
    lead, coordinating = [], []
    for line, _ in item[1:] if heading else item:
        lead, coordinating = units_in_prose(line)
        if lead:
            break
    doers = None if lead or heading else _DOERS_FIRST.match(first)
    if doers:
        lead = split_units(doers.group("who"))
    return Task(
        title=title,
        text=text,
        section=part,
        product="",
        deadlines=_when(text),
        lead_units=lead,
        coordinating_units=coordinating,
        span=[start, last_offset + len(last)],
    )
