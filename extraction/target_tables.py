"""Tables of targets: a plan's appendix (or body) printing its targets as a table, one row a
target, read column by column (what the web and pdftotext give as "|" rows):

| TT | Chỉ tiêu | Đơn vị (tính) | Kết quả / Mục tiêu / Năm 2026 | Cơ quan chủ trì theo dõi |

The targets of running text are read by extraction.targets, whose number reading this shares.
"""

import re

from extraction.model import Target
from extraction.targets import _number

_COLUMN = {
    "target": re.compile(r"^(?:tên\s+)?chỉ tiêu|^nội dung chỉ tiêu", re.I),
    "measure": re.compile(r"^đơn vị(?:\s+tính)?$|^đvt$", re.I),
    "value": re.compile(
        r"kết quả|mục tiêu|giá trị|chỉ tiêu (?:năm|đến|cụ thể|cần đạt|phấn đấu|giao)|"
        r"năm\s+20\d\d|^20\d\d$",
        re.I,
    ),
    "lead": re.compile(r"chủ trì|theo dõi|đơn vị thực hiện|cơ quan thực hiện", re.I),
}
_CELL_VALUE = re.compile(
    r"(?P<cmp>≥|>=|≤|<=|>|<|tối thiểu|ít nhất|trên|dưới|không quá)?\s*"
    r"(?P<a>\d+(?:[.,]\d+)?)\s*%?(?:\s*(?:-|–|đến)\s*(?P<b>\d+(?:[.,]\d+)?)\s*%?)?",
    re.I,  # "Tối thiểu 80", "TRÊN 80" as a cell prints them
)
_DUE_GROUP = re.compile(r"(?:đến|tới|trong|năm)\s+(?:hết\s+)?(?:năm\s+)?(20\d\d)", re.I)


def _cells(line: str) -> list[str]:
    return [c.strip(" *_") for c in line.strip().strip("|").split("|")]


def table_columns(header: list[str]) -> dict[str, int] | None:
    """The columns of a table of targets, or None when the header is not one."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        for key in ("target", "measure", "lead", "value"):
            if key not in columns and _COLUMN[key].search(cell):
                columns[key] = index  # one column, one key: "Chỉ tiêu cụ thể" is the target
                break
    if "target" in columns and "value" in columns:
        return columns
    return None


def _cell_targets(value: str, measure: str) -> list[tuple[str, float, float | None, str]]:
    """ "≥ 80" -> [(">=", 80)]; "≤ 3 Đông Nam Á; ≤ 50 Thế giới" on a rank -> two top targets;
    "40 - 50" -> a range; a bare figure is a floor."""
    rank = bool(re.search(r"thứ bậc|thứ hạng|xếp hạng|hạng", measure, re.I))
    unit = "rank" if rank else "%" if "%" in measure or "%" in value else "count"
    out = []
    for part in re.split(r";", value):
        match = _CELL_VALUE.match(part.strip())
        if not match or not match.group("a"):
            continue
        rest = part.strip()[match.end() :].strip()
        # "3 lĩnh vực …": words, not a figure to reach; "5 kWh" is a figure and its unit.
        if rest.partition(" ")[0].islower() and not re.match(r"^và\b", rest):
            continue
        a, b = _number(match.group("a")), _number(match.group("b"))
        word = (match.group("cmp") or "").lower()
        if b is not None:
            comparator = "range"
        elif rank and word in ("≤", "<=", ""):
            comparator = "top"
        else:
            comparator = {
                "≤": "<=",
                "<=": "<=",
                "không quá": "<=",
                "<": "<",
                "dưới": "<",
                ">": ">",
                "trên": ">",
            }.get(word, ">=")
        out.append((comparator, a, b, unit))
    return out


def table_targets(
    lines: list[tuple[str, int]], default_due: str | None, split_units
) -> tuple[list[Target], set[int]]:
    """Targets from every table of targets in `lines`; also the indexes of the lines read."""
    targets: list[Target] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if not lines[i][0].startswith("|"):
            i += 1
            continue
        start = i
        while i < len(lines) and lines[i][0].startswith("|"):
            i += 1
        columns = table_columns(_cells(lines[start][0]))
        if columns is None:
            continue
        used.update(range(start, i))
        due, section = default_due, ""
        for line, offset in lines[start + 1 : i]:
            cells = _cells(line)

            def cell(key, cells=cells, columns=columns):
                index = columns.get(key)
                return cells[index] if index is not None and index < len(cells) else ""

            text = cell("target")
            if not text or all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
                continue
            value, measure = cell("value"), cell("measure")
            if not value and not measure:
                # A group row: "I. Đến năm 2030", "Nhóm chỉ tiêu về chính quyền số".
                section = text
                year = _DUE_GROUP.search(text)
                if year and re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", cells[0].strip(" .*")):
                    due = year.group(1)
                continue
            lead = split_units(cell("lead")) if cell("lead") else []
            found = _cell_targets(value, measure)
            span = [offset, offset + len(line)]
            if not found:
                found = [(None, None, None, None)]
            for comparator, a, b, unit in found:
                targets.append(
                    Target(
                        text=text,
                        subject=text[:160],
                        section=section,
                        comparator=comparator,
                        value=a,
                        value_max=b,
                        unit=unit,
                        due=due,
                        span=span,
                        lead_units=lead,
                        measure=measure or None,
                    )
                )
    return targets, used
