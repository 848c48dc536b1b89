"""Demo data: the units the five seed plans name, three provinces, Lào Cai's 21 emulation blocks,
the demo accounts, and the seed plans loaded through the extractor.

Idempotent: every object is looked up by a natural key first, so a second run adds nothing.
"""

import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from movements.models import Movement
from org.models import (
    BlockMembership,
    EmulationBlock,
    OrgUnit,
    Person,
    Role,
    RoleAssignment,
    UnitType,
)
from org.scope import UserScope
from plans.models import Milestone, Plan, PlanReference, Target
from portal.clock import clock_at
from portal.demo_adhoc_round import load_adhoc_round
from portal.demo_awards import load_awards
from portal.demo_commune_round import load_commune_round
from portal.demo_nominations import load_nominations
from portal.demo_subjects import load_block_history, load_commune_subjects
from portal.demo_target_sources import load_target_sources
from portal.demo_task_owners import load_task_owners

DEMO_PASSWORD = "thidua2026"
MERGER_DAY = datetime.date(2025, 6, 30)  # two-level local government from 1 July 2025
# The five real plans live in the shared folder beside the repository.
SEEDS_DIR = Path(os.environ.get("THIDUA_SEEDS_DIR", settings.BASE_DIR.parent / "shared" / "seeds"))

UNIT_TYPES = [
    # code, name, level, issues implementing plans, a locality (households, enterprises attach)
    ("tinh", "UBND tỉnh", 0, True, True),
    ("so", "Sở, ban, ngành", 1, True, False),
    ("xa", "UBND xã, phường", 1, True, True),
    ("phong", "Phòng, trung tâm, đơn vị trực thuộc", 2, False, False),
    ("thon", "Thôn, bản, tổ dân phố", 3, False, True),
    ("dn", "Doanh nghiệp, hợp tác xã", 2, False, False),
]


@dataclass
class U:
    code: str
    name: str
    type: str
    short: str = ""
    block: int | None = None
    children: list["U"] = field(default_factory=list)
    valid_to: datetime.date | None = None
    merged_into: str = ""


