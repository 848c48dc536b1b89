"""Targets (chỉ tiêu): the measurable promises of a plan, with comparator, value, unit and due.

A target is found where a figure is promised: a percentage, a count after a quantifier ("ít nhất
01 mô hình", "trên 50 doanh nghiệp"), a rank ("nhóm 15 tỉnh dẫn đầu", "tăng 08 bậc"). One
sentence may hold several ("≥ 90% ...; ≥ 70% ...; 100% ..."): each clause is its own target. Items
under a heading of targets or expected results that carry no figure are qualitative targets.
"""

import re

from extraction import bare_figures
from extraction.model import Target

NUM = r"\d+(?:[.,]\d+)?"
_COMPARATOR_WORDS = [
    (
        r"≥|>=|tối thiểu|ít nhất|không (?:thấp hơn|dưới|ít hơn)|từ\s+(?="
        + NUM
        + r"\s*%?\s*trở lên)",
        ">=",
    ),
    (r"≤|<=|tối đa|không (?:quá|vượt quá|cao hơn|nhiều hơn)|nhiều nhất", "<="),
    # "thấp hơn 5%" before "hơn": the words of "<" are read first.
    (r"dưới|thấp hơn|nhỏ hơn|ít hơn|<", "<"),
    (r"trên|hơn|vượt|cao hơn|lớn hơn|nhiều hơn|>", ">"),
]
_PERCENT = re.compile(
    r"(?P<cmp>≥|>=|≤|<=|>|<|tối thiểu|ít nhất|không quá|không vượt quá|không dưới|không thấp hơn|trên|dưới|khoảng|gần|từ)?\s*"
    r"(?P<a>" + NUM + r")\s*(?:%\s*)?(?:(?P<dash>-|–|đến|tới)\s*(?P<b>" + NUM + r"))?\s*%",
    re.I,
)
_COUNT = re.compile(
    r"(?:(?P<cmp>ít nhất|tối thiểu|có trên|trên|hơn|tối đa|không quá|không dưới|khoảng|"
    r"(?<=có )từ|(?<=có )thêm)\s+|(?<=\b[Cc]ó )|(?<=\bvà ))"
    r"(?P<a>\d+)(?:\s*(?:-|–|đến)\s*(?P<b>\d+))?\s+(?P<noun>[^\s,;.]+(?:\s+(?!và\s+\d|\d)[^\s,;.]+){0,3})",
    re.I,
)
# Where a bare "có N …" is a promise: opening an item, after a colon, a lead-in or a year (not
# after any comma: "Lào Cai là tỉnh miền núi …, có 7 huyện" describes).
_PROMISED_HAVE = re.compile(
    r"(?:^[\s\-+•–]*|:\s*|\b(?:phấn đấu|bảo đảm|đảm bảo)\s+|\bnăm 20\d\d\s*,?\s*)$", re.I
)
# An amount of money promised: "GRDP bình quân đầu người đạt khoảng 8.300-8.500 USD", "thu nhập
# bình quân đạt trên 75 triệu đồng".
_AMOUNT = re.compile(
    r"(?P<cmp>khoảng|trên|ít nhất|tối thiểu|đạt)\s+(?P<a>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
    r"(?:\s*(?:-|–|đến)\s*(?P<b>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?))?\s*"
    r"(?P<measure>USD|đô la Mỹ|nghìn tỷ đồng|tỷ đồng|triệu đồng)\b",
    re.I,
)
# An area or a length promised: "duy trì ổn định từ 3,5m2 đến 04m2/người dân", "đạt 3,5 m2",
# "xây dựng mới 120 km đường".
_SIZE_UNIT = r"(?:km2|km²|km|m2|m²|m3|m³|ha|m)(?!\w)"
_SIZE = re.compile(
    r"(?P<cmp>khoảng|trên|dưới|ít nhất|tối thiểu|tối đa|không quá|không dưới|từ)?\s*"
    r"(?<![\d.,])(?P<a>" + NUM + r")\s*(?:" + _SIZE_UNIT + r"\s*)?"
    r"(?:(?:-|–|đến|tới)\s*(?P<b>" + NUM + r"))?\s*(?P<measure>" + _SIZE_UNIT + r")",
    re.I,
)
# A size that describes a thing, not a promise: "giải chạy 5 km", "cự ly 100 m", "cách 2 km".
_SIZE_DESCRIBED = re.compile(
    r"(?:chạy|đi bộ|bơi|đạp xe|cự ly|cách|bán kính|rộng|sâu|cao)\s*$", re.I
)
_TOP = re.compile(
    r"(?:nhóm|top)\s+(?P<a>\d+)\s+(?:tỉnh|địa phương|đơn vị|tỉnh, thành phố)[^,;.]{0,40}?(?:dẫn đầu|đứng đầu|cao nhất)",
    re.I,
)
_RANK_STEP = re.compile(
    r"(?P<verb>tăng|nâng|giảm)\s+(?:(?P<cmp>tối thiểu|ít nhất|từ)\s+)?(?P<a>\d+)\s+(?:bậc|hạng|thứ hạng)",
    re.I,
)
# "gấp 2 lần", "tăng 1,5 lần so với năm 2020": a multiple of the baseline.
_TIMES = re.compile(
    r"(?:gấp|tăng)\s+(?:(?:tối thiểu|ít nhất)\s+)?(?P<a>\d+(?:[.,]\d+)?)\s+lần", re.I
)
_CHANGE = re.compile(r"\b(?P<verb>tăng|giảm)\s+(?:thêm\s+)?(?:(?:tối thiểu|ít nhất)\s+)?$", re.I)
# Nouns after a count that make it a condition or a scope, not a promise: time, ages ("trên 15
# tuổi"), kinds ("03 loại hình"), points of a scoring grid, award quotas ("không quá 05 cá nhân").
_TIME_NOUNS = re.compile(
    r"^(năm|tháng|ngày|quý|lần|tuần|giờ|phút|khối|giai đoạn|nhiệm kỳ|km|m2|ha|tuổi|loại|loại hình|"
    r"điểm|cá nhân|tập thể|suất|tác giả)\b",
    re.I,
)
_DUE = re.compile(r"(?:vào|đến|trong|đến hết|hết|tới)\s+năm\s+(20\d\d)", re.I)
_YEARLY = re.compile(r"h[ằà]ng năm|mỗi năm|hàng năm", re.I)
_TARGET_HEADINGS = re.compile(
    r"chỉ tiêu|mục tiêu cụ thể|kết quả cần đạt|kết quả đạt được|mục tiêu", re.I
)
_HEADING = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|PHẦN|Phần|Nhóm)\s*\S", re.I)
_SUBJECT_STOP = re.compile(
    r"\s(?:được|có|đạt|thực hiện|sử dụng|hoạt động|tham gia|tiếp tục|biết(?! chữ)|làm chủ|xử lý|ứng dụng|"
    r"hoàn thành|vận hành|kết nối|gắn với|phi tiếp xúc|tiếp cận|cài đặt|khai thác|quán triệt|"
    r"tạo lập|trên|vào|trong|dưới)\b",
    re.I,
)


