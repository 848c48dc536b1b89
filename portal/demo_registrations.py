"""Demo: Lào Cai's registration round of the year (issue #14 item 1).

The coordinator (tinh) opens the yearly registration under the province's plan: in 2026 early in
June with a deadline of 15/07/2026 (the plan was issued on 29/05/2026), in the later years of
the movement early in January with a deadline of 15/02, as units register their aims at the
start of a year. The round shown is the last one over by the day the demo is loaded (issue #10
§2: nothing after now): 2026's from 21/08/2026, 2027's from 23/02/2027. The units of the
province's emulation blocks register through the same services a person uses, each step at its
own moment (portal.clock), and the round reads the same on any day: most units approved on
time, one approved after the deadline, one waiting for its head, one returned by the
coordinator, one still in draft and two that never registered.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from org.models import OrgUnit, Role
from plans.models import Plan
from portal.clock import clock_at
from portal.demo_yearly_round import SUPER, YearlyRound, register_unit
from registrations import services
from registrations.models import RegistrationRound
from registrations.selectors import round_units

# Opened in early June 2026 (the plan was issued on 29/05/2026), later early in January; the late
# approval comes a week after the deadline.
CALENDAR = YearlyRound(
    first_year=((6, 3), (7, 15)),
    later_years=((1, 5), (2, 15)),
    late_approval=datetime.timedelta(days=7),
    returned_after=datetime.timedelta(days=2),
    minute=10,
    return_reason="Chưa đăng ký mô hình chuyển đổi xanh; đề nghị bổ sung ít nhất 01 mô hình "
    "trong lĩnh vực này.",
)

# What each unit of the blocks did, by its position in the round (block order, then tree
# order); every unit not named here registered and was approved on time. Choices of the demo.
FATES = {
    2: "approved_late",
    5: "returned",
    8: "submitted",
    11: "draft",
    14: "missing",
    17: "missing",
}

INITIATIVES = [
    ("cds", "Số hóa hồ sơ, thủ tục hành chính của {unit}", "100% hồ sơ được số hóa"),
    ("cdx", "Cơ quan xanh: giảm rác thải nhựa tại {unit}", "Không dùng đồ nhựa một lần"),
    (
        "dmst",
        "Sáng kiến cải tiến quy trình tiếp nhận, xử lý văn bản của {unit}",
        "Giảm 20% thời gian",
    ),
    ("khcn", "Ứng dụng bản đồ số trong quản lý địa bàn của {unit}", "Bản đồ số dùng chung"),
]


def _people(unit: OrgUnit):
    """The unit's reporter and head (demo accounts bc.<code>, tt.<code>, made with its
    reports' schedule)."""
    User = get_user_model()
    found = {}
    for role, prefix in ((Role.REPORTER, "bc"), (Role.HEAD, "tt")):
        found[role] = User.objects.filter(
            username=f"{prefix}.{unit.code.lower()}", role_assignments__unit=unit
        ).first()
    return found


def load_registration_round(*, now: datetime.datetime) -> RegistrationRound | None:
    """Lào Cai's round of the year (CALENDAR.year_shown) and its units' registrations; None when
    already loaded or when the province's plan has no reporting schedule (the reports' demo was
    not loaded)."""
    province = OrgUnit.objects.get(code="LCI")
    plan = Plan.objects.filter(issuer=province, schedules__isnull=False).first()
    year = CALENDAR.year_shown(timezone.localdate(now))
    if plan is None or RegistrationRound.objects.filter(plan=plan, year=year).exists():
        return None
    coordinator = get_user_model().objects.get(username="tinh")
    opened, deadline = CALENDAR.dates(year)
    with clock_at(CALENDAR.moment(opened, 9, now)):
        round_ = services.round_open(
            scope=SUPER, user=coordinator, plan=plan, year=year, deadline=deadline
        )
    units = list(
        round_units(round_, timezone.localdate(now))
        .select_related("block")
        .order_by("block__order", "block__name", "path")
    )
    for index, unit in enumerate(units):
        people = _people(unit)
        if people[Role.REPORTER] is None or people[Role.HEAD] is None:
            continue
        _register(round_, unit, index, FATES.get(index, "approved"), people, coordinator, now)
    return round_


def _register(round_, unit, index, fate, people, coordinator, now) -> None:
    round_opened, deadline = CALENDAR.dates(round_.year)
    # Spread over the round: a unit opens its registration some days after the round opened.
    opened = round_opened + datetime.timedelta(days=3 + index % 12)
    if fate in ("approved_late", "submitted", "draft"):
        opened = deadline - datetime.timedelta(days=5)
    field, title, effect = INITIATIVES[index % len(INITIATIVES)]
    register_unit(
        CALENDAR,
        round_,
        unit,
        fate=fate,
        opened=opened,
        initiative={
            "title": title.format(unit=unit.name),
            "field": field,
            "expected_result": effect,
        },
        reporter=people[Role.REPORTER],
        head=people[Role.HEAD],
        coordinator=coordinator,
        now=now,
    )
