"""Names of units as plans list them: where a list of units splits, and where it does not.

A list "Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch và các địa phương" splits at
commas and at "và", except inside a unit's own name. The standard names of provincial
departments and ministries after the 2025 reorganisation (and the older ones plans still cite)
hold commas and "và"; they are kept whole. Otherwise "và" separates two units only when the words
after it begin a unit name ("Sở …", "Ủy ban …", "các xã", an acronym such as "VNPT").
"""

import re

# Names that contain "và" or a comma; matched case-insensitively, a following "tỉnh"/"thành phố"
# stays with them.
STANDARD_NAMES = [
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hoá, Thể thao và Du lịch",
    "Sở Giáo dục và Đào tạo",
    "Sở Dân tộc và Tôn giáo",
    "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Nông nghiệp và PTNT",
    "Sở Lao động - Thương binh và Xã hội",
    "Báo và Phát thanh, Truyền hình",
    "Đài Phát thanh và Truyền hình",
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
    "Văn phòng Đoàn ĐBQH và HĐND",
    "Văn phòng HĐND và UBND",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Phòng Văn hóa, Khoa học và Thông tin",
    "Phòng Văn hóa - Xã hội",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Bộ Khoa học và Công nghệ",
    "Bộ Nông nghiệp và Môi trường",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Dân tộc và Tôn giáo",
    "Bộ Thông tin và Truyền thông",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Nông nghiệp và PTNT",
    "Bộ Lao động - Thương binh và Xã hội",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Hội Liên hiệp Phụ nữ",
    "Liên minh Hợp tác xã",
    "Trung tâm Phục vụ hành chính công",
    # the public centre of a Sở Khoa học và Công nghệ
    "Trung tâm Nghiên cứu, Ứng dụng và Dịch vụ khoa học và công nghệ",
    "Trung tâm Nghiên cứu, Ứng dụng và Dịch vụ KH&CN",
    "Trung tâm Văn hóa, Thể thao và Truyền thông",
    "Trung tâm Văn hóa - Thông tin và Thể thao",
]
# Words that begin the name of a unit (or a group of units).
_UNIT_START = re.compile(
    r"^(?:Sở|Bộ|Ban|Phòng|UBND|Ủy ban|Uỷ ban|Văn phòng|Trung tâm|Công an|Báo|Đài|Hội|Liên đoàn|"
    r"Liên minh|Tỉnh đoàn|Thành đoàn|Đoàn|Mặt trận|Thanh tra|Kho bạc|Cục|Chi cục|Tổng cục|Viện|"
    r"Trường|Bệnh viện|Quỹ|Ngân hàng|Chi nhánh|Bảo hiểm|Tòa án|Viện kiểm sát|Bộ Chỉ huy|"
    r"Công chức|Đảng ủy|Đảng bộ|Hội đồng|HĐND|Cơ quan|Đơn vị|Tổ|Bưu điện|Doanh nghiệp|"
    r"Hợp tác xã|Người đứng đầu|Thủ trưởng|Chủ tịch|Lãnh đạo|các|Các|những|Những|mỗi|Mỗi|"
    r"một số|Một số)\b"
    r"|^[A-ZĐ]{2,}[A-ZĐ0-9&-]*\b"
)
_GUARD_AND = "\x00"
_GUARD_COMMA = "\x01"
_STANDARD = re.compile(
    "|".join(re.escape(name) for name in sorted(set(STANDARD_NAMES), key=len, reverse=True)),
    re.I,
)


def protect(text: str) -> str:
    """Hide the commas and "và" inside standard names so that a list splits around them."""
    return _STANDARD.sub(
        lambda m: m.group(0).replace(" và ", f" {_GUARD_AND} ").replace(",", _GUARD_COMMA),
        text,
    )


def restore(text: str) -> str:
    return text.replace(f" {_GUARD_AND} ", " và ").replace(_GUARD_COMMA, ",")


def split_at_and(name: str) -> list[str]:
    """ "Văn phòng và Trung tâm Quản lý cửa khẩu" -> two units; "Các bộ, ngành và địa phương"
    and "Sở Khoa học và Công nghệ" stay one."""
    parts = re.split(r"\s+và\s+", name)
    out = [parts[0]]
    for part in parts[1:]:
        if _UNIT_START.match(part):
            out.append(part)
        else:
            out[-1] = f"{out[-1]} và {part}"
    return out


_KIND_LIST = re.compile(r"^(?:[Cc]ác\s+)?(?P<kind>Bộ|Sở|Ban|Phòng)\s*:\s*(?P<rest>\S.*)$")


def expand_kind_list(text: str) -> str:
    """ "Các Bộ: Quốc phòng, Xây dựng, Nông nghiệp và PTNT và các đơn vị liên quan" -> "Bộ Quốc
    phòng, Bộ Xây dựng, Bộ Nông nghiệp và PTNT và các đơn vị liên quan": a list of units of one
    kind named after a colon, each its own unit."""
    match = _KIND_LIST.match(text)
    if not match:
        return text
    kind = match.group("kind")
    items = [item.strip() for item in match.group("rest").split(",")]
    return ", ".join(
        f"{kind} {item}" if item[:1].isupper() and not _UNIT_START.match(item) else item
        for item in items
        if item
    )
