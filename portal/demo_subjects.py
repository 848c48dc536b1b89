"""Demo: the history of Lào Cai's blocks (one commune moved mid-2026), and xã Thống Nhất's people,
households and enterprises, entered by the commune's coordinator (xa) through the services.

Names are made up but read like the Tày and Nùng names of Lạng Sơn; no tax code is given, so none
can be a real company's. Idempotent: a second run adds nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from org.models import BlockMembership, EmulationBlock, Enterprise, Household, OrgUnit, Person
from org.scope import user_scope
from org.services import block_membership_move, enterprise_save, household_save
from portal.clock import clock_at

# The province's coordinator moves Mường Khương into the block of the border communes from
# 01/07/2026, the first day of the second half of the year; recorded that morning.
MOVED_UNIT = "LCI-XMK"
MOVED_TO = "K07"
MOVED_FROM_DAY = datetime.date(2026, 7, 1)
MOVE_REASON = (
    "Sắp xếp lại khối thi đua: các xã biên giới (Mường Khương, Si Ma Cai) thi đua cùng một "
    "khối từ 6 tháng cuối năm 2026 (dữ liệu mẫu)."
)

PEOPLE = [
    # unit code, full name, position, gender
    ("LSN-XTN", "Lăng Văn Sơn", "Phó Chủ tịch UBND xã", "M"),
    ("LSN-XTN-VHXH", "Hoàng Thị Thảo", "Công chức Văn hóa - Xã hội", "F"),
    ("LSN-XTN-KT", "Nông Văn Tuấn", "Công chức Kinh tế", "M"),
    ("LSN-XTN-T1", "Vy Văn Dũng", "Trưởng thôn Bản Pẻn", "M"),
    ("LSN-XTN-T2", "Lộc Thị Hằng", "Trưởng thôn Nà Lừa", "F"),
    ("LSN-XTN-T3", "Hà Thị Nhung", "Tổ trưởng tổ công nghệ số cộng đồng thôn Khòn Chu", "F"),
    ("LSN-XTN-T4", "Chu Văn Lâm", "Trưởng thôn Pò Mã", "M"),
]

HOUSEHOLDS = [
    # unit code, kind, head of household, address, members
    ("LSN-XTN-T1", Household.Kind.HOUSEHOLD, "Hoàng Văn Thào", "Thôn Bản Pẻn", 5),
    ("LSN-XTN-T1", Household.Kind.FARMER, "Nông Thị Hiền", "Thôn Bản Pẻn", 4),
    ("LSN-XTN-T2", Household.Kind.FARMER, "Lý Thị Duyên", "Thôn Nà Lừa", 4),
    ("LSN-XTN-T3", Household.Kind.HOUSEHOLD, "Vi Văn Khánh", "Thôn Khòn Chu", 6),
    ("LSN-XTN-T4", Household.Kind.WORKER, "Lộc Văn Sáng", "Thôn Pò Mã", None),
    ("LSN-XTN", Household.Kind.HOUSEHOLD, "Triệu Thị Mai", "Trung tâm xã Thống Nhất", 3),
]

ENTERPRISES = [
    # unit code, kind, name, representative, address
    (
        "LSN-XTN",
        Enterprise.Kind.COOPERATIVE,
        "Hợp tác xã Nông nghiệp Thống Nhất",
        "Hoàng Văn Bình",
        "Thôn Bản Pẻn, xã Thống Nhất",
    ),
    (
        "LSN-XTN-T3",
        Enterprise.Kind.COOPERATIVE,
        "Hợp tác xã Chè Khòn Chu",
        "Vi Thị Hương",
        "Thôn Khòn Chu, xã Thống Nhất",
    ),
    (
        "LSN-XTN",
        Enterprise.Kind.ENTERPRISE,
        "Công ty TNHH Chế biến Nông sản Thống Nhất",
        "Lương Văn Toàn",
        "Trung tâm xã Thống Nhất",
    ),
    (
        "LSN-XTN-T2",
        Enterprise.Kind.BUSINESS,
        "Cơ sở sản xuất miến dong Nà Lừa",
        "Lộc Văn Hải",
        "Thôn Nà Lừa, xã Thống Nhất",
    ),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))


def load_block_history(now: datetime.datetime) -> None:
    """Mường Khương moves from its block to the border communes' block from 01/07/2026."""
    unit = OrgUnit.objects.get(code=MOVED_UNIT)
    if BlockMembership.objects.filter(unit=unit, valid_from__isnull=False).exists():
        return
    coordinator = get_user_model().objects.get(username="tinh")
    block = EmulationBlock.objects.get(province__code="LCI", code=MOVED_TO)
    with clock_at(min(now, _at(MOVED_FROM_DAY, 8))):
        block_membership_move(
            scope=user_scope(coordinator),
            user=coordinator,
            unit=unit,
            block=block,
            valid_from=MOVED_FROM_DAY,
            reason=MOVE_REASON,
        )


def load_commune_subjects(now: datetime.datetime) -> None:
    """xã Thống Nhất's officers and village heads, households and enterprises."""
    units = {u.code: u for u in OrgUnit.objects.filter(code__startswith="LSN-XTN")}
    coordinator = get_user_model().objects.get(username="xa")
    scope = user_scope(coordinator)
    with clock_at(now):
        for code, name, position, gender in PEOPLE:
            Person.objects.get_or_create(
                unit=units[code], full_name=name, defaults={"position": position, "gender": gender}
            )
        for code, kind, head, address, members in HOUSEHOLDS:
            if not Household.objects.filter(unit=units[code], head_name=head).exists():
                household_save(
                    scope=scope,
                    user=coordinator,
                    unit=units[code],
                    kind=kind,
                    head_name=head,
                    address=address,
                    members_count=members,
                )
        for code, kind, name, representative, address in ENTERPRISES:
            if not Enterprise.objects.filter(unit=units[code], name=name).exists():
                enterprise_save(
                    scope=scope,
                    user=coordinator,
                    unit=units[code],
                    kind=kind,
                    name=name,
                    representative=representative,
                    address=address,
                )
