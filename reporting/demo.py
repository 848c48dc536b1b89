"""Demo of the reporting cycle: indicators linked to the seed plans' targets, monthly schedules
for the commune plan (seed 002) and the Lào Cai plan (seed 004), their units' people, and a year
of reports in every state (on time, late, missing, returned, accepted, waiting).

The figures are made up but plausible: each unit starts from its own level and moves towards
the targets with some noise, so the board and the dashboards show something real. Every report
goes through the same services a person uses (save, submit, approve, accept, return), so the
roll-ups, completeness and history are what the product would produce; only the dates of those
steps are moved back to the months they belong to. Idempotent: skipped if the schedules exist.
"""

import datetime
import functools
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from indicators.models import Indicator
from org.models import OrgUnit, Person, Role, RoleAssignment, UnitType
from org.scope import UserScope
from plans import services as plan_services
from plans.models import Plan, Target, Task, TaskDeadline
from reporting import checks, selectors, services
from reporting.models import Event, Registration, Report, Schedule, WorkflowStatus
from reporting.periods import periods_generate

SUPER = UserScope(user_id=None, is_superuser=True)
YEAR = 2026


@dataclass
class Spec:
    code: str
    name: str
    kind: str
    unit: str = "%"
    numerator: str = ""
    denominator: str = ""
    temporal: str = Indicator.Temporal.LATEST
    never_decreases: bool = False
    start: tuple[float, float] = (40, 70)  # a unit's share in January, drawn in this range (%)
    gain: float = 2.0  # points gained a month on average
    size: tuple[int, int] = (100, 400)  # denominators drawn in this range


INDICATORS = [
    Spec(
        "ty-le-hs-truc-tuyen",
        "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận và giải quyết trực tuyến",
        "ratio",
        numerator="Số hồ sơ tiếp nhận, giải quyết trực tuyến",
        denominator="Tổng số hồ sơ tiếp nhận",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(45, 70),
        size=(60, 260),
    ),
    Spec(
        "ty-le-van-ban-dien-tu",
        "Tỷ lệ văn bản trao đổi dưới dạng điện tử (trừ văn bản mật)",
        "ratio",
        numerator="Số văn bản điện tử",
        denominator="Tổng số văn bản đi, đến",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(80, 95),
        gain=0.15,
        size=(150, 500),
    ),
    Spec(
        "ty-le-cbcc-tap-huan-ky-nang-so",
        "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số cơ bản",
        "ratio",
        numerator="Số cán bộ, công chức đã được tập huấn",
        denominator="Tổng số cán bộ, công chức",
        never_decreases=True,
        start=(50, 80),
        gain=3.0,
        size=(20, 40),
    ),
    Spec(
        "ty-le-vneid",
        "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử (VNeID)",
        "ratio",
        numerator="Số người trưởng thành có tài khoản VNeID",
        denominator="Số người trưởng thành",
        never_decreases=True,
        start=(60, 82),
        gain=1.2,
        size=(300, 900),
    ),
    Spec(
        "ty-le-phan-loai-rac",
        "Tỷ lệ hộ dân phân loại rác thải sinh hoạt tại nguồn",
        "ratio",
        numerator="Số hộ phân loại rác tại nguồn",
        denominator="Tổng số hộ",
        start=(25, 55),
        gain=2.5,
        size=(80, 260),
    ),
    Spec(
        "thon-co-to-cnscd",
        "Thôn có Tổ công nghệ số cộng đồng hoạt động thường xuyên",
        "boolean",
        unit="",
    ),
    Spec(
        "so-mo-hinh-sang-kien",
        "Số mô hình, sáng kiến, giải pháp về KHCN, ĐMST, CĐS, CĐX được triển khai",
        "count",
        unit="mô hình",
        temporal=Indicator.Temporal.CUMULATIVE,
    ),
    Spec(
        "mo-hinh-tieu-bieu",
        "Mô hình, cách làm tiêu biểu trong kỳ",
        "text",
        unit="",
    ),
    Spec(
        "ty-le-hscv-moi-truong-mang",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
        "ratio",
        numerator="Số hồ sơ công việc xử lý trên môi trường mạng",
        denominator="Tổng số hồ sơ công việc",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(70, 88),
        gain=0.8,
        size=(120, 600),
    ),
    Spec(
        "ty-le-hs-toan-trinh",
        "Tỷ lệ hồ sơ trực tuyến toàn trình",
        "ratio",
        numerator="Số hồ sơ trực tuyến toàn trình",
        denominator="Tổng số hồ sơ thủ tục hành chính",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(35, 60),
        gain=0.25,
        size=(80, 400),
    ),
    Spec(
        "ty-le-hs-so-hoa",
        "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa",
        "ratio",
        numerator="Số hồ sơ, kết quả được số hóa",
        denominator="Tổng số hồ sơ đã giải quyết",
        temporal=Indicator.Temporal.CUMULATIVE,
        start=(55, 85),
        gain=1.2,
        size=(80, 400),
    ),
    Spec(
        "ty-le-ky-nang-so",
        "Tỷ lệ dân số trưởng thành có kỹ năng số cơ bản",
        "ratio",
        numerator="Số người trưởng thành có kỹ năng số cơ bản",
        denominator="Số người trưởng thành",
        never_decreases=True,
        start=(45, 70),
        gain=0.3,
        size=(1500, 6000),
    ),
    Spec(
        "ty-le-tap-huan-attt",
        "Tỷ lệ cán bộ, công chức, viên chức được tuyên truyền, tập huấn an toàn thông tin",
        "ratio",
        numerator="Số người được tập huấn",
        denominator="Tổng số cán bộ, công chức, viên chức",
        never_decreases=True,
        start=(40, 75),
        gain=3.0,
        size=(40, 200),
    ),
]

