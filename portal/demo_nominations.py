"""Demo of Lào Cai's 2026 year-end award round, done end to end, and its 2027 sơ kết round, open
for nominations until its deadline and closed by the daily job after it (issue #15).

Every step happens on the day a real office would take it, in January 2027 (YEAR_END_STEPS), or,
when the demo is loaded before that day, between the freeze of the 2026 ranking
(portal/demo_evaluation.py) and the moment of the load; each at its own moment (portal.clock),
never after the load, in order: the heads of the units leading their blocks propose them for the
Cờ thi đua, the runners-up of three blocks and an officer of Sở Khoa học và Công nghệ for a
Bằng khen; Sở Nội vụ checks the dossiers (one is
returned and corrected), publishes the list, two comments come in, the period closes; the
council of seven meets and votes by secret ballot (one flag falls short of 80 %); the decision
is issued and its awardees enter the registry.
When the demo is loaded on the day of the freeze the steps are minutes apart. Decision numbers
and members' names are made up. Idempotent: skipped when the round exists."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import AwardForm, AwardKind
from council import services as council_services
from council.access import SessionAccess
from council.models import CouncilSession
from decisions import services as decision_services
from evaluation.models import EvaluationScheme, RankingEntry, RankingVersion
from nominations import rounds, services
from nominations.access import RoundAccess
from nominations.models import AwardRound, Nomination
from nominations.tasks import close_expired_rounds
from org.models import OrgUnit, Person, Role, RoleAssignment
from org.scope import user_scope
from portal.clock import clock_at, moment_by

ROUND_NAME = "Khen thưởng tổng kết năm 2026 phong trào thi đua đổi mới sáng tạo, chuyển đổi số"
NEXT_ROUND_NAME = "Khen thưởng sơ kết năm 2027 phong trào thi đua đổi mới sáng tạo, chuyển đổi số"
NEXT_DEADLINE = datetime.date(2027, 11, 30)
DECISION_NUMBER = "35/QĐ-UBND"
PERSON_UNIT = "LCI-SKHCN"  # the individual nominated in the 2026 round works there
SIGNER = "Hoàng Quốc Khánh"
SIGNER_TITLE = "KT. CHỦ TỊCH — PHÓ CHỦ TỊCH"
# username, name, position in the council, chair
COUNCIL = [
    ("hoidong", "Hoàng Quốc Khánh", "Chủ tịch Hội đồng, Phó Chủ tịch UBND tỉnh", True),
    ("hd.snv", "Lê Minh Tuấn", "Phó Chủ tịch Thường trực, Giám đốc Sở Nội vụ", False),
    ("hd.skhcn", "Phạm Thị Lan", "Ủy viên, Giám đốc Sở Khoa học và Công nghệ", False),
    ("hd.stc", "Vũ Đức Long", "Ủy viên, Giám đốc Sở Tài chính", False),
    ("hd.mttq", "Nông Thị Hoa", "Ủy viên, Phó Chủ tịch Ủy ban MTTQ tỉnh", False),
    ("hd.ldld", "Đặng Văn Sơn", "Ủy viên, Chủ tịch Liên đoàn Lao động tỉnh", False),
    ("hd.vp", "Trịnh Thu Trang", "Ủy viên, Chánh Văn phòng UBND tỉnh", False),
]
COMMENTS = [
    (
        "Nguyễn Văn Hùng",
        "",
        "Đơn vị triển khai dịch vụ công trực tuyến rất tốt, người dân hài lòng.",
    ),
    ("", "", "Đề nghị làm rõ số liệu chỉ tiêu chuyển đổi số năm 2026 của đơn vị."),
]


def council_members(province: OrgUnit) -> list[Person]:
    from portal.demo import DEMO_PASSWORD

    User = get_user_model()
    people = []
    for username, name, position, _chair in COUNCIL:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.first_name = name
            user.email = f"{username}@demo.thiduaso.local"
            user.set_password(DEMO_PASSWORD)
            user.date_joined = timezone.now()
            user.save()
        RoleAssignment.objects.get_or_create(user=user, unit=province, role=Role.COUNCIL)
        person, _ = Person.objects.get_or_create(
            user=user, defaults={"full_name": name, "unit": province, "position": position}
        )
        people.append(person)
    return people


# The days and hours a real office takes the 2026 year-end round through, once the ranking is
# frozen on 01/01/2027: the round opens on the first working day, the units propose in that
# week, Sở Nội vụ checks on the 12th (the returned dossier comes back on the 13th and is checked
# on the 14th), publishes the list for a week from the 15th, the council meets on the 26th and
# the decision is issued on the 29th, before Tết — as the yearly rounds of 2023–2025 were
# decided in January of the following year (portal/demo_awards.ROUND_DAY).
YEAR_END_STEPS = [
    (datetime.date(2027, 1, 4), 8, 0),  # the round is opened
    (datetime.date(2027, 1, 6), 9, 0),  # the units propose
    (datetime.date(2027, 1, 8), 15, 0),  # and send their dossiers
    (datetime.date(2027, 1, 12), 9, 0),  # checked (one returned); the deadline
    (datetime.date(2027, 1, 15), 9, 0),  # published for comment
    (datetime.date(2027, 1, 18), 9, 0),  # comments come in
    (datetime.date(2027, 1, 26), 9, 0),  # the council meets (comments closed on the 22nd)
    (datetime.date(2027, 1, 26), 10, 30),  # and votes
    (datetime.date(2027, 1, 26), 11, 30),  # the session is closed
    (datetime.date(2027, 1, 29), 15, 0),  # the decision is issued
]


def _moments(start: datetime.datetime, now: datetime.datetime, count: int):
    """`count` moments in order from `start` to `now` (equal when there is no time between)."""
    span = max(now - start, datetime.timedelta(0))
    return [start + span * (i + 1) / (count + 1) for i in range(count)]


def _year_end_moments(frozen: datetime.datetime, now: datetime.datetime):
    """The moments of the round's steps (YEAR_END_STEPS) and of the opening of the next round:
    each step at its day, or earlier where the demo is loaded before that day — then the steps
    fall in order between the freeze and now, as they would for a round done in a hurry. The
    element-wise minimum of two increasing sequences increases, so the steps stay in order."""
    spread = _moments(frozen, now, len(YEAR_END_STEPS) + 1)
    steps = [
        min(moment_by(day, hour, now, minute=minute), even)
        for (day, hour, minute), even in zip(YEAR_END_STEPS, spread, strict=False)
    ]
    return [*steps, spread[-1]]


def load_nominations(*, now: datetime.datetime) -> None:
    province = OrgUnit.objects.filter(code="LCI").first()
    scheme = EvaluationScheme.objects.filter(issuer=province, year=2026).first()
    version = (
        RankingVersion.objects.filter(scheme=scheme).order_by("-number").first() if scheme else None
    )
    if version is None or AwardRound.objects.filter(unit=province, name=ROUND_NAME).exists():
        return
    office = get_user_model().objects.get(username="tinh")
    flag = AwardForm.objects.get(code="co-thi-dua-ubnd-tinh")
    merit = AwardForm.objects.get(code="bang-khen-chu-tich-tinh")
    (t_round, t_nominate, t_submit, t_check, t_publish, t_comment, t_session, t_vote, t_close,
     t_issue, t_next) = _year_end_moments(version.frozen_at, now)  # fmt: skip
    leaders = list(
        RankingEntry.objects.filter(version=version, rank=1)
        .select_related("unit", "block")
        .order_by("block__order", "block__name")
    )
    runners_up = list(
        RankingEntry.objects.filter(version=version, rank=2)
        .select_related("unit", "block")
        .order_by("block__order", "block__name")[:3]
    )
    with clock_at(t_round):
        award_round = rounds.round_create(
            scope=user_scope(office),
            unit=province,
            kind=AwardRound.Kind.YEAR_END,
            award_kind=AwardKind.objects.get(code="hang-nam"),
            year=2026,
            name=ROUND_NAME,
            deadline=timezone.localdate(t_check),
            user=office,
            ranking=version,
            quotas={flag: len(leaders), merit: 4},
        )
    User = get_user_model()

    def proposer(unit: OrgUnit):
        return User.objects.filter(username=f"tt.{unit.code.lower()}").first() or office

    nominations = []
    with clock_at(t_nominate):
        for form, entries in ((flag, leaders), (merit, runners_up)):
            for entry in entries:
                user = proposer(entry.unit)
                nominations.append(
                    services.nomination_create(
                        access=RoundAccess(user_scope(user), award_round),
                        form=form,
                        subject=entry.unit,
                        user=user,
                        ranking_entry=entry,
                    )
                )
        # An individual too, picked on the round page among the people of Sở KHCN: the author
        # of its initiatives' software, the Bằng khen for their work in the movement.
        person = Person.objects.filter(unit__code=PERSON_UNIT).order_by("pk").first()
        if person is not None:
            user = proposer(person.unit)
            nominations.append(
                services.nomination_create(
                    access=RoundAccess(user_scope(user), award_round),
                    form=merit,
                    subject=person,
                    user=user,
                )
            )
    office_access = RoundAccess(user_scope(office), award_round)
    with clock_at(t_submit):
        for n in nominations:
            user = proposer(n.proposer)
            services.nomination_submit(
                access=RoundAccess(user_scope(user), award_round), nomination=n, user=user
            )
    returned = next(n for n in reversed(nominations) if n.subject_unit_id)
    with clock_at(t_check):
        for n in nominations:
            if n is returned:
                services.nomination_return(
                    access=office_access,
                    nomination=n,
                    reasons={
                        "report": "Báo cáo thành tích chưa nêu số liệu chỉ tiêu năm 2026.",
                        "minutes": "Thiếu biên bản họp xét của đơn vị.",
                    },
                    user=office,
                )
            else:
                services.nomination_check(access=office_access, nomination=n, user=office)
    user = proposer(returned.proposer)
    with clock_at(t_check + (t_publish - t_check) / 3):
        unit_access = RoundAccess(user_scope(user), award_round)
        returned.refresh_from_db()
        services.nomination_update(
            access=unit_access,
            nomination=returned,
            achievements=returned.achievements
            + "\nHoàn thành 100 % chỉ tiêu chuyển đổi số năm 2026; biên bản họp xét kèm theo.",
            user=user,
        )
        services.nomination_submit(access=unit_access, nomination=returned, user=user)
    with clock_at(t_check + (t_publish - t_check) * 2 / 3):
        services.nomination_check(access=office_access, nomination=returned, user=office)
    with clock_at(t_publish):
        services.round_publish(
            access=office_access, days=7, user=office, until=t_session - (t_session - t_comment) / 2
        )
    with clock_at(t_comment):
        # Loaded on the day of the freeze, the period has no length: no comment comes in.
        if services.comments_open(AwardRound.objects.get(pk=award_round.pk)):
            for (name, contact, text), n in zip(COMMENTS, nominations, strict=False):
                n.refresh_from_db()
                services.comment_add(nomination=n, name=name, contact=contact, text=text)
    with clock_at(t_session):
        members = council_members(province)
        session = council_services.session_create(
            access=RoundAccess(user_scope(office), AwardRound.objects.get(pk=award_round.pk)),
            title="Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng năm 2026",
            held_on=timezone.localdate(t_session),
            place="Hội trường UBND tỉnh Lào Cai",
            members=[(p, spec[2], spec[3]) for p, spec in zip(members, COUNCIL, strict=True)],
            user=office,
        )
        council_services.session_open(
            access=SessionAccess(user_scope(office), session),
            present=list(session.members.values_list("pk", flat=True)),
            user=office,
        )
    items = list(session.items.select_related("nomination").order_by("order"))
    # One flag falls short: 5 of 7 agree (71 % < 80 %).
    short = next(i.pk for i in items if i.nomination.form_id == flag.pk)
    with clock_at(t_vote):
        for index, person in enumerate(members):
            choices = {i.pk: "disagree" if i.pk == short and index >= 5 else "agree" for i in items}
            council_services.ballot_cast(
                access=SessionAccess(
                    user_scope(person.user), CouncilSession.objects.get(pk=session.pk)
                ),
                choices=choices,
            )
    with clock_at(t_close):
        council_services.session_close(
            access=SessionAccess(user_scope(office), CouncilSession.objects.get(pk=session.pk)),
            user=office,
        )
    passed = list(
        Nomination.objects.filter(round=award_round, vote_passed=True).order_by(
            "form__order", "subject_name"
        )
    )
    with clock_at(t_issue):
        decision = decision_services.decision_draft(
            access=office_access,
            nominations=passed,
            number=DECISION_NUMBER,
            date=timezone.localdate(t_issue),
            signer=SIGNER,
            signer_title=SIGNER_TITLE,
            title="Về việc tặng Cờ thi đua và Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, "
            "cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2026",
            user=office,
        )
        decision_services.decision_issue(access=office_access, decision=decision, user=office)
    _midterm_round(office, province, {flag: len(leaders)}, scheme.movement_of, t_next, now)


def _midterm_round(office, province, quotas, movement, opened, now) -> None:
    """The 2027 sơ kết round. Loaded by its deadline, it is open, for 60 days at least (a
    deadline is the future's). Loaded later, it was opened before its deadline, kept it, and
    the daily job closed it the night after (nominations.tasks), as it would any round: the
    product's rule (AwardRound.nominations_open) shows it closed, never open in 2028."""
    today = timezone.localdate(now)
    if today <= NEXT_DEADLINE:
        deadline = max(NEXT_DEADLINE, today + datetime.timedelta(days=60))
    else:
        deadline = NEXT_DEADLINE
        opened = min(opened, moment_by(NEXT_DEADLINE - datetime.timedelta(days=60), 9, now))
    with clock_at(opened):
        rounds.round_create(
            scope=user_scope(office),
            unit=province,
            kind=AwardRound.Kind.MIDTERM,
            award_kind=AwardKind.objects.get(code="tong-ket"),
            year=2027,
            name=NEXT_ROUND_NAME,
            deadline=deadline,
            user=office,
            quotas=quotas,
            movement=movement,  # the sơ kết of the same movement
        )
    if deadline < today:
        with clock_at(moment_by(deadline + datetime.timedelta(days=1), 0, now, minute=5)):
            close_expired_rounds()