_LEAD = re.compile(r"^[\s,;.]*(?:(?:[-+•–]|\d+\.|[a-zđ]\))\s+)?")


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")  # thousands: 1.000
    return float(text.replace(",", "."))


def _comparator(word: str | None, before: str) -> str | None:
    words = " ".join(filter(None, [before.strip().lower(), (word or "").strip().lower()]))
    tail = words[-40:]
    # "giảm tỷ lệ … xuống dưới 1%", "giảm còn 5%", "tăng lên 50%": a level to reach, not a change.
    level = re.search(r"\b(xuống|còn|lên)(?:\s+mức)?(?:\s+\S+){0,2}$", tail)
    if level:
        for pattern, comparator in _COMPARATOR_WORDS:
            if re.search(r"(?:^|\s)(?:" + pattern + r")\s*$", words):
                return comparator
        return ">=" if level.group(1) == "lên" else "<="
    if re.search(r"\bgiảm\b", tail):
        return "decrease"
    if re.search(r"\btăng\b(?!\s+cường)", tail) and not re.search(r"tỷ lệ|đạt", tail):
        return "increase"
    for pattern, comparator in _COMPARATOR_WORDS:
        if re.search(r"(?:^|\s)(?:" + pattern + r")\s*$", words):  # words in lower case
            return comparator
    # A plan promises to reach a figure ("100% hồ sơ", "đạt 90%"): a floor, not an exact value.
    return ">="