# plan issuer -> [(indicator code, target text prefix it measures, reporting unit types)]
LINKS = {
    "LSN-XTN": [
        ("ty-le-hs-truc-tuyen", "Tỷ lệ hồ sơ thủ tục hành chính", ["xa"]),
        ("ty-le-van-ban-dien-tu", "100% văn bản trao đổi", ["xa"]),
        ("ty-le-cbcc-tap-huan-ky-nang-so", "100% cán bộ, công chức xã được tập huấn", ["xa"]),
        ("ty-le-vneid", "90% người dân trưởng thành có tài khoản", ["thon"]),
        ("ty-le-phan-loai-rac", "Trên 60% hộ dân", ["thon"]),
        ("thon-co-to-cnscd", "100% thôn, bản có Tổ công nghệ số", ["thon"]),
        ("so-mo-hinh-sang-kien", None, ["xa"]),
        ("mo-hinh-tieu-bieu", None, ["xa"]),
    ],
    "LCI": [
        ("ty-le-hscv-moi-truong-mang", "phấn đấu ≥ 90% hồ sơ công việc", ["so", "xa"]),
        ("ty-le-hs-toan-trinh", "trong đó tỷ lệ hồ sơ trực tuyến toàn trình", ["so", "xa"]),
        ("ty-le-hs-so-hoa", "100% hồ sơ, kết quả giải quyết", ["so", "xa"]),
        ("so-mo-hinh-sang-kien", "Hằng năm, mỗi sở, ban, ngành", ["so", "xa"]),
        ("ty-le-vneid", "phấn đấu ≥ 90% người dân có tài khoản", ["xa"]),
        ("ty-le-ky-nang-so", "phấn đấu ≥ 90% dân số trưởng thành", ["xa"]),
        ("ty-le-tap-huan-attt", "phấn đấu ≥ 90% cán bộ, công chức, viên chức", ["so"]),
    ],
}
# Where each target's path starts (the 2025 level); made up for the demo.
BASELINES = {"ty-le-hs-toan-trinh": 42, "ty-le-hscv-moi-truong-mang": 76, "ty-le-vneid": 68}