LAO_CAI = U(
    "LCI",
    "UBND tỉnh Lào Cai",
    "tinh",
    short="UBND",
    children=[
        U("LCI-SNV", "Sở Nội vụ tỉnh Lào Cai", "so", short="SNV", block=1),
        U("LCI-VP", "Văn phòng UBND tỉnh Lào Cai", "so", short="VPUBND", block=1),
        U("LCI-STC", "Sở Tài chính tỉnh Lào Cai", "so", short="STC", block=2),
        U("LCI-SKHCN", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "so", short="SKHCN", block=2),
        U("LCI-SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "so", short="SNNMT", block=3),
        U("LCI-SCT", "Sở Công Thương tỉnh Lào Cai", "so", short="SCT", block=3),
        U("LCI-SGDDT", "Sở Giáo dục và Đào tạo tỉnh Lào Cai", "so", short="SGDĐT", block=4),
        U("LCI-SYT", "Sở Y tế tỉnh Lào Cai", "so", short="SYT", block=4),
        U("LCI-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai", "so", block=4),
        U("LCI-BQLKKT", "Ban Quản lý Khu kinh tế tỉnh Lào Cai", "so", short="BQLKKT", block=3),
        U("LCI-PYB", "UBND phường Yên Bái", "xa", block=5),
        U("LCI-PLC", "UBND phường Lào Cai", "xa", block=5),
        U("LCI-PCD", "UBND phường Cam Đường", "xa", block=5),
        U("LCI-PSP", "UBND phường Sa Pa", "xa", block=5),
        U("LCI-XBH", "UBND xã Bắc Hà", "xa", block=6),
        U("LCI-XBX", "UBND xã Bát Xát", "xa", block=6),
        U("LCI-XMK", "UBND xã Mường Khương", "xa", block=6),
        U("LCI-XSMC", "UBND xã Si Ma Cai", "xa", block=7),
        # Before 1 July 2025: kept with their history, merged into today's units.
        U(
            "YBI-SNV",
            "Sở Nội vụ tỉnh Yên Bái (cũ)",
            "so",
            valid_to=MERGER_DAY,
            merged_into="LCI-SNV",
        ),
        U("LCI-HBH", "UBND huyện Bắc Hà (cũ)", "so", valid_to=MERGER_DAY, merged_into="LCI-XBH"),
    ],
)

LANG_SON = U(
    "LSN",
    "UBND tỉnh Lạng Sơn",
    "tinh",
    short="UBND",
    children=[
        U("LSN-SNV", "Sở Nội vụ tỉnh Lạng Sơn", "so", short="SNV"),
        U("LSN-SKHCN", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "so", short="SKHCN"),
        U(
            "LSN-BQLKKTCK",
            "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",
            "so",
            short="BQLKKTCK",
            children=[
                U("LSN-BQL-VP", "Văn phòng", "phong", short="VP"),
                U("LSN-BQL-QLDN", "Phòng Quản lý doanh nghiệp", "phong"),
                U("LSN-BQL-KHTH", "Phòng Kế hoạch tổng hợp", "phong"),
                U("LSN-BQL-QLQH", "Phòng Quản lý quy hoạch và xây dựng", "phong"),
                U(
                    "LSN-BQL-TTQLCK",
                    "Trung tâm Quản lý cửa khẩu",
                    "phong",
                    short="TTQLCK",
                    children=[
                        U("LSN-TTQLCK-HCTH", "Phòng Hành chính - Tổng hợp (TTQLCK)", "phong"),
                        U("LSN-TTQLCK-NV", "Phòng Nghiệp vụ (TTQLCK)", "phong"),
                    ],
                ),
            ],
        ),
        U(
            "LSN-XTN",
            "UBND xã Thống Nhất",
            "xa",
            short="UBND",
            children=[
                U("LSN-XTN-VHXH", "Phòng Văn hóa - Xã hội", "phong", short="VHXH"),
                U("LSN-XTN-VP", "Văn phòng HĐND và UBND xã Thống Nhất", "phong"),
                U("LSN-XTN-KT", "Phòng Kinh tế xã Thống Nhất", "phong"),
                U("LSN-XTN-T1", "Thôn Bản Pẻn", "thon"),
                U("LSN-XTN-T2", "Thôn Nà Lừa", "thon"),
                U("LSN-XTN-T3", "Thôn Khòn Chu", "thon"),
                U("LSN-XTN-T4", "Thôn Pò Mã", "thon"),
            ],
        ),
    ],
)

LAI_CHAU = U(
    "LCH",
    "UBND tỉnh Lai Châu",
    "tinh",
    short="UBND",
    children=[
        U(
            "LCH-VPUBND",
            "Văn phòng UBND tỉnh Lai Châu",
            "so",
            short="VPUBND",
            children=[
                U("LCH-VP-HCQT", "Phòng Hành chính – Quản trị", "phong", short="HCQT"),
                U("LCH-VP-TTTHCB", "Trung tâm Tin học và Công báo", "phong"),
                U("LCH-VP-TH", "Phòng Tổng hợp", "phong"),
                U("LCH-VP-KT", "Phòng Kinh tế", "phong"),
                U("LCH-VP-KGVX", "Phòng Khoa giáo - Văn xã", "phong"),
                U("LCH-VP-BTCD", "Ban Tiếp công dân tỉnh", "phong"),
            ],
        ),
        U("LCH-SNV", "Sở Nội vụ tỉnh Lai Châu", "so", short="SNV"),
    ],
)

ACCOUNTS = [
    # username, full name, role, unit the role covers, unit the person works in
    ("tinh", "Nguyễn Thị Thu Hà", Role.COORDINATOR, "LCI", "LCI-SNV"),
    ("laichau", "Lò Văn Thắng", Role.COORDINATOR, "LCH-VPUBND", "LCH-VP-HCQT"),
    ("bqlkkt", "Hoàng Thị Lan", Role.COORDINATOR, "LSN-BQLKKTCK", "LSN-BQL-VP"),
    ("xa", "Lương Văn Hùng", Role.COORDINATOR, "LSN-XTN", "LSN-XTN-VHXH"),
    ("baocao", "Nông Thị Mai", Role.REPORTER, "LSN-XTN", "LSN-XTN-VHXH"),
    ("thutruong", "Hoàng Văn Quân", Role.HEAD, "LSN-XTN", "LSN-XTN"),
    ("lanhdao", "Trần Quốc Bảo", Role.LEADER, "LCI", "LCI"),
]

# seed file prefix -> the unit that issued it
SEED_ISSUERS = {
    "000": "LSN-BQLKKTCK",
    "001": "LSN-BQLKKTCK",
    "002": "LSN-XTN",
    "003": "LCH-VPUBND",
    "004": "LCI",
}


def _unit(spec: U, parent: OrgUnit | None, types: dict[str, UnitType]) -> OrgUnit:
    existing = OrgUnit.objects.filter(code=spec.code).first()
    if existing:
        return existing
    fields = dict(
        code=spec.code,
        name=spec.name,
        short_name=spec.short,
        unit_type=types[spec.type],
        valid_to=spec.valid_to,
    )
    if parent is None:
        return OrgUnit.objects.add_root(fields)
    return OrgUnit.objects.add_child(parent, fields)


def _tree(spec: U, parent, types, blocks, merges) -> None:
    unit = _unit(spec, parent, types)
    if spec.block and blocks and not unit.block_memberships.exists():
        # In its block since always (as the data migration records today's blocks); later
        # moves are the coordinator's (portal/demo_subjects.py).
        BlockMembership.objects.create(unit=unit, block=blocks[spec.block])
        OrgUnit.objects.filter(pk=unit.pk).update(block=blocks[spec.block])
    if spec.merged_into:
        merges.append((unit, spec.merged_into))
    for child in spec.children:
        unit.refresh_from_db()
        _tree(child, unit, types, blocks, merges)


@transaction.atomic
def load_organisation() -> None:
    types = {}
    for code, name, level, issues, locality in UNIT_TYPES:
        types[code], _ = UnitType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "issues_plans": issues,
                "is_locality": locality,
            },
        )
    merges: list = []
    for province in (LAO_CAI, LANG_SON, LAI_CHAU):
        root = _unit(province, None, types)
        blocks = {}
        if province is LAO_CAI:
            # Lào Cai has 21 emulation blocks (seed 004: "21 Khối thi đua của tỉnh").
            for n in range(1, 22):
                blocks[n], _ = EmulationBlock.objects.get_or_create(
                    province=root,
                    code=f"K{n:02d}",
                    defaults={"name": f"Khối thi đua số {n:02d}", "order": n},
                )
        _tree(province, None, types, blocks, merges)
    for unit, target_code in merges:
        if unit.merged_into_id is None:
            unit.merged_into = OrgUnit.objects.get(code=target_code)
            unit.save(update_fields=["merged_into", "search_text"])


