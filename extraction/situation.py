"""Parts of a plan that report the situation, not what is promised.

Many plans open with "Phần thứ nhất / THỰC TRẠNG …", "PHẦN I: THỰC TRẠNG …", "I. ĐẶC ĐIỂM TÌNH
HÌNH CHUNG" or "A. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN …": the figures there ("dân tộc thiểu số chiếm
66,22%", "có 7 huyện", "100% cơ sở khám chữa bệnh có mạng LAN") describe what is, so none of them
is a target. Such a part ends at the next part, or at a heading that names what the plan sets
out (MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP, TỔ CHỨC THỰC HIỆN …).
"""

import re

# "Phần thứ nhất", "PHẦN I:", "Phần 2.", "A. ĐÁNH GIÁ …": a part of the plan, its title on the
# same line or the next.
_PART = re.compile(
    r"^(?:(?:PHẦN|Phần)\s+(?:thứ\s+\w+|THỨ\s+\w+|[IVXLC]+|\d+)|[A-D](?=\.))\s*[.:\-–]?\s*"
    r"(?P<title>.*)$"
)
_SECTION = re.compile(r"^[IVXLC]+\s*[.:\-–)]\s*(?P<title>\S.*)$")
_SITUATION = re.compile(
    r"^(?:THỰC TRẠNG|ĐẶC ĐIỂM(?:,)? TÌNH HÌNH|TÌNH HÌNH (?:CHUNG|THỰC HIỆN|TRIỂN KHAI)|"
    r"KẾT QUẢ (?:THỰC HIỆN|TRIỂN KHAI|ĐẠT ĐƯỢC)|ĐÁNH GIÁ (?:KẾT QUẢ|TÌNH HÌNH|THỰC TRẠNG|CHUNG)|"
    r"SƠ KẾT|TỔNG KẾT|HIỆN TRẠNG)"
)
_PLAN = re.compile(
    r"^(?:MỤC TIÊU|MỤC ĐÍCH|QUAN ĐIỂM|NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|NỘI DUNG|KẾ HOẠCH|"
    r"PHƯƠNG HƯỚNG|KINH PHÍ|CHỈ TIÊU|KẾT QUẢ CẦN ĐẠT|ĐỊNH HƯỚNG)"
)


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def situation_flags(lines: list[str]) -> list[bool]:
    """For each line (paragraph) of a plan's body, whether it stands in a part that reports the
    situation. Only headings in capitals open or close such a part: a sentence-case "3. Kết quả
    đạt được" under MỤC TIÊU is a list of results to reach."""
    flags = []
    in_part = in_section = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        part = _PART.match(stripped)
        section = _SECTION.match(stripped)
        if part and len(stripped) <= 160:
            title = part.group("title").strip()
            if not title and index + 1 < len(lines):
                title = lines[index + 1].strip()  # "Phần thứ nhất" / "THỰC TRẠNG …"
            in_part = in_section = _capitals(title) and bool(_SITUATION.match(title))
        elif section and len(stripped) <= 160 and _capitals(section.group("title")):
            title = section.group("title")
            in_section = bool(_SITUATION.match(title)) or (in_part and not _PLAN.match(title))
        elif len(stripped) <= 160 and _capitals(stripped):
            if _SITUATION.match(stripped):
                in_section = True  # "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2025", no label
            elif _PLAN.match(stripped):
                in_part = in_section = False
        flags.append(in_section)
    return flags