# Tasks as the plans' own sections name them (seed 002 §II, seed 004 §III), reported monthly.
TASKS = {
    "LSN-XTN": [
        ("Công tác tuyên truyền về đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh", "VHXH"),
        ("Phát triển hạ tầng và ứng dụng công nghệ số trong quản lý, sản xuất, đời sống", "KT"),
        (
            "Tập huấn, bồi dưỡng kỹ năng số, chuyển đổi xanh cho cán bộ, công chức và người dân",
            "VHXH",
        ),
        ("Thúc đẩy chuyển đổi xanh: phân loại rác tại nguồn, sản xuất nông nghiệp sạch", "KT"),
    ],
    "LCI": [
        ("Thi đua đổi mới tư duy, hoàn thiện thể chế, nâng cao hiệu lực quản trị", None),
        ("Thi đua phát triển hạ tầng số, dữ liệu số, nền tảng số", None),
        ("Thi đua phát triển xã hội số, kỹ năng số, công dân số", None),
    ],
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Hoàng", "Phạm", "Vũ", "Đặng", "Lò", "Giàng", "Hà", "Nông", "Lục"]
GIVEN = [
    "Văn An",
    "Thị Bình",
    "Văn Cường",
    "Thị Dung",
    "Minh Đức",
    "Thị Hạnh",
    "Văn Khánh",
    "Thị Lan",
    "Quốc Minh",
    "Thị Nga",
    "Văn Phúc",
    "Thị Quyên",
    "Văn Sơn",
    "Thị Thu",
]


def _indicators() -> dict[str, Indicator]:
    found = {}
    for spec in INDICATORS:
        indicator, _ = Indicator.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "unit": spec.unit,
                "numerator_label": spec.numerator,
                "denominator_label": spec.denominator,
                "temporal": spec.temporal,
                "never_decreases": spec.never_decreases,
                "frequency": Indicator.Frequency.MONTHLY,
            },
        )
        found[spec.code] = indicator
    return found


@functools.cache
def _demo_password_hash() -> str:
    """The demo password hashed once: Argon2 is slow on purpose, and dozens of demo accounts
    sharing one password may share its hash."""
    from django.contrib.auth.hashers import make_password

    from core.demo import DEMO_PASSWORD

    return make_password(DEMO_PASSWORD)


def _people(unit: OrgUnit, index: int) -> dict[str, object]:
    """A reporter and a head for a unit (demo accounts bc.<code> and tt.<code>)."""
    User = get_user_model()
    people = {}
    for role, prefix, position in (
        (Role.REPORTER, "bc", "Cán bộ đầu mối thi đua"),
        (Role.HEAD, "tt", "Thủ trưởng đơn vị"),
    ):
        username = f"{prefix}.{unit.code.lower()}"
        user, created = User.objects.get_or_create(username=username)
        if created:
            family = FAMILY[(index * 7 + len(prefix)) % len(FAMILY)]
            name = f"{family} {GIVEN[(index * 5 + len(prefix)) % len(GIVEN)]}"
            user.first_name = name
            user.email = f"{username}@demo.thiduaso.local"
            user.password = _demo_password_hash()
            user.save()
            Person.objects.get_or_create(
                user=user, defaults={"full_name": name, "unit": unit, "position": position}
            )
        RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
        people[role] = user
    return people


def _plan_tasks(plan: Plan, issuer: OrgUnit, specs) -> list[Task]:
    tasks = []
    for order, (title, lead_short) in enumerate(specs, start=100):
        task = plan.tasks.filter(title=title).first()
        if task is None:
            leads = (
                list(OrgUnit.objects.filter(path__startswith=issuer.path, short_name=lead_short))
                if lead_short
                else []
            )
            task = plan_services.task_create(
                scope=SUPER,
                plan=plan,
                data={
                    "order": order,
                    "section": "Nội dung thi đua",
                    "title": title,
                    "lead_units_text": ", ".join(u.name for u in leads),
                },
                deadlines=[
                    {
                        "kind": TaskDeadline.Kind.RECURRING,
                        "frequency": TaskDeadline.Frequency.MONTHLY,
                        "label": "Thường xuyên, báo cáo hằng tháng",
                    }
                ],
                lead_units=leads,
            )
        tasks.append(task)
    return tasks