@transaction.atomic
def load_accounts() -> list[str]:
    User = get_user_model()
    created = []
    for username, full_name, role, scope_code, work_code in ACCOUNTS:
        user, was_created = User.objects.get_or_create(username=username)
        if was_created:
            # Vietnamese names read family name first: keep the whole name in one field.
            user.first_name = full_name
            user.email = f"{username}@demo.thiduaso.local"
            user.set_password(DEMO_PASSWORD)
            user.date_joined = timezone.now()
            user.save()
            created.append(username)
        RoleAssignment.objects.get_or_create(
            user=user, unit=OrgUnit.objects.get(code=scope_code), role=role
        )
        Person.objects.get_or_create(
            user=user,
            defaults={"full_name": full_name, "unit": OrgUnit.objects.get(code=work_code)},
        )
    admin, was_created = User.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if was_created:
        admin.set_password(DEMO_PASSWORD)
        admin.date_joined = timezone.now()
        admin.save()
        created.append("admin")
    return created


def load_movement() -> Movement:
    movement, _ = Movement.objects.get_or_create(
        name=("Đổi mới sáng tạo, phát triển khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh"),
        defaults={
            "short_name": "ĐMST, KHCN, CĐS, CĐX 2026–2030",
            "start_year": 2026,
            "end_year": 2030,
        },
    )
    return movement