def _about_or(word: str | None, before: str) -> str | None:
    """ "khoảng 20 nghìn", "gần 10 bác sĩ/10.000 dân": about that figure (=)."""
    return "=" if (word or "").lower() in ("khoảng", "gần") else _comparator(word, before)


# A clause ends at ";" or at the end of a sentence: "… cực tăng trưởng mới. Phấn đấu đến năm 2025,
# có từ 3-5 huyện …" is two (a lower-case word before the full stop, so "TP. Hà Nội" is not).
_CLAUSE_END = re.compile(r";\s*|(?<=[a-zà-ỹđ%)])\.\s+")


def clauses(paragraph: str, offset: int) -> list[tuple[str, int]]:
    """Split a paragraph into clauses at semicolons (a list of promises), keeping offsets."""
    out = []
    start = 0
    for match in _CLAUSE_END.finditer(paragraph):
        if (
            match.group(0).startswith(".")
            and not paragraph[match.end() : match.end() + 1].isupper()
        ):
            continue  # a sentence ends at ". " before a capital, not at "1.000" or "v.v. các"
        out.append((paragraph[start : match.start()], offset + start))
        start = match.end()
    out.append((paragraph[start:], offset + start))
    return [(text, pos) for text, pos in out if text.strip()]


# The words that may stand just before a figure, left out of its subject.
_FIGURE_WORDS = (
    r"khoảng|gần|≥|≤|>|<|tối thiểu|tối đa|ít nhất|nhiều nhất|không quá|không dưới|trên|dưới|"
    r"(?:thấp|cao|nhỏ|lớn)\s+hơn|hơn|vượt|tăng|giảm"
)
# The count a share is taken of, before what it counts: "(trong) tổng số", "số", "số lượng".
_COUNTED = re.compile(
    r"(?:(?:(?:trong\s+)?tổng\s+)?số(?:\s+lượng)?\s+(?!hóa\b|hoá\b)(?=\w))?", re.I
)
_RATE_OR_NOTE = re.compile(r"^(?:\s*\[\d+\]|\s*/\s*(?:năm|tháng|quý)\b)+")
_DUE_TAIL = re.compile(r"(?:^|\s+)(?:vào|đến|trong|tới)\s+(?:hết\s+)?năm\s+20\d\d$", re.I)
_NEXT_FIGURE = re.compile(
    r"\s*(?:[,;]|\bvà\b)\s*(?:(?:" + _FIGURE_WORDS + r")\s*)?\d+(?:[.,]\d+)?\s*(?:%|\s(?=\w))"
)
_LEAD_IN_ALONE = re.compile(r"^\s*(?:phấn đấu|bảo đảm|đảm bảo)\s*$", re.I)