def _link_targets(plan: Plan, indicators: dict[str, Indicator]) -> None:
    for code, prefix, _types in LINKS[plan.issuer.code]:
        if prefix is None:
            continue
        target = plan.targets.filter(text__startswith=prefix).first()
        if target is None or target.indicator_id:
            continue
        target.indicator = indicators[code]
        if code in BASELINES:
            target.baseline_value = Decimal(BASELINES[code])
            target.baseline_year = YEAR - 1
        target.unit_value_allowed = code in ("ty-le-vneid", "ty-le-phan-loai-rac")
        # Seed 004 §II.2d: "mỗi sở, ban, ngành, địa phương ... có ít nhất 01 mô hình".
        target.applies_to_each_unit = code == "so-mo-hinh-sang-kien"
        target.save()


def _schedule(plan: Plan, indicators, tasks, coordinator) -> Schedule:
    types = {t.code: t for t in UnitType.objects.all()}
    links = LINKS[plan.issuer.code]
    unit_types = sorted({code for _, _, codes in links for code in codes})
    items = [
        {
            "indicator": indicators[code],
            "required": indicators[code].kind != Indicator.Kind.TEXT,
            "unit_types": [types[c] for c in codes] if codes != unit_types else [],
        }
        for code, _, codes in links
    ]
    schedule = services.schedule_create(
        scope=SUPER,
        user=coordinator,
        plan=plan,
        data={
            "name": "Báo cáo tháng kết quả thực hiện phong trào thi đua",
            "frequency": Schedule.Frequency.MONTHLY,
            "due_day": 20,
            "jump_warning_percent": 60,
        },
        unit_types=[types[c] for c in unit_types],
        items=items,
        tasks=tasks,
    )
    periods_generate(schedule=schedule, year=YEAR)
    return schedule


# --- A year of reports -------------------------------------------------------------------------


def _fate(rng: random.Random, month: int, last_month: int, unit_index: int) -> tuple[str, int]:
    """What happened to a unit's report of `month`: (state, days after the due day)."""
    late = rng.choice([1, 2, 3, 5, 8]) if rng.random() < 0.18 else rng.choice([-6, -3, -1, 0])
    if month < last_month - 1:
        if rng.random() < 0.04:
            return "missing", 0
        return ("returned_then_accepted" if rng.random() < 0.08 else "accepted"), late
    if month == last_month - 1:
        return ("accepted" if unit_index % 5 else "returned_then_accepted"), late
    # The current month: every state a coordinator meets on the 25th.
    return ["accepted", "approved", "submitted", "returned", "draft", "missing"][
        unit_index % 6
    ], late


def _figures(spec: Spec, rng: random.Random, month: int, level: float) -> dict:
    if spec.kind == "ratio":
        size = rng.randint(*spec.size)
        share = max(0.0, min(100.0, level + rng.uniform(-2.5, 2.5)))
        return {"numerator": round(size * share / 100), "denominator": size}
    if spec.kind == "count":
        return {"value": rng.choice([0, 0, 0, 1, 1, 2])}
    if spec.kind == "boolean":
        return {"value": 1 if rng.random() < min(0.95, 0.55 + month * 0.04) else 0}
    return {
        "text": rng.choice(
            [
                "",
                "Mô hình “Chợ 4.0” bán hàng qua mạng xã hội.",
                "Tổ công nghệ số cộng đồng hướng dẫn người dân cài VNeID tại nhà văn hóa thôn.",
            ]
        )
    }


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 15)))