def imported_at(issued: str, now: datetime.datetime) -> datetime.datetime:
    """When the demo's coordinator imported a plan dated `issued` ("2026-04-29", "2026-07",
    "2026"): the day after its date, the last day of its month, or the end of its year; never
    after now."""
    if len(issued) == 10:
        day = datetime.date.fromisoformat(issued) + datetime.timedelta(days=1)
    elif len(issued) == 7:
        year, month = int(issued[:4]), int(issued[5:])
        day = (datetime.date(year, month, 28) + datetime.timedelta(days=4)).replace(day=1)
        day -= datetime.timedelta(days=1)
    elif len(issued) == 4:
        day = datetime.date(int(issued), 12, 31)
    else:
        return now
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 30)))
    return min(moment, now)


def load_seed_plans(
    movement: Movement, seeds_dir: Path = SEEDS_DIR, *, now: datetime.datetime | None = None
) -> list[Plan]:
    """Each seed plan goes through the extractor and the import service, as an upload would,
    on the day after the plan's date (so that the plan comes before everything done under it)."""
    now = now or timezone.now()
    from extraction import extract_file
    from plans.importing import plan_import_confirm

    superuser = UserScope(user_id=None, is_superuser=True)
    loaded = []
    for path in sorted(seeds_dir.glob("*.txt")):
        issuer = OrgUnit.objects.get(code=SEED_ISSUERS[path.name[:3]])
        draft = extract_file(path)
        data = draft.to_dict()
        title = (data.get("document") or {}).get("title") or ""
        if Plan.objects.filter(issuer=issuer, title=title.strip()).exists():
            continue
        with clock_at(imported_at((data.get("document") or {}).get("date") or "", now)):
            loaded.append(
                plan_import_confirm(
                    scope=superuser,
                    user=None,
                    draft=data,
                    issuer=issuer,
                    source_text=draft.text,
                    movement=movement,
                )
            )
    return loaded


@transaction.atomic
def load_milestones(movement: Movement) -> None:
    """Seed 004 §IV: sơ kết in 12/2027, tổng kết in quý IV/2030."""
    plan = Plan.objects.filter(issuer__code="LCI", movement=movement).first()
    if plan is None:
        return
    Milestone.objects.get_or_create(
        movement=movement,
        plan=plan,
        kind=Milestone.Kind.MIDTERM,
        defaults={"label": "Tháng 12/2027", "due_date": datetime.date(2027, 12, 31)},
    )
    Milestone.objects.get_or_create(
        movement=movement,
        plan=plan,
        kind=Milestone.Kind.FINAL,
        defaults={"label": "Quý IV/2030", "due_date": datetime.date(2030, 12, 31)},
    )
    # Its two phases (§IV, 05/2026–12/2027 and 01/2028–12/2030) come with its import.


@transaction.atomic
def load_cascade_examples(movement: Movement) -> None:
    """Two Lào Cai units implement the province plan with aligned targets (illustrative data),
    so that the cascade view shows covered, uncovered and missing plans."""
    from plans import services

    province_plan = Plan.objects.filter(issuer__code="LCI", movement=movement).first()
    if province_plan is None:
        return
    superuser = UserScope(user_id=None, is_superuser=True)
    quantitative = list(province_plan.targets.filter(value__isnull=False).order_by("order"))
    for code, count in (("LCI-SKHCN", 6), ("LCI-PLC", 3)):
        issuer = OrgUnit.objects.get(code=code)
        title = f"Triển khai Phong trào thi đua tại {issuer.name} (dữ liệu minh họa)"
        if Plan.objects.filter(issuer=issuer, title=title).exists():
            continue
        plan = services.plan_create(
            scope=superuser,
            user=None,
            data={
                "issuer": issuer,
                "issuer_name": issuer.name,
                "title": title,
                "movement": movement,
                "place": "Lào Cai",
                "issued_period": "2026-06",
                "status": Plan.Status.DRAFT,
            },
        )
        services.plan_reference_add(
            plan=plan, referenced=province_plan, relation=PlanReference.Relation.IMPLEMENTS
        )
        for order, parent in enumerate(quantitative[:count]):
            services.target_create(
                scope=superuser,
                plan=plan,
                data={
                    "order": order,
                    "section": parent.section,
                    "text": parent.text,
                    "subject": parent.subject,
                    "comparator": parent.comparator,
                    "value": parent.value,
                    "value_max": parent.value_max,
                    "unit": parent.unit,
                    "due_year": parent.due_year,
                    "parent_target": parent,
                },
            )