def _subject(clause: str, figure_start: int, figure_end: int) -> str:
    # "8,0 - 8,5%/năm", "7,5%[1]": a rate's period and a footnote mark are not what is measured.
    after = _RATE_OR_NOTE.sub("", clause[figure_end:]).strip(" :,.")
    before = clause[_LEAD.match(clause).end() : figure_start]  # without "- ", "1.", "a)"
    # "Tỷ lệ X đạt ≥ 90%": the subject is what stands before the figure.
    lead = re.search(
        r"(tỷ lệ|tỉ lệ|tỷ trọng|chỉ số|số lượng)\s+(?P<what>[^;:≥≤%]*?)"
        r"\s*(?:đạt|chiếm|là|ở mức|xuống|còn|lên)?"
        r"\s*(?:" + _FIGURE_WORDS + r")?\s*$",
        before,
        re.I,
    )
    if lead:
        return (lead.group(1) + " " + lead.group("what")).strip()[:160]
    # "kinh tế số chiếm khoảng ≥ 20% GRDP": the subject stands before "chiếm"/"đạt".
    verb = re.search(
        r"(?P<what>[^,;:]{3,}?)\s+(?:chiếm|đạt)\s*(?:khoảng|tối thiểu|trên|≥|>)?\s*$", before
    )
    if verb:
        what = re.sub(
            r"^.*?\b(?:phấn đấu|phân đầu|bảo đảm|đảm bảo|nâng|trong đó)\s+",
            "",
            verb.group("what"),
            flags=re.I,
        )
        if not _LEAD_IN_ALONE.match(what):  # "Phấn đấu đạt 90% …" names nothing
            return what.strip()[:160]
    # "90% tổng số hộ gia đình được …", "100% số xã đạt …": the households, the communes counted.
    after = after[_COUNTED.match(after).end() :]
    # "80% hồ sơ … cấp huyện và 70% hồ sơ … cấp xã": the next figure's words are its own.
    after = _NEXT_FIGURE.split(after, maxsplit=1)[0]
    if after and not re.match(r"^(?:vào|đến|trong|trở lên|so với|tổng)", after, re.I):
        stop = _SUBJECT_STOP.search(" " + after)
        subject = after[: stop.start() - 1] if stop and stop.start() > 1 else after
        return subject.strip(" ,.")[:160]
    tail = re.split(r"[,:]", before)[-1]
    tail = re.sub(
        r"(?:\s*(?:đạt|phấn đấu|bảo đảm|đảm bảo|chiếm khoảng|chiếm|" + _FIGURE_WORDS + r"))+\s*$",
        "",
        tail.strip(),
        flags=re.I,
    )
    return "" if _LEAD_IN_ALONE.match(tail) else tail.strip()[:160]


def _context(paragraph: str) -> str:
    """What a paragraph is about, from its lead-in: "a) Nâng cao Chỉ số ... (PII): Phấn đấu..."."""
    head = paragraph.split(":", 1)[0] if ":" in paragraph[:200] else ""
    head = re.sub(r"^(?:[-+•–]|\d+\.|[a-zđ]\))\s*", "", head).strip()
    head = re.sub(r"^(?:Nâng cao|Tăng cường|Đẩy mạnh|Về)\s+", "", head)
    return head[:160]


_YEAR_FIRST = re.compile(r"(?:^|[.:]\s+)Năm\s+(20\d\d)\s*,")
_PERIOD = re.compile(r"giai đoạn\s+(?:20\d\d)\s*[-–]\s*(20\d\d)", re.I)


def _due(clause: str, default_due: str | None) -> str | None:
    match = _DUE.search(clause)
    if match:
        return match.group(1)
    year_first = _YEAR_FIRST.search(clause)
    if year_first:
        return year_first.group(1)  # "Năm 2025, hoàn thành …, 100% người dân …"
    period = _PERIOD.search(clause)
    if period:
        return period.group(1)  # "bình quân hàng năm giai đoạn 2021-2025": due at its end
    if _YEARLY.search(clause):
        return None
    return default_due


# A list of conditions: "thu hút doanh nghiệp … theo nguyên tắc: …; có đầu tư Trung tâm nghiên
# cứu … với tỷ lệ 1% - 3% doanh thu" sets what a firm must do, not what the plan promises.
_CONDITIONS = re.compile(
    r"(?:theo|trên)\s+(?:các\s+)?nguyên tắc\s*(?:sau(?:\s+đây)?\s*)?:|với điều kiện\b|"
    r"đáp ứng\s+(?:các\s+)?điều kiện\s*(?:sau(?:\s+đây)?\s*)?:",
    re.I,
)


