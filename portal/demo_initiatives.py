"""Demo of Lào Cai's initiatives and models of the year (issue #14 §3), at every stage of their
life: draft, sent, under review, returned, not recognised, recognised at the province's level and at
the unit's own, one of them replicated by another commune; one registered by a person. Sở KH&CN
leads science, innovation and digital transformation, Sở NN&MT the green transition (seed 004
§V.2b–c); the account `khcn` is Sở KH&CN's field lead. xã Si Ma Cai, which never registered for
the year (portal/demo_registrations.py), has none: the coordinator sees it under "chưa có".

Every step goes through the services a person uses, at its own moment (portal.clock): in 2026
between 20/07 and 18/08 (the province's plan came out at the end of May), in the later years of
the movement the same steps from 12/01 to 10/02. The year shown is the last whose steps are all
over by the day the demo is loaded (issue #10 §2: nothing after now), so the demo reads the
same on any day; 2026's stay beside it, as the demo's evaluation scores 2026 (criterion 4.1
reads them: portal/demo_evaluation.py). Idempotent: skipped once Sở KH&CN leads its fields.
"""

import datetime
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.utils import timezone

from initiatives import services
from initiatives.models import FieldLead, Initiative
from org.models import OrgUnit, Person, Role, RoleAssignment
from org.scope import UserScope
from plans.models import Plan
from portal.clock import clock_at, moment_by
from portal.demo_reports import FIRST_YEAR, latest_year_over

SUPER = UserScope(user_id=None, is_superuser=True)
FIELD_LEADS = {"LCI-SKHCN": ("khcn", "dmst", "cds"), "LCI-SNNMT": ("cdx",)}
LEAD_ACCOUNT = ("khcn", "Đặng Minh Khoa", "LCI-SKHCN")

# unit code, stage, field, title, description, effect, target text prefix (or None).
# The stages and texts are the demo's choices.
STORIES = [
    (
        "LCI-XBH",
        "recognised_tinh",
        "cds",
        "Chợ phiên Bắc Hà 4.0: thanh toán không dùng tiền mặt",
        "Tiểu thương chợ phiên niêm yết mã QR, bán hàng trên sàn thương mại điện tử của tỉnh; "
        "tổ công nghệ số cộng đồng hướng dẫn tại chợ mỗi phiên chủ nhật.",
        "312/350 tiểu thương nhận thanh toán bằng mã QR; doanh thu qua sàn tăng 25%.",
    ),
    (
        "LCI-PCD",
        "recognised_co_so",
        "cdx",
        "Tổ dân phố xanh: phân loại rác tại nguồn ở phường Cam Đường",
        "Hộ dân phân loại rác hữu cơ, tái chế; điểm thu gom theo lịch; ủ phân hữu cơ tại chỗ.",
        "Lượng rác chôn lấp giảm 30%; 85% hộ phân loại rác tại nguồn.",
    ),
    (
        "LCI-PSP",
        "under_review",
        "dmst",
        "Bản đồ du lịch thông minh Sa Pa",
        "Bản đồ số các điểm du lịch, homestay đạt chuẩn, cảnh báo thời tiết và giao thông.",
        "Hơn 40.000 lượt khách dùng trong 3 tháng.",
    ),
    (
        "LCI-PLC",
        "submitted",
        "cds",
        "Một cửa số phường Lào Cai: hẹn giờ nộp hồ sơ trực tuyến",
        "Người dân đặt lịch nộp hồ sơ qua Zalo; cán bộ nhận hồ sơ đã chuẩn bị sẵn.",
        "Thời gian chờ trung bình giảm từ 35 xuống 8 phút.",
    ),
    (
        "LCI-XBX",
        "returned",
        "cdx",
        "Nông nghiệp xanh: trồng chè theo tiêu chuẩn hữu cơ ở Bát Xát",
        "Vận động hộ trồng chè chuyển sang canh tác hữu cơ.",
        "Đang triển khai.",
    ),
    (
        "LCI-SCT",
        "not_recognised",
        "cds",
        "Trang thông tin điện tử của Sở Công Thương",
        "Nâng cấp giao diện trang thông tin điện tử.",
        "Giao diện mới.",
    ),
    (
        "LCI-SGDDT",
        "draft",
        "cds",
        "Học bạ số cho học sinh tiểu học toàn tỉnh",
        "",
        "",
    ),
]
PERSON_STORY = (
    "LCI-SKHCN",
    "Phần mềm quản lý nhiệm vụ khoa học và công nghệ cấp cơ sở",
    "Theo dõi nhiệm vụ khoa học và công nghệ từ đề xuất đến nghiệm thu trên một phần mềm.",
    "Hồ sơ nhiệm vụ được tra cứu trực tuyến; thời gian tổng hợp báo cáo giảm một nửa.",
)
RETURN_REASON = "Bổ sung số liệu diện tích, số hộ tham gia và biên bản kiểm tra thực tế."
REFUSE_REASON = "Là nhiệm vụ thường xuyên của cơ quan, chưa có tính mới và khả năng nhân rộng."
REPLICATING_UNIT = "LCI-XMK"