def _walk(report: Report, state: str, late: int, people, coordinator, sheet_values, task_ids, rng):
    """Take a report through the services to `state`, then date its steps in its month."""
    reporter, head = people[Role.REPORTER], people[Role.HEAD]
    period = report.period
    submitted_on = period.due_date + datetime.timedelta(days=late)
    report = services.report_save_draft(
        scope=SUPER,
        user=reporter,
        report=report,
        expected_version=report.version,
        values=sheet_values,
        task_updates={
            pk: {
                "status": rng.choice(["in_progress", "in_progress", "not_started"]),
                "progress": rng.choice([20, 40, 60]),
            }
            for pk in task_ids
        },
        narrative={
            "results": "Triển khai đầy đủ các nội dung của kế hoạch trong tháng.",
            "difficulties": rng.choice(
                ["", "Đường truyền Internet ở các thôn vùng cao chưa ổn định."]
            ),
            "proposals": rng.choice(["", "Đề nghị hỗ trợ thiết bị cho Tổ công nghệ số cộng đồng."]),
        },
    )
    check = checks.report_check(selectors.report_sheet(report))
    if check.warnings:
        # A person explains every figure the checks question before sending (issue: warnings
        # ask for a comment, then let it through).
        report = services.report_save_draft(
            scope=SUPER,
            user=reporter,
            report=report,
            expected_version=report.version,
            values={
                int(key.removeprefix("value-")): {"comment": "Đã rà soát, số liệu đúng thực tế."}
                for key in check.warnings
            },
        )
    timeline = [_at(submitted_on - datetime.timedelta(days=2), 9)]
    if check.warnings:
        timeline.append(_at(submitted_on - datetime.timedelta(days=1), 9))
    if state == "draft":
        _date(report, timeline, submitted=None)
        return
    steps = []
    if state in ("returned", "returned_then_accepted"):
        steps += ["submit", "approve", "return"]
        if state == "returned_then_accepted":
            steps += ["submit", "approve", "accept"]
    else:
        steps += {
            "submitted": ["submit"],
            "approved": ["submit", "approve"],
            "accepted": ["submit", "approve", "accept"],
        }[state]
    day = submitted_on
    for step in steps:
        if step == "submit":
            report = services.report_submit(scope=SUPER, user=reporter, report=report)
        elif step == "approve":
            report = services.report_approve(scope=SUPER, user=head, report=report)
            day += datetime.timedelta(days=1)
        elif step == "accept":
            report = services.report_accept(scope=SUPER, user=coordinator, report=report)
            day += datetime.timedelta(days=1)
        elif step == "return":
            first = next(iter(sheet_values))
            report = services.report_return(
                scope=SUPER,
                user=coordinator,
                report=report,
                reason="Số liệu chưa khớp với phần mềm một cửa; đề nghị rà soát lại.",
                notes={f"value-{first}": "Kiểm tra lại mẫu số theo phần mềm một cửa."},
            )
            day += datetime.timedelta(days=2)
        timeline.append(_at(day, 10 + len(timeline)))
    _date(report, timeline, submitted=_at(submitted_on, 10))


def _date(report: Report, timeline, *, submitted) -> None:
    """Move the steps the services just recorded back to the days they belong to."""
    events = list(report.events.order_by("pk"))
    for event, at in zip(events, timeline, strict=False):
        Event.objects.filter(pk=event.pk).update(at=at)
    fields = {"created_at": timeline[0], "updated_at": timeline[-1]}
    if submitted is not None:
        fields["submitted_at"] = submitted
        fields["days_late"] = max(
            0, (timezone.localtime(submitted).date() - report.period.due_date).days
        )
        if report.status == WorkflowStatus.ACCEPTED:
            fields["accepted_at"] = timeline[-1]
    Report.objects.filter(pk=report.pk).update(**fields)