def _sentence_before(paragraph: str, at: int) -> str:
    """The part of the sentence of `paragraph` that comes before position `at`."""
    before = paragraph[:at]  # a paragraph is one line: a sentence ends at ". "
    return before[before.rfind(". ") + 1 :]


def find_targets(
    paragraphs: list[tuple[str, int]],
    sections: list[str],
    *,
    default_due: str | None,
    target_sections: list[bool],
    heading_dues: list[str | None] | None = None,
) -> list[Target]:
    """Targets in `paragraphs` ((text, offset) pairs), each with the heading it stands under; a
    heading "Đến hết năm 2026" dates the targets under it (`heading_dues`)."""
    targets: list[Target] = []
    plan_due = default_due
    for index, ((paragraph, offset), section, in_target_section) in enumerate(
        zip(paragraphs, sections, target_sections, strict=True)
    ):
        default_due = (heading_dues[index] if heading_dues else None) or plan_due
        found_here = False
        for clause, clause_offset in clauses(paragraph, offset):
            if _CONDITIONS.search(_sentence_before(paragraph, clause_offset - offset)):
                continue  # "… theo nguyên tắc: …; có … với tỷ lệ 1% - 3% doanh thu": a condition
            condition = _CONDITIONS.search(clause)
            if condition:  # "… đáp ứng các điều kiện sau: sử dụng trên 50% lao động …"
                clause = clause[: condition.start()]
            for target in _clause_targets(
                clause,
                clause_offset,
                section,
                default_due,
                _context(paragraph),
                bare_counts=in_target_section,
            ):
                targets.append(target)
                found_here = True
        if (
            not found_here
            and in_target_section
            and (not _HEADING.match(paragraph) or _item_not_heading(paragraph))
        ):
            label = re.match(r"^(?:[-+•–]|\d+(?:\.\d+)*\.|[a-zđ]\))?\s*", paragraph).end()
            text = paragraph[label:].strip()
            if len(text) > 15 and not _CROSS_REFERENCE.match(text) and not _AIM_LABEL.match(text):
                start = offset + label
                targets.append(
                    Target(
                        text=text,
                        subject="",
                        section=section,
                        comparator=None,
                        value=None,
                        value_max=None,
                        unit=None,
                        due=_due(text, default_due),
                        span=[start, offset + len(paragraph)],
                    )
                )
    return targets


