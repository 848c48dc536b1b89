"""Figures a part of targets promises without a quantifier before them: a ratio to population
("đạt 10 bác sĩ/10.000 dân", "15 giường bệnh/vạn dân") and a large count ("việc làm cho 300.000
lượt người", "đón 4,5 - 5 triệu lượt khách"). Outside a part of targets such a figure describes
(the province "có 1,3 triệu dân") and is not read; `targets.py` asks only there."""

import re

_NUM = r"\d+(?:[.,]\d+)?"
_WORDS = r"khoảng|gần|trên|dưới|ít nhất|tối thiểu|tối đa|không quá|không dưới|hơn"
_GROUPED = r"\d{1,3}(?:\.\d{3})+"  # 300.000

# "10 bác sĩ/10.000 dân", "10/10.000 người", "32 giường bệnh trên 10.000 dân", "2 bác sĩ/vạn dân".
RATIO = re.compile(
    r"(?<![\d.,/])(?P<a>" + _NUM + r")\s*"
    r"(?P<noun>[^\W\d][^\W\d]*(?:\s+[^\W\d]+){0,3}?)?\s*(?:/|\btrên\s+)\s*"
    r"(?P<per>" + _GROUPED + r"|\d+\s+vạn|\d+|vạn)\s+(?P<pop>dân số|người dân|dân|người)\b",
    re.I,
)
# "300.000 lượt người", "4,5 - 5 triệu lượt khách", "20 nghìn lao động": a count in thousands.
LARGE_COUNT = re.compile(
    r"(?<![\d.,/])"
    r"(?:(?P<a>" + _GROUPED + r")(?:\s*(?:-|–|đến)\s*(?P<b>" + _GROUPED + r"))?"
    r"|(?P<sa>"
    + _NUM
    + r")(?:\s*(?:-|–|đến)\s*(?P<sb>"
    + _NUM
    + r"))?\s+(?P<scale>triệu|nghìn|ngàn))"
    r"\s+(?P<noun>(?!đồng\b|USD\b|tỷ\b|ha\b|km|m2|m3|năm\b|tuổi\b)[^\W\d][^\s,;.]*)",
    re.I,
)
# The quantifier just before a figure (matched apart: a pattern that opens on a digit is fast).
_WORD_BEFORE = re.compile(r"(?:^|\s)(?P<cmp>" + _WORDS + r")\s+$", re.I)
_THOUSANDS = re.compile(r"\d\.\d{3}|triệu|nghìn|ngàn", re.I)
_SCALE = {"triệu": 1_000_000, "nghìn": 1_000, "ngàn": 1_000}


def _value(text: str | None, scale: int = 1) -> float | None:
    if text is None:
        return None
    if re.fullmatch(_GROUPED, text):
        return float(text.replace(".", ""))
    return round(float(text.replace(",", ".")) * scale, 6)


def ratios(clause: str) -> list[tuple[int, int, str | None, float, str]]:
    """(start, end, comparator word, value, measure) of each ratio to population."""
    out: list[tuple[int, int, str | None, float, str]] = []
    if "dân" not in clause and "người" not in clause:
        return out  # most clauses: no population, no ratio to read
    for match in RATIO.finditer(clause):
        per = re.sub(r"\s+", " ", match.group("per"))
        noun = (match.group("noun") or "").strip()
        measure = f"{noun}/{per} {match.group('pop')}".strip()
        word = _WORD_BEFORE.search(clause, max(0, match.start() - 14), match.start())
        start = word.start("cmp") if word else match.start()
        value = _value(match.group("a"))
        out.append((start, match.end(), word and word.group("cmp"), value, measure))
    return out


def large_counts(clause: str) -> list[tuple[int, int, str | None, float, float | None]]:
    """(start, end of the figure, comparator word, value, value_max) of each count in thousands."""
    out: list[tuple[int, int, str | None, float, float | None]] = []
    if not _THOUSANDS.search(clause):
        return out
    for match in LARGE_COUNT.finditer(clause):
        if match.group("a"):
            a, b, end = _value(match.group("a")), _value(match.group("b")), match.end("a")
            end = match.end("b") if match.group("b") else end
        else:  # "4,5 - 5 triệu": the scale is part of the match
            scale = _SCALE[match.group("scale").lower()]
            a, b = _value(match.group("sa"), scale), _value(match.group("sb"), scale)
            end = match.end("scale")
        word = _WORD_BEFORE.search(clause, max(0, match.start() - 14), match.start())
        start = word.start("cmp") if word else match.start()
        out.append((start, end, word and word.group("cmp"), a, b))
    return out
