"""Dates and deadlines as officials write them."""

import re

from extraction.model import Deadline

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_QUARTERS = re.compile(
    r"(?:quý|qúy)\s+((?:[IV]+|\d)(?:\s*(?:,|và|-|–)\s*(?:quý\s+)?(?:[IV]+|\d))*)\s*(?:/|,?\s*năm\s+)(\d{4})",
    re.I,
)
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*(\d{4})", re.I)
_YEAR_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[-–]\s*(20\d\d)(?!\d)")
_YEAR = re.compile(r"(?:năm|trong năm|đến năm|hết năm)\s+(\d{4})", re.I)
_BARE_MONTH = re.compile(r"^\s*(?:tháng\s+)?(\d{1,2})\s*/\s*(20\d\d)\s*$", re.I)
_BARE_YEAR = re.compile(r"^\D*(20\d\d)\D*$")


def iso_date(day: int, month: int, year: int) -> str | None:
    import datetime

    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    match = _DATE.search(text) or _DATE_WORDS.search(text)
    if not match:
        return None
    return iso_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _quarter_numbers(spec: str) -> list[int]:
    numbers = []
    for token in re.findall(r"[IV]+|\d", spec.upper()):
        number = ROMAN.get(token) or (int(token) if token.isdigit() else None)
        if number and 1 <= number <= 4 and number not in numbers:
            numbers.append(number)
    return numbers


def parse_deadlines(text: str) -> list[Deadline]:
    """ "Trước ngày 30/6/2026", "Tháng 6/2026", "Quý II, Quý III/2026", "Năm 2026", "2026-2030",
    "Thường xuyên", "Hằng tháng", "trước ngày 20 hằng tháng" -> deadlines."""
    raw = text.strip().rstrip(".;")
    low = raw.lower()
    found: list[Deadline] = []
    recurring = None
    if re.search(r"h[ằà]ng\s+tháng|mỗi tháng|định kỳ tháng", low):
        recurring = "monthly"
    elif re.search(r"h[ằà]ng\s+quý|mỗi quý|định kỳ quý", low):
        recurring = "quarterly"
    elif re.search(r"6 tháng|sáu tháng|nửa năm", low) and "định kỳ" in low:
        recurring = "half_yearly"
    elif re.search(r"h[ằà]ng\s+năm|mỗi năm|định kỳ năm", low):
        recurring = "yearly"
    elif re.search(r"thường xuyên|liên tục", low):
        recurring = "continuous"
    if recurring:
        found.append(Deadline(kind="recurring", value=recurring, text=raw))
        if recurring != "continuous" or not _DATE.search(raw):
            return found
    for match in _DATE.finditer(raw):
        value = iso_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if value:
            before = re.search(
                r"(trước|chậm nhất|không muộn hơn|hạn chót)[^0-9]{0,12}$",
                raw[: match.start()],
                re.I,
            )
            found.append(Deadline(kind="before" if before else "date", value=value, text=raw))
    if found:
        return found
    for match in _QUARTERS.finditer(raw):
        for quarter in _quarter_numbers(match.group(1)):
            found.append(Deadline(kind="quarter", value=f"{match.group(2)}-Q{quarter}", text=raw))
    if found:
        return found
    # "Quý II, Quý III/2026": every quarter named before the year.
    quarters = re.findall(r"quý\s+([IV]+|\d)", raw, re.I)
    year = re.search(r"(20\d\d)", raw)
    if quarters and year:
        for q in quarters:
            number = int(q) if q.isdigit() else ROMAN.get(q.upper())
            if number and 1 <= number <= 4:
                found.append(Deadline(kind="quarter", value=f"{year.group(1)}-Q{number}", text=raw))
        if found:
            return found
    for match in _MONTH.finditer(raw):
        month = int(match.group(1))
        if 1 <= month <= 12:
            found.append(Deadline(kind="month", value=f"{match.group(2)}-{month:02d}", text=raw))
    if found:
        return found
    # A table cell "6/2025" or "12/2025": a month.
    match = _BARE_MONTH.match(raw)
    if match and 1 <= int(match.group(1)) <= 12:
        return [
            Deadline(kind="month", value=f"{match.group(2)}-{int(match.group(1)):02d}", text=raw)
        ]
    match = _YEAR_RANGE.search(raw)
    if match:
        return [Deadline(kind="year", value=match.group(2), text=raw)]
    match = _YEAR.search(raw) or _BARE_YEAR.match(raw)
    if match:
        return [Deadline(kind="year", value=match.group(1), text=raw)]
    return found