def _clause_targets(
    clause: str,
    offset: int,
    section: str,
    default_due: str | None,
    context: str,
    *,
    bare_counts: bool = False,
) -> list[Target]:
    """The figures of one clause; a count with no quantifier ("Có 10 tổ chức …") only where the
    plan lists its targets (`bare_counts`): elsewhere "Có 27 đơn vị trực thuộc" describes."""
    found: list[tuple[int, int, str | None, float, float | None, str]] = []
    taken: list[tuple[int, int]] = []

    def free(start, end):
        return all(end <= a or start >= b for a, b in taken)

    for match in _TOP.finditer(clause):
        found.append((match.start(), match.end(), "top", float(match.group("a")), None, "rank"))
        taken.append(match.span())
    for match in _RANK_STEP.finditer(clause):
        if free(*match.span()):
            verb = match.group("verb").lower()
            comparator = "decrease" if verb == "giảm" else "increase"
            found.append(
                (match.start(), match.end(), comparator, float(match.group("a")), None, "rank")
            )
            taken.append(match.span())
    for match in _TIMES.finditer(clause):
        # "tăng gấp 2 lần so với năm 2025": at least twice the baseline.
        found.append((match.start(), match.end(), ">=", _number(match.group("a")), None, "other"))
        taken.append(match.span())
    for match in _PERCENT.finditer(clause):
        start = match.start("cmp") if match.group("cmp") else match.start("a")
        if not free(start, match.end()):
            continue
        # "Nghị quyết 57" or a date just before a %-less number is not ours; the % is explicit.
        a, b = _number(match.group("a")), _number(match.group("b"))
        word = (match.group("cmp") or "").lower()
        if b is not None:
            comparator = "range"
        elif word in ("khoảng", "gần"):  # "gần 14%": about, as "khoảng"; "giảm khoảng 2%" a fall
            rise_or_fall = _comparator(None, clause[:start])
            comparator = rise_or_fall if rise_or_fall in ("increase", "decrease") else "="
        elif word == "từ":
            comparator = ">=" if re.match(r"\s*trở lên", clause[match.end() :]) else "="
        else:
            comparator = _comparator(match.group("cmp"), clause[:start])
        if comparator in ("=", ">=", ">") and re.match(r"\s*trở lên", clause[match.end() :]):
            comparator = ">="
        found.append((start, match.end(), comparator, a, b, "%"))
        taken.append((start, match.end()))
    measures: dict[int, str] = {}
    for match in _SIZE.finditer(clause):
        start = match.start("cmp") if match.group("cmp") else match.start("a")
        if not free(start, match.end()) or _SIZE_DESCRIBED.search(clause[:start]):
            continue
        a, b = _number(match.group("a")), _number(match.group("b"))
        word = (match.group("cmp") or "").lower()
        if b is not None:
            comparator = "range"
        elif word in ("khoảng", "từ"):
            comparator = "="
        else:
            comparator = _comparator(match.group("cmp"), clause[:start])
        found.append((start, match.end(), comparator, a, b, "other"))
        measures[start] = match.group("measure").lower().replace("²", "2").replace("³", "3")
        taken.append((start, match.end()))
    for start, end, word, a, measure in bare_figures.ratios(clause):
        if free(start, end) and bare_counts:  # "đạt 10 bác sĩ/10.000 dân"
            found.append((start, end, _about_or(word, clause[:start]), a, None, "other"))
            measures[start] = measure
        taken.append((start, end))  # never "trên 10 bác sĩ/10" as a count
    for start, end, word, a, b in bare_figures.large_counts(clause):
        # "việc làm cho 300.000 lượt người", "4,5 - 5 triệu lượt khách": bare only in targets.
        if free(start, end) and (word or bare_counts):
            comparator = "range" if b is not None else _about_or(word, clause[:start])
            found.append((start, end, comparator, a, b, "count"))
        taken.append((start, end))
    for match in _COUNT.finditer(clause):
        if not free(*match.span()) or _TIME_NOUNS.match(match.group("noun")):
            continue
        if re.match(r"\s*%", clause[match.end("b") if match.group("b") else match.end("a") :]):
            continue
        word = (match.group("cmp") or "").lower()
        if not word and clause[: match.start()].endswith("và "):
            if not any(f[5] == "count" and f[1] <= match.start() for f in found):
                continue  # "… và 7 tổ chức …" only continues a list of counts
        elif not word and not bare_counts:
            continue
        elif not word and not _PROMISED_HAVE.search(clause[: match.start() - 3]):
            continue  # "Kế hoạch có 05 nội dung" describes; "- Có 10 tổ chức …" promises
        # "có từ 05 mô hình (trở lên)" is a floor, "có từ 2 - 3 …" a range: "từ" follows "có".
        a, b = float(match.group("a")), _number(match.group("b"))
        comparator = (
            "range"
            if b is not None
            else {
                "ít nhất": ">=",
                "tối thiểu": ">=",
                "không dưới": ">=",
                "có trên": ">",
                "trên": ">",
                "hơn": ">",
                "tối đa": "<=",
                "không quá": "<=",
                "khoảng": "=",
                "từ": ">=",
                "thêm": ">=",  # "có thêm 02 xã đạt chuẩn": that many more
                "": ">=",  # "có 10 tổ chức nghiên cứu": a figure promised is a floor
            }[word]
        )
        number_end = match.end("b") if match.group("b") else match.end("a")
        found.append((match.start(), number_end, comparator, a, b, "count"))
        taken.append(match.span())
    for match in _AMOUNT.finditer(clause):
        if not free(*match.span()):
            continue
        a, b = _number(match.group("a")), _number(match.group("b"))
        word = match.group("cmp").lower()
        comparator = "range" if b is not None else {"khoảng": "=", "trên": ">"}.get(word, ">=")
        found.append((match.start(), match.end(), comparator, a, b, "other"))
        measures[match.start()] = match.group("measure")
        taken.append(match.span())
    if any(unit == "%" for *_, unit in found):
        # "100% xã có trạm BTS (tối thiểu 1 trạm)": the count details the percentage.
        found = [f for f in found if f[5] != "count"]
    found.sort()
    targets = []
    pieces = _split_by_figures(clause, [(s, e) for s, e, *_ in found])
    for (start, end, comparator, a, b, unit), (piece_start, piece_end) in zip(
        found, pieces, strict=True
    ):
        piece = clause[piece_start:piece_end]
        lead = _LEAD.match(piece).end()
        if piece.startswith("và ", lead):  # "…, 80% hồ sơ cấp huyện và 70% hồ sơ cấp xã"
            lead += 3
        text = piece[lead:].rstrip(" ,;.")
        subject = _subject(clause, start, end)
        dated = _DUE_TAIL.sub("", subject)
        if dated != subject:
            # "GRDP … đến năm 2025 đạt …, đến năm 2030 đạt …": the year is the due, not the
            # subject; a figure named by its year alone measures what the one before it does.
            subject = dated or (targets[-1].subject if targets else "")
        ratio = measures.get(start, "")
        if "/" in ratio and (not subject or re.search(r"\d", subject)):
            subject = ratio.split("/")[0]  # "đạt 10 bác sĩ/10.000 dân": the doctors
        if unit == "rank" or not subject:
            subject = context or subject
        targets.append(
            Target(
                text=text,
                subject=subject,
                section=section,
                comparator=comparator,
                value=a,
                value_max=b,
                unit=unit,
                # "X đến năm 2025 đạt 17%, đến năm 2030 đạt 20%": each figure its own year.
                due=_due(piece, None) or _due(clause, default_due),
                span=[offset + piece_start + lead, offset + piece_end],
                measure=measures.get(start, "lần") if unit == "other" else None,
            )
        )
    return targets


