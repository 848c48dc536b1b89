"""Demo of the reporting cycle: indicators linked to the seed plans' targets, the schedules the
seeds ask for (001 monthly by the 20th, 004 yearly in the year-end report, plus the monthly ones
the commune and the demo chose), their units' people, and the reports of the last twelve months
already due, in every state (on time, late, missing, returned, accepted, waiting).

The figures are made up but plausible: each unit starts from its own level and moves towards
the targets with some noise, so the board and the dashboards show something real. Every report
goes through the same services a person uses (save, submit, approve, accept, return), each step
at its own moment on the demo's clock (portal.clock), so that the roll-ups, completeness, history
and header times are what the product would record, and nothing is dated after the moment the
demo is loaded. The tasks are the plans' own, as the import found them. Idempotent: skipped if
the schedules exist.
"""

import datetime
import functools
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from indicators.models import Indicator
from org.models import OrgUnit, Person, Role, RoleAssignment, UnitType
from org.scope import UserScope
from plans.models import Plan, Target
from portal.clock import clock_at
from portal.demo_report_data import BASELINES, FAMILY, GIVEN, INDICATORS, LINKS, Spec
from registrations import services as registration_services
from registrations.models import Registration
from reporting import checks, selectors, services
from reporting.models import Report, Schedule
from reporting.periods import periods_generate

SUPER = UserScope(user_id=None, is_superuser=True)
# The movement runs 2026–2030 (seed 004); the targets' paths start from the 2025 level.
FIRST_YEAR, LAST_YEAR = 2026, 2030
BASELINE_YEAR = FIRST_YEAR - 1
# The demo shows at most this many months of reports, ending with the last month already due.
HISTORY_MONTHS = 12


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

    from portal.demo import DEMO_PASSWORD

    return make_password(DEMO_PASSWORD)


def _people(unit: OrgUnit, index: int) -> dict[str, object]:
    """A reporter and a head for a unit (demo accounts bc.<code> and tt.<code>), two people."""
    User = get_user_model()
    people = {}
    for role, prefix, position in (
        (Role.REPORTER, "bc", "Cán bộ đầu mối thi đua"),
        (Role.HEAD, "tt", "Thủ trưởng đơn vị"),
    ):
        username = f"{prefix}.{unit.code.lower()}"
        user, created = User.objects.get_or_create(username=username)
        if created:
            # The head and the reporter are two people: their family names differ (4 apart).
            shift = 1 if role == Role.REPORTER else 5
            family = FAMILY[(index * 7 + shift) % len(FAMILY)]
            name = f"{family} {GIVEN[(index * 5 + shift) % len(GIVEN)]}"
            user.first_name = name
            user.email = f"{username}@demo.thiduaso.local"
            user.password = _demo_password_hash()
            user.date_joined = timezone.now()
            user.save()
            Person.objects.get_or_create(
                user=user, defaults={"full_name": name, "unit": unit, "position": position}
            )
        RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
        people[role] = user
    return people


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
            target.baseline_year = BASELINE_YEAR
        target.unit_value_allowed = code in ("ty-le-vneid", "ty-le-phan-loai-rac")
        # Seed 004 §II.2d: "mỗi sở, ban, ngành, địa phương ... có ít nhất 01 mô hình".
        target.applies_to_each_unit = code == "so-mo-hinh-sang-kien"
        target.save()


