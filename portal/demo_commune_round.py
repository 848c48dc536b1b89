"""Demo: xã Thống Nhất's own registration round of the year (issue #14, Demo).

The commune's coordinator (xa) opens the yearly registration under the commune's plan: in 2026
early in August with a deadline of 17/08/2026 (the plan is dated 07/2026), in the later years
of the movement early in February with a deadline of 16/02, once the commune itself has
registered for the year (portal/demo_reports.py, in January). The round shown is the last one
over by the day the demo is loaded (issue #10 §2: nothing after now), so it reads the same on
any day: its villages and offices register (one approved after the deadline, one returned, one
never registered), the cooperatives and enterprises their participation plans, households their
commitments (seed 002 §V.1c) and the commune's officers and village heads the titles they aim
for (one returned). Every step goes through the services a person uses, at its own moment
(portal.clock). Choices of the demo.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from org.models import Enterprise, Household, OrgUnit, Person
from org.scope import user_scope
from plans.models import Plan
from portal.clock import clock_at
from portal.demo_yearly_round import YearlyRound, register_unit
from registrations import services, subjects
from registrations.models import RegistrationRound
from registrations.selectors import round_units
from registrations.titles import individual_titles

# Opened early in August 2026 (the plan is dated 07/2026), later early in February; the late
# approval comes two days after the deadline.
CALENDAR = YearlyRound(
    first_year=((8, 3), (8, 17)),
    later_years=((2, 2), (2, 16)),
    late_approval=datetime.timedelta(days=2),
    returned_after=datetime.timedelta(days=1),
    minute=20,
    return_reason="Bổ sung mô hình chuyển đổi số của thôn (ít nhất 01 mô hình).",
)
# By the position, in tree order, of the units with a reporter and a head account (the four
# villages; the commune's offices have none and show as not registered); the others are
# approved on time.
FATES = {1: "approved_late", 2: "returned", 3: "missing"}
PERSON_RETURN_REASON = "Bổ sung sáng kiến được công nhận để đăng ký Chiến sĩ thi đua cơ sở."
COMMITMENTS = {
    Household.Kind.HOUSEHOLD: "Gia đình văn hóa; 100% thành viên dùng dịch vụ công trực tuyến.",
    Household.Kind.FARMER: "Sản xuất, kinh doanh giỏi; bán nông sản qua sàn thương mại điện tử.",
    Household.Kind.WORKER: "Hoàn thành tốt công việc; tham gia tổ công nghệ số cộng đồng.",
}
ENTERPRISE_PLAN = (
    "Xây dựng kế hoạch tham gia phong trào năm {year}: số hóa sổ sách, truy xuất nguồn gốc "
    "sản phẩm bằng mã QR, thanh toán không dùng tiền mặt."
)


def load_commune_round(*, now: datetime.datetime) -> RegistrationRound | None:
    commune = OrgUnit.objects.filter(code="LSN-XTN").first()
    plan = (
        Plan.objects.filter(issuer=commune, targets__isnull=False)
        .exclude(status=Plan.Status.PLACEHOLDER)
        .first()
    )
    year = CALENDAR.year_shown(timezone.localdate(now))
    if plan is None or RegistrationRound.objects.filter(plan=plan, year=year).exists():
        return None
    User = get_user_model()
    coordinator = User.objects.get(username="xa")
    head = User.objects.get(username="thutruong")
    opened, deadline = CALENDAR.dates(year)
    with clock_at(CALENDAR.moment(opened, 9, now)):
        round_ = services.round_open(
            scope=user_scope(coordinator), user=coordinator, plan=plan, year=year,
            deadline=deadline,
        )  # fmt: skip
    usernames = set(User.objects.values_list("username", flat=True))
    units = [
        unit
        for unit in round_units(round_, timezone.localdate(now)).order_by("path")
        if {f"bc.{unit.code.lower()}", f"tt.{unit.code.lower()}"} <= usernames
    ]
    for index, unit in enumerate(units):
        _register_unit(round_, unit, index, FATES.get(index, "approved"), coordinator, now)
    _register_subjects(round_, commune, coordinator, head, now)
    return round_


def _register_unit(round_, unit, index, fate, coordinator, now) -> None:
    User = get_user_model()
    reporter = User.objects.filter(username=f"bc.{unit.code.lower()}").first()
    unit_head = User.objects.filter(username=f"tt.{unit.code.lower()}").first()
    if reporter is None or unit_head is None:
        return
    register_unit(
        CALENDAR,
        round_,
        unit,
        fate=fate,
        opened=CALENDAR.dates(round_.year)[0] + datetime.timedelta(days=1 + index % 5),
        initiative={
            "title": f"Tổ công nghệ số cộng đồng của {unit.name}",
            "field": "cds",
            "expected_result": "Mỗi hộ có ít nhất 01 người dùng dịch vụ công trực tuyến",
        },
        reporter=reporter,
        head=unit_head,
        coordinator=coordinator,
        now=now,
    )


def _register_subjects(round_, commune, coordinator, head, now) -> None:
    """Cooperatives and enterprises, households and people of the commune, each recorded then
    decided a day or two later."""
    under = {"unit__path__startswith": commune.path}
    opened, _deadline = CALENDAR.dates(round_.year)
    recorded = opened + datetime.timedelta(days=4)
    decided = opened + datetime.timedelta(days=6)
    xa = user_scope(coordinator)
    titles = dict(individual_titles())
    done = []
    with clock_at(CALENDAR.moment(recorded, 9, now)):
        for enterprise in Enterprise.objects.filter(**under).order_by("pk"):
            done.append(
                subjects.subject_register(
                    scope=xa,
                    user=coordinator,
                    round_=round_,
                    enterprise=enterprise,
                    participation_plan=ENTERPRISE_PLAN.format(year=round_.year),
                    commitments=f"{enterprise.name}: doanh thu bán hàng trực tuyến đạt 20%.",
                )  # fmt: skip
            )
        for household in Household.objects.filter(**under).order_by("pk"):
            done.append(
                subjects.subject_register(
                    scope=xa,
                    user=coordinator,
                    round_=round_,
                    household=household,
                    commitments=COMMITMENTS[household.kind],
                )  # fmt: skip
            )
        people = list(Person.objects.filter(**under).order_by("pk"))
        for n, person in enumerate(people):
            chosen = ["lao-dong-tien-tien"]
            if n % 3 == 0:
                chosen.append("chien-si-thi-dua-co-so")
            chosen = [code for code in chosen if code in titles]
            if not chosen:
                continue
            done.append(
                subjects.subject_register(
                    scope=xa,
                    user=coordinator,
                    round_=round_,
                    person=person,
                    commitments="Hoàn thành tốt nhiệm vụ; có ít nhất 01 sáng kiến, giải pháp.",
                    titles=chosen,
                )  # fmt: skip
            )
    # The last household's and the last person's wait for a decision; the third person's
    # registration for Chiến sĩ thi đua cơ sở is returned.
    waiting = {
        [r for r in done if r.household_id][-1].pk if any(r.household_id for r in done) else 0,
        [r for r in done if r.person_id][-1].pk if any(r.person_id for r in done) else 0,
    }
    people_done = [r for r in done if r.person_id]
    returned = people_done[3].pk if len(people_done) > 3 else 0
    with clock_at(CALENDAR.moment(decided, 15, now)):
        for registration in done:
            if registration.pk in waiting:
                continue
            decider = head if registration.person_id else coordinator
            subjects.subject_decide(
                scope=user_scope(decider), user=decider, registration=registration,
                approve=registration.pk != returned,
                reason=PERSON_RETURN_REASON if registration.pk == returned else "",
            )  # fmt: skip