def _split_by_figures(clause: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """With several figures in one clause, give each the comma-separated part around it."""
    if len(spans) <= 1:
        return [(0, len(clause))] * len(spans)
    cuts = [0]
    for (_, end_a), (start_b, _) in zip(spans, spans[1:], strict=False):
        between = clause[end_a:start_b]
        comma = max(between.rfind(","), between.rfind(" và "))
        cuts.append(end_a + comma + 1 if comma >= 0 else start_b)
    cuts.append(len(clause))
    return [(cuts[i], cuts[i + 1]) for i in range(len(spans))]


# "a) Mục tiêu 1: Phòng ngừa …" heads the targets under it: a label, not a target itself.
_AIM_LABEL = re.compile(r"^(?:mục tiêu|chỉ tiêu)\s+(?:\d+|[IVX]+)\s*:", re.I)
# "1. Mục tiêu chung", "1. Mục tiêu tổng quát": the aims in words, not targets.
_GENERAL_AIMS = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))?\s*mục tiêu\s+(?:chung|tổng quát|tổng thể)\b", re.I
)


def is_general_aims_heading(line: str) -> bool:
    return bool(_GENERAL_AIMS.match(line))


def drop_general_aims(
    found: list[Target], paragraphs: list[tuple[str, int]], in_general: list[bool]
) -> list[Target]:
    """An item with no figure under "Mục tiêu chung" states an aim, not a target; a figure
    there ("Phấn đấu đến năm 2030, GRDP tăng 8%") is still a target."""
    spans = _flagged_spans(paragraphs, in_general)
    return [t for t in found if t.value is not None or not _within(t, spans)]


