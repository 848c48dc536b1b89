"""Demo of an đột xuất (ad hoc) award round of Lào Cai caught in the middle (issue #15): the
province opened it five days before the demo is loaded, for the units that led the response to
the year's floods, with a deadline 75 days after that day — so it is not closed, and the daily
job leaves it be. Its first three nominations were proposed, checked and published for a day of
comments; the council of seven met yesterday and is voting by secret ballot: four members have
voted, the chair (user `hoidong`) has not, so their home page shows the ballot to cast.

Every step goes through the services a person uses, at its own moment (portal.clock), all of
them before the moment the demo is loaded. The event and the achievements are made up.
Idempotent: skipped when the round exists."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import AwardForm, AwardKind
from council import services as council_services
from council.access import SessionAccess
from council.models import CouncilSession
from nominations import rounds, services
from nominations.access import RoundAccess
from nominations.models import AwardRound
from org.models import OrgUnit
from org.scope import user_scope
from portal.clock import clock_at
from portal.demo_nominations import COUNCIL, council_members

DEADLINE_DAYS = 75  # after the day the demo is loaded
VOTED = 4  # of the seven members; the chair (the first, `hoidong`) is not among them
SESSION_TITLE = "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng đột xuất"
# The units proposed, with what they did (made up).
SUBJECTS = [
    (
        "LCI-XBX",
        "Chủ động sơ tán 312 hộ dân khỏi vùng nguy cơ sạt lở trước khi lũ quét xảy ra, không để "
        "thiệt hại về người; khôi phục giao thông liên thôn sau 48 giờ.",
    ),
    (
        "LCI-XMK",
        "Huy động lực lượng tại chỗ khắc phục 14 điểm sạt lở, hỗ trợ 86 hộ bị thiệt hại nhà "
        "cửa ổn định chỗ ở trong 10 ngày.",
    ),
    (
        "LCI-SNNMT",
        "Cảnh báo sớm mưa lũ qua hệ thống nhắn tin đến 100 % xã vùng trọng điểm; cấp giống cây "
        "trồng vụ đông cho 1.200 hộ bị mất trắng.",
    ),
]


def round_name(year: int) -> str:
    return (
        "Khen thưởng đột xuất các tập thể có thành tích xuất sắc trong ứng phó, khắc phục hậu "
        f"quả mưa lũ năm {year}"
    )


def load_adhoc_round(*, now: datetime.datetime) -> AwardRound | None:
    province = OrgUnit.objects.filter(code="LCI").first()
    today = timezone.localdate(now)
    name = round_name(today.year)
    if province is None or AwardRound.objects.filter(unit=province, name=name).exists():
        return None
    User = get_user_model()
    office = User.objects.get(username="tinh")
    merit = AwardForm.objects.get(code="bang-khen-chu-tich-tinh")
    day = datetime.timedelta(days=1)
    hour = datetime.timedelta(hours=1)
    with clock_at(now - 5 * day):
        award_round = rounds.round_create(
            scope=user_scope(office),
            unit=province,
            kind=AwardRound.Kind.AD_HOC,
            award_kind=AwardKind.objects.get(code="dot-xuat"),
            year=today.year,
            name=name,
            deadline=today + datetime.timedelta(days=DEADLINE_DAYS),
            user=office,
        )
    office_access = RoundAccess(user_scope(office), award_round)

    def proposer(unit: OrgUnit):
        return User.objects.filter(username=f"tt.{unit.code.lower()}").first() or office

    nominations = []
    for index, (code, achievements) in enumerate(SUBJECTS):
        unit = OrgUnit.objects.get(code=code)
        user = proposer(unit)
        access = RoundAccess(user_scope(user), award_round)
        with clock_at(now - 5 * day + (2 + index) * hour):
            nomination = services.nomination_create(
                access=access, form=merit, subject=unit, user=user, achievements=achievements
            )
        with clock_at(now - 4 * day + index * hour):
            services.nomination_submit(access=access, nomination=nomination, user=user)
        with clock_at(now - 3 * day + index * hour):
            services.nomination_check(access=office_access, nomination=nomination, user=office)
        nominations.append(nomination)
    with clock_at(now - 2 * day):
        services.round_publish(access=office_access, days=1, user=office, until=now - day)
    with clock_at(now - day + hour):
        members = council_members(province)
        session = council_services.session_create(
            access=RoundAccess(user_scope(office), AwardRound.objects.get(pk=award_round.pk)),
            title=SESSION_TITLE,
            held_on=timezone.localdate(now - day + hour),
            place="Phòng họp số 1, UBND tỉnh Lào Cai",
            members=[(p, spec[2], spec[3]) for p, spec in zip(members, COUNCIL, strict=True)],
            user=office,
        )
        council_services.session_open(
            access=SessionAccess(user_scope(office), session),
            present=list(session.members.values_list("pk", flat=True)),
            user=office,
        )
    items = list(session.items.order_by("order").values_list("pk", flat=True))
    for index, person in enumerate(members[1 : 1 + VOTED]):
        with clock_at(now - day + (2 + index) * hour):
            council_services.ballot_cast(
                access=SessionAccess(
                    user_scope(person.user), CouncilSession.objects.get(pk=session.pk)
                ),
                choices={item: "agree" for item in items},
            )
    return award_round