class Steps(NamedTuple):
    """The days of a year's steps, the replication recorded last."""

    year: int
    drafted: datetime.date
    sent: datetime.date
    reviewed: datetime.date
    decided: datetime.date
    replicated_from: datetime.date
    replication_recorded: datetime.date


def steps(year: int) -> Steps:
    first = datetime.date(year, 7, 20) if year == FIRST_YEAR else datetime.date(year, 1, 12)
    after = (0, 7, 10, 16, 21, 29)  # days after the first draft
    return Steps(year, *(first + datetime.timedelta(days=days) for days in after))


def initiatives_year(today: datetime.date) -> int:
    """The last year whose initiatives' steps are all over by `today`."""
    return latest_year_over(today, lambda year: steps(year).replication_recorded)


def _reporter(code: str):
    return get_user_model().objects.filter(username=f"bc.{code.lower()}").first()


def _lead_account(now) -> None:
    username, full_name, code = LEAD_ACCOUNT
    from portal.demo import DEMO_PASSWORD

    unit = OrgUnit.objects.get(code=code)
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        user.first_name = full_name
        user.email = f"{username}@demo.thiduaso.local"
        user.set_password(DEMO_PASSWORD)
        user.date_joined = now
        user.save()
    RoleAssignment.objects.get_or_create(user=user, unit=unit, role=Role.FIELD_LEAD)
    Person.objects.get_or_create(
        user=user,
        defaults={"full_name": full_name, "unit": unit, "position": "Trưởng phòng Quản lý KH"},
    )


def _targets():
    province = OrgUnit.objects.get(code="LCI")
    plan = Plan.objects.filter(issuer=province, status=Plan.Status.ISSUED).first()
    return list(plan.targets.order_by("order", "pk")[:2]) if plan else []


def load_initiatives(*, now: datetime.datetime) -> int:
    """The demo's initiatives; the number created (0 when already loaded or when Lào Cai's
    departments have no reporter accounts, i.e. the reports' demo was not loaded)."""
    skhcn = OrgUnit.objects.filter(code="LCI-SKHCN").first()
    if skhcn is None or FieldLead.objects.filter(unit=skhcn).exists():
        return 0
    if _reporter("LCI-XBH") is None:
        return 0
    years = sorted({FIRST_YEAR, initiatives_year(timezone.localdate(now))})
    for code, fields in FIELD_LEADS.items():
        for field in fields:
            FieldLead.objects.get_or_create(unit=OrgUnit.objects.get(code=code), field=field)
    with clock_at(moment_by(steps(years[0]).drafted, 8, now, minute=20)):
        _lead_account(timezone.now())
    return sum(_load_year(steps(year), now) for year in years)