def _flagged_spans(paragraphs: list[tuple[str, int]], flags: list[bool]) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph whose flag is set; one flag a paragraph."""
    return [
        (offset, offset + len(text))
        for (text, offset), flagged in zip(paragraphs, flags, strict=True)
        if flagged
    ]


def _within(target: Target, spans: list[tuple[int, int]]) -> bool:
    """The target starts inside one of the spans."""
    return any(start <= target.span[0] < end for start, end in spans)


_NOT_TARGET_HEADING = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*(?:Phạm vi|Đối tượng)", re.I
)
# "(Chi tiết tại Phụ lục II kèm theo)", "Chi tiết tại Phụ lục I.": a pointer, not a promise.
_CROSS_REFERENCE = re.compile(
    r"^\(?\s*(?:chi tiết|cụ thể|nội dung)?\s*(?:tại|theo|như)\s+(?:các\s+)?phụ lục[^()]{0,40}\)?\.?$",
    re.I,
)


_HEADING_LABEL = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|PHẦN\s+\S+|Phần\s+\S+)?\s*")


def is_target_heading(line: str) -> bool:
    """ "II. MỤC TIÊU", "2. Mục tiêu cụ thể", "3.2. Kết quả cần đạt", "1. Nhóm chỉ tiêu về …": the
    words open the heading (before any ":"); "1. Mục đích: Triển khai … các mục tiêu" is not."""
    if len(line) >= 160:
        return False
    head = line[_HEADING_LABEL.match(line).end() :].split(":", 1)[0]
    match = _TARGET_HEADINGS.search(head)
    return bool(match) and len(head[: match.start()].split()) <= 2


_AWARDS_HEADING = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))?\s*(?:các\s+)?(?:đối tượng|tiêu chuẩn|tiêu chí|"
    r"hình thức|khen thưởng|thang điểm|chấm điểm|điều kiện|cơ cấu|số lượng khen)",
    re.I,
)


_HEADING_DUE = re.compile(
    r"(?:đến|tới)\s+(?:hết\s+)?năm\s+(20\d\d)(?!\s*[-–])|^\S+\s+năm\s+(20\d\d)$", re.I
)


def heading_due(line: str) -> str | None:
    """ "1. Đến hết năm 2026", "a) Năm 2027": the year the targets under a heading are due."""
    if len(line) > 100:
        return None
    match = _HEADING_DUE.search(line)
    return (match.group(1) or match.group(2)) if match else None


def is_awards_heading(line: str) -> bool:
    """ "V. ĐỐI TƯỢNG, TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG", "8. Tiêu chí đánh giá": what a unit
    must reach to be considered for an award is a condition, not a target of the plan."""
    return bool(_AWARDS_HEADING.match(line)) and not is_target_heading(line)


def drop_award_figures(
    found: list[Target], paragraphs: list[tuple[str, int]], in_awards: list[bool]
) -> list[Target]:
    """Targets standing under an awards heading are dropped."""
    spans = _flagged_spans(paragraphs, in_awards)
    return [t for t in found if not _within(t, spans)]


def ends_target_section(line: str) -> bool:
    """A sub-heading "3. Phạm vi và đối tượng thi đua" under "MỤC TIÊU VÀ PHẠM VI, ĐỐI TƯỢNG"
    names who takes part, not what is promised."""
    return bool(_NOT_TARGET_HEADING.match(line))


def _item_not_heading(paragraph: str) -> bool:
    """A numbered paragraph that is a whole sentence ("2. Hạ tầng … được nâng cấp. Tiếp tục …")
    is an item of a list of targets, not a heading."""
    return len(paragraph) > 160 or bool(re.search(r"[.;]\s*$", paragraph) and len(paragraph) > 60)