# Seed 004 is Lào Cai's unsigned draft ("Số: /KH-UBND", "ngày  tháng 5 năm 2026"). The demo's
# year runs on it — units report against it from June, its ranking and awards follow — so the demo
# issues it as the office does once signed: a number and a day in May 2026, both illustrative.
PROVINCE_PLAN_NUMBER = "86/KH-UBND"
PROVINCE_PLAN_ISSUED_ON = datetime.date(2026, 5, 29)


def issue_province_plan() -> None:
    from plans import services

    plan = Plan.objects.filter(
        issuer__code="LCI", status=Plan.Status.DRAFT, number="", title__startswith="Triển khai"
    ).first()
    if plan is None:
        return
    services.plan_update(
        scope=UserScope(user_id=None, is_superuser=True),
        plan=plan,
        data={
            "number": PROVINCE_PLAN_NUMBER,
            "issued_on": PROVINCE_PLAN_ISSUED_ON,
            "issued_period": "",
            "status": Plan.Status.ISSUED,
        },
        expected_version=plan.version,
    )


# The first day the demo is true on: the commune plan (seed 002) is dated 07/2026 and its first
# report, for August, falls due on 20/08/2026; the tour needs one overdue month.
EARLIEST_DAY = datetime.date(2026, 8, 21)


class DemoDateError(ValueError):
    pass


def load_demo(*, now: datetime.datetime | None = None) -> dict:
    """Load the demo as it stands at `now` (default: the present): nothing in it is dated after
    `now`, and xã Thống Nhất's report of the last month already due is overdue and empty."""
    now = now or timezone.now()
    if timezone.localdate(now) < EARLIEST_DAY:
        raise DemoDateError(
            gettext(
                "Dữ liệu mẫu cần một ngày từ %(day)s trở đi: các kế hoạch mẫu ban hành tháng "
                "04–07/2026 và báo cáo đầu tiên của xã Thống Nhất đến hạn ngày 20/08/2026."
            )
            % {"day": f"{EARLIEST_DAY:%d/%m/%Y}"}
        )
    with clock_at(now):
        load_organisation()
        created = load_accounts()
        movement = load_movement()
        plans = load_seed_plans(movement, now=now)
        load_milestones(movement)
        load_task_owners()
    # Entered once imported (31/05, 08:30): the number and day of the signed copy.
    with clock_at(imported_at("2026-05", now) + datetime.timedelta(hours=2)):
        issue_province_plan()
    # The two illustrative Lào Cai plans are dated 06/2026.
    with clock_at(imported_at("2026-06", now)):
        load_cascade_examples(movement)
    from portal.demo_reports import load_reports

    reports = load_reports(now=now)
    from portal.demo_registrations import load_registration_round

    load_registration_round(now=now)
    with clock_at(now):
        load_target_sources()
    load_block_history(now)
    load_commune_subjects(now)
    with clock_at(now):
        awards = load_awards()
    from portal.demo_initiatives import load_initiatives

    # Before the scoring round: its criterion 4.1 counts the initiatives recognised in 2026.
    load_initiatives(now=now)
    from portal.demo_evaluation import load_evaluation

    load_evaluation(now=now)
    load_commune_round(now=now)
    load_nominations(now=now)
    load_adhoc_round(now=now)
    return {
        "reports": reports,
        "awards": awards,
        "accounts_created": created,
        "plans_loaded": len(plans),
        "units": OrgUnit.objects.count(),
        "targets": Target.objects.count(),
    }
