"""Plain helpers for the wording rules of an administrative document (ND 30/2020 Phụ lục I).

They only format text, so that views, services and templates write the place and date, the number
and the capitalised names the same way. No Django import: usable and testable alone.
"""

from __future__ import annotations

import unicodedata
from datetime import date

# Room left in a draft for the number, the day and the month, written by hand or by the clerk at
# issue time ("Số:    /BC-UBND", "ngày    tháng    năm 2026").
DRAFT_BLANK = "    "


def _padded(value: int, *, below: int) -> str:
    """ND 30/2020 Phụ lục I: a day below 10 and the months 1 and 2 are written with a leading 0."""
    return f"{value:02d}" if value < below else str(value)


def place_date(place: str, day: date | None, *, year: int | None = None) -> str:
    """Return the place and date line: "Lạng Sơn, ngày 05 tháng 01 năm 2026".

    Days 1–9 and months 1–2 are padded with a 0, other months are not ("tháng 4", "tháng 11"), as
    ND 30/2020 Phụ lục I asks. Without a day (a draft not yet signed) the day and month are left
    blank and the year comes from `year`: "Lạng Sơn, ngày    tháng    năm 2026".
    """
    place = place.strip()
    if not place:
        raise ValueError("place is required: ND 30/2020 puts the place before the date")
    if day is None:
        year_text = str(year) if year is not None else DRAFT_BLANK
        return f"{place}, ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {year_text}"
    if year is not None and year != day.year:
        raise ValueError(f"year {year} does not match the day {day.isoformat()}")
    day_text = _padded(day.day, below=10)
    month_text = _padded(day.month, below=3)
    return f"{place}, ngày {day_text} tháng {month_text} năm {day.year}"


def document_number(number: int | None, doc_type: str, issuer_symbol: str) -> str:
    """Return the number and symbol after "Số: ": "05/BC-UBND", or "    /BC-UBND" for a draft.

    ND 30/2020 Phụ lục I: number/TYPE-ISSUER, numbers below 10 written with a leading 0. The
    number is given by the clerk (văn thư) when the document is issued, so a draft leaves it blank.
    """
    if number is not None and number < 1:
        raise ValueError(f"a document number starts at 1, got {number}")
    number_text = DRAFT_BLANK if number is None else _padded(number, below=10)
    symbol = "-".join(part.strip() for part in (doc_type, issuer_symbol) if part.strip())
    return f"{number_text}/{symbol}"


def upper_vi(text: str) -> str:
    """Capitalise Vietnamese text keeping its diacritics: "Ủy ban nhân dân" -> "ỦY BAN NHÂN DÂN".

    Python's upper() is Unicode-aware (đ -> Đ, ữ -> Ữ); the text is composed (NFC) before and after
    so that names pasted in decomposed form (base letter + combining marks, as some PDF and macOS
    sources give) come out as the same single characters Word, search and sorting expect.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).upper())


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", " nghìn", " triệu", " tỷ"]


def _three_digits(number: int, *, full: bool) -> str:
    """0–999 read aloud; `full` reads the hundreds and "linh" of a group after the first one
    ("một triệu không trăm linh năm")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        elif units == 4 and tens > 1:
            words.append("tư")
        else:
            words.append(_DIGITS[units])
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """An amount of đồng in words, as a decision writes it after the figure:
    12636000 -> "Mười hai triệu sáu trăm ba mươi sáu nghìn đồng"."""
    if amount < 0:
        raise ValueError("an amount of money is not negative")
    if amount >= 10**12:
        raise ValueError("amounts of a thousand billion đồng and more are not written here")
    if amount == 0:
        return "Không đồng"
    groups = []
    rest = amount
    while rest:
        groups.append(rest % 1000)
        rest //= 1000
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        words.append(_three_digits(group, full=bool(words)) + _GROUPS[index])
    sentence = " ".join(words) + " đồng"
    return sentence[0].upper() + sentence[1:]