def _load_year(days: Steps, now: datetime.datetime) -> int:
    """The year's stories and the person's initiative; the number created."""
    coordinator = get_user_model().objects.get(username="tinh")
    created = 0
    for index, (code, stage, field, title, description, effect) in enumerate(STORIES):
        unit = OrgUnit.objects.get(code=code)
        reporter = _reporter(code)
        if reporter is None:
            continue
        _story(
            unit, reporter, coordinator, stage, field, title, description, effect, index, days, now
        )
        created += 1
    code, title, description, effect = PERSON_STORY
    unit = OrgUnit.objects.get(code=code)
    reporter = _reporter(code)
    person = Person.objects.filter(user=reporter).first()
    if reporter is not None and person is not None:
        with clock_at(moment_by(days.drafted, 10, now, minute=20)):
            initiative = services.initiative_create(
                scope=SUPER,
                user=reporter,
                unit=unit,
                year=days.year,
                data={
                    "title": title,
                    "field": "khcn",
                    "person": person,
                    "description": description,
                    "effect": effect,
                },
            )
            services.evidence_add(
                scope=SUPER,
                user=reporter,
                initiative=initiative,
                link="https://sokhcn.laocai.gov.vn/phan-mem-quan-ly-nhiem-vu",
            )
        with clock_at(moment_by(days.sent, 9, now, minute=20)):
            services.initiative_submit(scope=SUPER, user=reporter, initiative=initiative)
        created += 1
    return created


def _story(unit, reporter, coordinator, stage, field, title, description, effect, index, days, now):
    with clock_at(moment_by(days.drafted + datetime.timedelta(days=index % 3), 9, now, minute=20)):
        initiative = services.initiative_create(
            scope=SUPER,
            user=reporter,
            unit=unit,
            year=days.year,
            data={
                "title": title,
                "field": field,
                "description": description,
                "effect": effect,
                "targets": _targets(),
            },
        )
        if stage == "draft":
            return initiative
        services.evidence_add(
            scope=SUPER,
            user=reporter,
            initiative=initiative,
            link=f"https://{unit.code.lower()}.laocai.gov.vn/sang-kien-{days.year}",
        )
    with clock_at(moment_by(days.sent, 9 + index % 5, now, minute=20)):
        services.initiative_submit(scope=SUPER, user=reporter, initiative=initiative)
    if stage == "submitted":
        return initiative
    with clock_at(moment_by(days.reviewed, 10, now, minute=20)):
        if stage == "returned":
            return services.initiative_return(
                scope=SUPER, user=coordinator, initiative=initiative, reason=RETURN_REASON
            )
        services.initiative_take_for_review(scope=SUPER, user=coordinator, initiative=initiative)
    if stage == "under_review":
        return initiative
    with clock_at(moment_by(days.decided, 15, now, minute=20)):
        if stage == "not_recognised":
            return services.initiative_refuse(
                scope=SUPER, user=coordinator, initiative=initiative, reason=REFUSE_REASON
            )
        level = Initiative.Level.PROVINCE if stage == "recognised_tinh" else Initiative.Level.BASE
        services.initiative_recognise(
            scope=SUPER,
            user=coordinator,
            initiative=initiative,
            level=level,
            influence="Toàn tỉnh" if level == Initiative.Level.PROVINCE else unit.name,
            decision_number=f"{1180 + index}/QĐ-UBND",
            decision_date=days.decided,
        )
    if stage == "recognised_tinh":
        replicating = OrgUnit.objects.get(code=REPLICATING_UNIT)
        with clock_at(moment_by(days.replication_recorded, 9, now, minute=20)):
            services.replication_record(
                scope=SUPER,
                user=_reporter(REPLICATING_UNIT),
                initiative=initiative,
                unit=replicating,
                started_on=days.replicated_from,
                results="Chợ trung tâm xã Mường Khương: 140 tiểu thương nhận thanh toán mã QR.",
            )
    return initiative
