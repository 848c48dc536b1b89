"""The phases (giai đoạn) a plan divides its span into: a heading or list item naming a numbered
phase and its bounds, "1. Giai đoạn 1 (từ tháng 5/2026 đến tháng 12/2027)" (seed 004) or
"- Giai đoạn 01 (từ năm 2026 đến ngày 11/6/2028)." (seed 003). "… giai đoạn 2026-2030" inside a
sentence is the plan's span, not one of its phases."""

import calendar
import datetime
import re

from extraction.dates import parse_deadlines

_PHASE = re.compile(
    r"^\s*(?:[-–+•*]\s*|\d{1,2}[.)]\s*|[a-zđ]\)\s*|[IVX]+\.\s*)?"
    r"(giai đoạn\s+(\d{1,2}|[IVX]{1,4}))(?![\d\w])\s*[:,–-]?\s*\(?\s*"
    r"từ\s+(.+?)\s+đến(?:\s+hết)?\s+(.+?)\s*\)?\s*[.:;]?\s*$",
    re.I,
)
# What ends the text under a phase: another numbered heading or list item.
_NEXT_HEADING = re.compile(r"^\s*(?:[IVXLC]+\.|\d{1,2}\.)\s+\S")
DESCRIPTION_MAX = 600  # longer than this, the text under a phase is a section, not a description


def _bound(text: str, *, end: bool) -> str | None:
    """ "năm 2026" -> 2026-01-01 (or 12-31 as an end), "tháng 7/2028" -> 2028-07-01 (or 07-31),
    "ngày 11/6/2028" -> 2028-06-11, through the deadline reader every rule uses."""
    deadlines = [d for d in parse_deadlines(text) if d.kind in ("date", "before", "month", "year")]
    if len(deadlines) != 1:
        return None
    kind, value = deadlines[0].kind, deadlines[0].value
    if kind in ("date", "before"):
        return value
    year = int(value[:4])
    month = int(value[5:7]) if kind == "month" else (12 if end else 1)
    day = calendar.monthrange(year, month)[1] if end else 1
    return datetime.date(year, month, day).isoformat()


def find_phases(body: list[tuple[str, int]]) -> list[dict]:
    """Each numbered phase of the body (lines with their offsets): its name ("Giai đoạn 1"), start
    and end (ISO dates), the line as written, and the short text under it as its description."""
    out: list[dict] = []
    for index, (line, offset) in enumerate(body):
        match = _PHASE.match(line) if len(line) <= 200 else None
        if not match:
            continue
        start, end = _bound(match.group(3), end=False), _bound(match.group(4), end=True)
        if not start or not end or end < start:
            continue
        number = match.group(2)
        name = f"Giai đoạn {int(number)}" if number.isdigit() else f"Giai đoạn {number.upper()}"
        out.append(
            {
                "name": name,
                "start": start,
                "end": end,
                "text": line.strip(),
                "description": _description(body, index + 1),
                "span": [offset, offset + len(line)],
            }
        )
    return out


def _description(body: list[tuple[str, int]], first: int) -> str:
    lines = []
    for line, _ in body[first:]:
        if _PHASE.match(line) or _NEXT_HEADING.match(line):
            break
        if line.strip():
            lines.append(line.strip())
    text = "\n".join(lines)
    return text if len(text) <= DESCRIPTION_MAX else ""