def first_report_month(plan: Plan) -> datetime.date:
    """The first day of the first month the demo reports under a plan: the month after the one
    the plan was issued in, so that no report is older than its plan."""
    if plan.issued_on:
        issued = plan.issued_on
    elif len(plan.issued_period) == 7:
        issued = datetime.date(int(plan.issued_period[:4]), int(plan.issued_period[5:]), 1)
    elif plan.issued_period:
        issued = datetime.date(int(plan.issued_period), 12, 1)
    else:
        issued = datetime.date(FIRST_YEAR, 1, 1)
    return (issued.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _at(day: datetime.date, hour: int, minute: int = 15) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# Schedules: what each seed asks, and what the demo chooses where a seed leaves it open.
MONTHLY_NAME = {
    # Seed 002 §IV.2: units report "định kỳ" to the commune; the commune chose monthly.
    "LSN-XTN": "Báo cáo tháng kết quả thực hiện phong trào thi đua (xã chọn báo cáo hằng tháng)",
    # Seed 004 asks for a yearly report only; the monthly one is the demo's choice, so that
    # the dashboards have a year of figures to show.
    "LCI": "Báo cáo tháng kết quả thực hiện phong trào thi đua (lựa chọn của bản demo)",
}
# Seed 004 §V: "Hằng năm báo cáo kết quả thực hiện ... trong nội dung báo cáo tổng kết thi đua
# của năm kế hoạch": one yearly report, due before the year-end review.
YEARLY_NAME = "Báo cáo năm, trong báo cáo tổng kết thi đua năm (KH Lào Cai, mục V)"
# Seed 001 §IV: "báo cáo định kỳ ... ngày 20 hằng tháng".
BOARD_NAME = "Báo cáo tháng, trước ngày 20 hằng tháng (KH 40/KH-BQLKKTCK, mục IV)"


def _schedule(
    plan: Plan, indicators, tasks, coordinator, *, name, frequency=None, until, first=None
) -> Schedule:
    types = {t.code: t for t in UnitType.objects.all()}
    links = LINKS[plan.issuer.code]
    unit_types = sorted({code for _, _, codes in links for code in codes})
    items = [
        {
            "indicator": indicators[code],
            "required": not indicators[code].is_words,
            "unit_types": [types[c] for c in codes] if codes != unit_types else [],
        }
        for code, codes in {code: codes for code, _, codes in reversed(links)}.items()
    ]
    schedule = services.schedule_create(
        scope=SUPER,
        user=coordinator,
        plan=plan,
        # Without a frequency, the schedule follows the plan's own reporting clause.
        data={"name": name, "jump_warning_percent": 60}
        | ({"frequency": frequency, "due_day": 20} if frequency else {}),
        unit_types=[types[c] for c in unit_types],
        items=items,
        tasks=tasks,
    )
    _periods(schedule, first or window_start(plan, until), until)
    return schedule


def last_due_month(today: datetime.date, due_day: int = 20) -> datetime.date:
    """The first day of the last month whose due day has passed by `today` (a report due today
    is not late yet); the movement's last month at the latest."""
    month = today.replace(day=1)
    if today.day <= due_day:
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return min(month, datetime.date(LAST_YEAR, 12, 1))


def latest_year_over(today: datetime.date, last_day) -> int:
    """The latest year of the movement whose yearly story (a registration round, the year's
    initiatives), ending on `last_day(year)`, is over by `today`: the story the demo shows, so
    that nothing in it happens after now. The first year's ends before EARLIEST_DAY."""
    over = [year for year in range(FIRST_YEAR + 1, LAST_YEAR + 1) if last_day(year) < today]
    return max(over, default=FIRST_YEAR)


def window_start(plan: Plan, today: datetime.date) -> datetime.date:
    """The first month the demo has reports for: HISTORY_MONTHS before the last month due, not
    before the plan's first reporting month."""
    last = last_due_month(today)
    index = last.year * 12 + last.month - 1 - (HISTORY_MONTHS - 1)
    return max(first_report_month(plan), datetime.date(index // 12, index % 12 + 1, 1))


def _periods(schedule: Schedule, first: datetime.date, until: datetime.date) -> None:
    """The schedule's periods from `first` to the current year: the demo starts its schedules
    where its reports start, so that no month before is left overdue and empty."""
    for year in range(first.year, min(until.year, LAST_YEAR) + 1):
        periods_generate(schedule=schedule, year=year, starting=first)


def _board_schedule(today: datetime.date) -> None:
    """Seed 001's own rule (monthly by the 20th) for the board's offices, over the plan's tasks
    and the targets an indicator of the demo measures. Set up on the day the demo is loaded,
    so its offices report from this month on (no month before is overdue)."""
    plan = (
        Plan.objects.filter(issuer__code="LSN-BQLKKTCK", number__startswith="40/")
        .exclude(status=Plan.Status.PLACEHOLDER)
        .first()
    )
    if plan is None or plan.schedules.exists():
        return
    indicators = _indicators()
    _link_targets(plan, indicators)
    _schedule(
        plan,
        indicators,
        list(plan.tasks.order_by("order", "pk")),
        get_user_model().objects.get(username="bqlkkt"),
        name=BOARD_NAME,  # monthly, by the 20th: read from the plan (seed 001 §IV)
        until=today,
        first=today.replace(day=1),
    )


# --- The reports of the last months ------------------------------------------------------------


def _fate(rng: random.Random, months_ago: int, unit_index: int) -> tuple[str, int]:
    """What happened to a unit's report of the month `months_ago` before the last month already
    due: (state, days after the due day it was sent)."""
    late = rng.choice([1, 2, 3, 5, 8]) if rng.random() < 0.18 else rng.choice([-6, -3, -1, 0])
    if months_ago > 1:
        if rng.random() < 0.04:
            return "missing", 0
        return ("returned_then_accepted" if rng.random() < 0.08 else "accepted"), late
    if months_ago == 1:
        return ("accepted" if unit_index % 5 else "returned_then_accepted"), late
    # The last month due: every state a coordinator meets a few days after the due day.
    return ["accepted", "approved", "submitted", "returned", "draft", "missing"][
        unit_index % 6
    ], late


def _figures(spec: Spec, rng: random.Random, month: int, level: float) -> dict:
    if spec.kind == Indicator.Kind.RATIO:
        size = rng.randint(*spec.size)
        share = max(0.0, min(100.0, level + rng.uniform(-2.5, 2.5)))
        return {"numerator": round(size * share / 100), "denominator": size}
    if spec.kind == Indicator.Kind.COUNT:
        return {"value": rng.choice([0, 0, 0, 1, 1, 2])}
    if spec.kind == Indicator.Kind.BOOLEAN:
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


EXPLAINED = "Đã rà soát, số liệu đúng thực tế."
# After the first save, how long each later step comes after the one before it.
STEP_DELAY = {
    "comment": datetime.timedelta(days=1),
    "approve": datetime.timedelta(hours=22),
    "accept": datetime.timedelta(days=1, hours=5),
    "return": datetime.timedelta(days=2, hours=5),
    "resubmit": datetime.timedelta(days=1),
    "reapprove": datetime.timedelta(hours=3),
}
STEPS = {
    "draft": [],
    "submitted": ["submit"],
    "approved": ["submit", "approve"],
    "accepted": ["submit", "approve", "accept"],
    "returned": ["submit", "approve", "return"],
    "returned_then_accepted": ["submit", "approve", "return", "resubmit", "reapprove", "accept"],
}


def timeline(
    period, state: str, late: int, now: datetime.datetime
) -> list[tuple[str, datetime.datetime]]:
    """The moments of a report's steps: first save two days before it is sent (`late` days
    after the due day), an explanation of questioned figures the day before, then the steps of
    `state`. A history that would reach past `now` is moved back as a whole, so that it ends an
    hour before now: what was planned for after now has, in the demo, already happened."""
    sent_on = period.due_date + datetime.timedelta(days=late)
    moments = [("save", _at(sent_on - datetime.timedelta(days=2), 9))]
    moments.append(("comment", moments[0][1] + STEP_DELAY["comment"]))
    at = _at(sent_on, 10)
    for step in STEPS[state]:
        if step != "submit":
            at += STEP_DELAY[step]
        moments.append((step, at))
    last = max(m for _, m in moments)
    limit = now - datetime.timedelta(hours=1)
    if last > limit:
        shift = last - limit
        moments = [(step, m - shift) for step, m in moments]
    return moments


def _walk(report: Report, moments, people, coordinator, sheet_values, task_ids, rng) -> None:
    """Take a report through the services, each step at its own moment on the clock."""
    reporter, head = people[Role.REPORTER], people[Role.HEAD]
    at = dict(moments)
    with clock_at(at["save"]):
        task_updates = {}
        for pk in task_ids:
            status = rng.choice(["in_progress", "in_progress", "not_started"])
            progress = 0 if status == "not_started" else rng.choice([20, 40, 60])
            task_updates[pk] = {"status": status, "progress": progress}
        report = services.report_save_draft(
            scope=SUPER,
            user=reporter,
            report=report,
            expected_version=report.version,
            values=sheet_values,
            task_updates=task_updates,
            narrative={
                "results": "Triển khai đầy đủ các nội dung của kế hoạch trong tháng.",
                "difficulties": rng.choice(
                    ["", "Đường truyền Internet ở các thôn vùng cao chưa ổn định."]
                ),
                "proposals": rng.choice(
                    ["", "Đề nghị hỗ trợ thiết bị cho Tổ công nghệ số cộng đồng."]
                ),
            },
        )
        check = checks.report_check(selectors.report_sheet(report))
    if check.warnings:
        # A person explains every figure the checks question before sending (warnings ask for
        # a comment, then let it through).
        with clock_at(at["comment"]):
            report = services.report_save_draft(
                scope=SUPER,
                user=reporter,
                report=report,
                expected_version=report.version,
                values={
                    int(key.removeprefix("value-")): {
                        "comment": "Đã rà soát, số liệu đúng thực tế."
                    }
                    for key in check.warnings
                },
            )
    for step, moment in moments[2:]:
        with clock_at(moment):
            if step in ("submit", "resubmit"):
                report = services.report_submit(scope=SUPER, user=reporter, report=report)
            elif step in ("approve", "reapprove"):
                report = services.report_approve(scope=SUPER, user=head, report=report)
            elif step == "accept":
                report = services.report_accept(scope=SUPER, user=coordinator, report=report)
            elif step == "return":
                first = next(iter(sheet_values))
                report = services.report_return(
                    scope=SUPER,
                    user=coordinator,
                    report=report,
                    reason="Số liệu chưa khớp với phần mềm một cửa; đề nghị rà soát lại.",
                    notes={f"value-{first}": "Kiểm tra lại mẫu số theo phần mềm một cửa."},
                )


def due_periods(schedule: Schedule, today: datetime.date) -> list:
    """The schedule's periods whose due day has passed, the last HISTORY_MONTHS of them."""
    periods = list(schedule.periods.filter(due_date__lt=today).order_by("start"))
    return periods[-HISTORY_MONTHS:]


def _commune_fate(months_ago: int, count: int) -> tuple[str, int]:
    """xã Thống Nhất, whose demo accounts (baocao, thutruong, xa) do the tour: its reports are
    accepted, one after a return and one late; the last month due is left overdue and empty."""
    if months_ago == 1 and count > 2:
        return "accepted", 4
    if months_ago == 2 or (months_ago == 1 and count == 2):
        return "returned_then_accepted", -2
    return "accepted", -1


@transaction.atomic
def load_reports(*, now: datetime.datetime | None = None) -> int:
    """Schedules, and the reports of the last months already due, for xã Thống Nhất and Lào Cai;
    nothing happens after `now`. 0 if already loaded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    indicators = _indicators()
    specs = {s.code: s for s in INDICATORS}
    User = get_user_model()
    created = 0
    for issuer_code, coordinator_name in (("LSN-XTN", "xa"), ("LCI", "tinh")):
        issuer = OrgUnit.objects.get(code=issuer_code)
        plan = Plan.objects.filter(issuer=issuer).exclude(status=Plan.Status.PLACEHOLDER).first()
        if plan is None or plan.schedules.exists():
            continue
        coordinator = User.objects.get(username=coordinator_name)
        # The coordinator sets the schedule up when the plan comes into force.
        set_up = min(now, _at(first_report_month(plan), 8))
        with clock_at(set_up):
            _link_targets(plan, indicators)
            # The plan's own tasks, as the import found them (none is made up here).
            tasks = list(plan.tasks.order_by("order", "pk"))
            schedule = _schedule(
                plan,
                indicators,
                tasks,
                coordinator,
                name=MONTHLY_NAME[issuer_code],
                frequency=Schedule.Frequency.MONTHLY,
                until=today,
            )
            if issuer_code == "LCI":
                _schedule(
                    plan,
                    indicators,
                    tasks,
                    coordinator,
                    name=YEARLY_NAME,
                    frequency=Schedule.Frequency.YEARLY,
                    until=today,
                )
        items, all_tasks = selectors.schedule_items(schedule), selectors.schedule_tasks(schedule)
        units = list(
            selectors.reporting_units(schedule).select_related("unit_type").order_by("path")
        )
        periods = due_periods(schedule, today)
        for index, unit in enumerate(units):
            rng = random.Random(unit.code)
            if unit.code == "LSN-XTN":
                # The demo accounts of the commune (baocao, and the head thutruong) do its work.
                people = {
                    Role.REPORTER: User.objects.get(username="baocao"),
                    Role.HEAD: User.objects.get(username="thutruong"),
                }
            else:
                with clock_at(set_up):  # the units' accounts come with the schedule
                    people = _people(unit, index)
            mine = selectors.items_for_unit(items, unit)
            task_ids = [t.pk for t in selectors.tasks_for_unit(all_tasks, unit)]
            levels = {
                item.indicator.code: rng.uniform(*specs[item.indicator.code].start) for item in mine
            }
            for position, period in enumerate(periods):
                months_ago = len(periods) - 1 - position
                state, late = _fate(rng, months_ago, index)
                if unit.code == "LSN-XTN":
                    if months_ago == 0:
                        continue  # left for baocao to fill in the tour: overdue and empty
                    state, late = _commune_fate(months_ago, len(periods))
                if state == "missing":
                    continue
                values = {}
                for item in mine:
                    spec = specs[item.indicator.code]
                    levels[spec.code] = min(
                        99.0, levels[spec.code] + spec.gain * rng.uniform(0.3, 1.7)
                    )
                    values[item.indicator_id] = _figures(
                        spec, rng, period.start.month, levels[spec.code]
                    )
                moments = timeline(period, state, late, now)
                with clock_at(moments[0][1]):
                    report = Report.objects.create(unit=unit, period=period)
                _walk(report, moments, people, coordinator, values, task_ids, rng)
                created += 1
    with clock_at(now):
        _board_schedule(today)
        _close_old_periods(today)
    _registrations(now)
    return created


def _close_old_periods(today: datetime.date) -> None:
    """Months more than 45 days past their due day are locked, as a coordinator would do."""
    from reporting.models import Period

    Period.objects.filter(due_date__lt=today - datetime.timedelta(days=45), is_closed=False).update(
        is_closed=True, closed_at=timezone.now()
    )


def registration_moment(plan: Plan, now: datetime.datetime) -> tuple[int, datetime.datetime]:
    """The year xã Thống Nhất registers for and when its reporter sends it: the year of the last
    month already due (so that registering comes before that month's report), early in January,
    or early in the plan's first reporting month in the plan's first year."""
    today = timezone.localdate(now)
    first = first_report_month(plan)
    last_due = today.replace(day=1) - datetime.timedelta(days=1)
    year = min(max(last_due.year, first.year), LAST_YEAR)
    start = first if year == first.year else datetime.date(year, 1, 1)
    return year, min(_at(start + datetime.timedelta(days=4), 9), now)


def _registrations(now: datetime.datetime) -> None:
    """xã Thống Nhất registered for the year: baocao sends it, the head thutruong approves it."""
    User = get_user_model()
    unit = OrgUnit.objects.get(code="LSN-XTN")
    plan = Plan.objects.filter(issuer=unit).exclude(status=Plan.Status.PLACEHOLDER).first()
    if plan is None:
        return
    year, sent = registration_moment(plan, now)
    if Registration.objects.filter(unit=unit, plan=plan, year=year).exists():
        return
    reporter = User.objects.get(username="baocao")
    with clock_at(sent - datetime.timedelta(hours=1)):
        registration = registration_services.registration_open(
            scope=SUPER, unit=unit, plan=plan, year=year
        )
        targets = {row.target_id: {"value": row.value} for row in registration.targets.all()}
        rubbish = Target.objects.filter(plan=plan, text__startswith="Trên 60% hộ dân").first()
        if rubbish is not None:
            targets[rubbish.pk] = {"value": Decimal(65), "note": "Phấn đấu cao hơn mức chung."}
        registration = registration_services.registration_save(
            scope=SUPER,
            user=reporter,
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
    with clock_at(sent):
        registration = registration_services.registration_submit(
            scope=SUPER, user=reporter, registration=registration
        )
    with clock_at(min(sent + datetime.timedelta(days=1), now)):
        registration_services.registration_approve(
            scope=SUPER, user=User.objects.get(username="thutruong"), registration=registration
        )