@transaction.atomic
def load_reports(*, today: datetime.date | None = None) -> int:
    """Schedules and a year of reports for xã Thống Nhất and Lào Cai; 0 if already loaded."""
    today = today or timezone.localdate()
    indicators = _indicators()
    specs = {s.code: s for s in INDICATORS}
    created = 0
    for issuer_code, coordinator_name in (("LSN-XTN", "xa"), ("LCI", "tinh")):
        issuer = OrgUnit.objects.get(code=issuer_code)
        plan = Plan.objects.filter(issuer=issuer).exclude(status=Plan.Status.PLACEHOLDER).first()
        if plan is None or plan.schedules.exists():
            continue
        coordinator = get_user_model().objects.get(username=coordinator_name)
        _link_targets(plan, indicators)
        tasks = _plan_tasks(plan, issuer, TASKS[issuer_code])
        schedule = _schedule(plan, indicators, tasks, coordinator)
        items, all_tasks = selectors.schedule_items(schedule), selectors.schedule_tasks(schedule)
        units = list(
            selectors.reporting_units(schedule).select_related("unit_type").order_by("path")
        )
        last_month = today.month if today.year == YEAR else 12
        for index, unit in enumerate(units):
            rng = random.Random(f"{unit.code}-{YEAR}")
            people = _people(unit, index)
            if unit.code == "LSN-XTN":
                # The demo accounts of the commune (baocao, and the head thutruong) do its work.
                User = get_user_model()
                people = {
                    Role.REPORTER: User.objects.get(username="baocao"),
                    Role.HEAD: User.objects.get(username="thutruong"),
                }
            mine = selectors.items_for_unit(items, unit)
            task_ids = [t.pk for t in selectors.tasks_for_unit(all_tasks, unit)]
            levels = {
                item.indicator.code: rng.uniform(*specs[item.indicator.code].start) for item in mine
            }
            for period in schedule.periods.filter(start__lte=today).order_by("start"):
                month = period.start.month
                state, late = _fate(rng, month, last_month, index)
                if unit.code == "LSN-XTN":
                    if month == last_month:
                        continue  # left for baocao to fill in the demo (it is already overdue)
                    # The commune the demo accounts belong to: one return, one late month.
                    state, late = {6: ("returned_then_accepted", -2), 8: ("accepted", 4)}.get(
                        month, ("accepted", -1)
                    )
                if state == "missing":
                    continue
                values = {}
                for item in mine:
                    spec = specs[item.indicator.code]
                    levels[spec.code] = min(
                        99.0, levels[spec.code] + spec.gain * rng.uniform(0.3, 1.7)
                    )
                    values[item.indicator_id] = _figures(spec, rng, month, levels[spec.code])
                report = Report.objects.create(unit=unit, period=period)
                _walk(report, state, late, people, coordinator, values, task_ids, rng)
                created += 1
    _close_old_periods(today)
    _registrations()
    return created


def _close_old_periods(today: datetime.date) -> None:
    """Months more than 45 days past their due day are locked, as a coordinator would do."""
    from reporting.models import Period

    Period.objects.filter(due_date__lt=today - datetime.timedelta(days=45), is_closed=False).update(
        is_closed=True, closed_at=timezone.now()
    )


def _registrations() -> None:
    """xã Thống Nhất registered for 2026 and its head approved it."""
    User = get_user_model()
    unit = OrgUnit.objects.get(code="LSN-XTN")
    plan = Plan.objects.filter(issuer=unit).exclude(status=Plan.Status.PLACEHOLDER).first()
    if plan is None or Registration.objects.filter(unit=unit, plan=plan, year=YEAR).exists():
        return
    registration = services.registration_open(scope=SUPER, unit=unit, plan=plan, year=YEAR)
    targets = {row.target_id: {"value": row.value} for row in registration.targets.all()}
    rubbish = Target.objects.filter(plan=plan, text__startswith="Trên 60% hộ dân").first()
    if rubbish is not None:
        targets[rubbish.pk] = {"value": Decimal(65), "note": "Phấn đấu cao hơn mức chung."}
    registration = services.registration_save(
        scope=SUPER,
        user=User.objects.get(username="baocao"),
        registration=registration,
        expected_version=registration.version,
        targets=targets,
        initiatives=[
            {
                "title": "Mô hình “Chợ 4.0” bán nông sản qua mạng xã hội",
                "field": "cds",
                "expected_result": "30 hộ kinh doanh bán hàng trực tuyến",
            },
            {
                "title": "Thôn xanh: phân loại rác tại nguồn ở thôn Bản Pẻn",
                "field": "cdx",
                "expected_result": "Trên 70% hộ của thôn phân loại rác",
            },
        ],
    )
    registration = services.registration_submit(
        scope=SUPER, user=User.objects.get(username="baocao"), registration=registration
    )
    services.registration_approve(
        scope=SUPER, user=User.objects.get(username="thutruong"), registration=registration
    )
