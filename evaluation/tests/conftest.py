"""A small scoring round built through the real reporting services, whose points a person can
work out by hand (evaluation/tests/test_worked_example.py spells them out).

Block K01 of the province holds three communes, A (xã Thống Nhất), B (xã Bắc Hà) and C (xã
Cốc San). They report monthly (February–April 2026, due on the 20th) a ratio (online files,
target ≥ 90 % in 2026) and a count (models, ≥ 1 each in 2026), and update one task due
31/03/2026. The scheme is scored at 30/04/2026.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from evaluation.models import Criterion, CriterionGroup, EvaluationScheme, IndexValue
from indicators.models import Indicator
from org.models import EmulationBlock, OrgUnit, Role
from org.scope import UserScope
from org.tests.factories import (
    EmulationBlockFactory,
    OrgUnitFactory,
    put_in_block,
    user_with_role,
)
from plans.models import Task
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from portal.clock import clock_at
from reporting import services
from reporting.models import Period, Report
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

SUPER = UserScope(user_id=None, is_superuser=True)
CUTOFF = datetime.date(2026, 4, 30)
TZ = datetime.timezone(datetime.timedelta(hours=7))


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@dataclass
class Round:
    scheme: EvaluationScheme
    block: EmulationBlock
    other_block: EmulationBlock
    a: OrgUnit
    b: OrgUnit
    c: OrgUnit
    d: OrgUnit  # in the other block
    periods: dict[str, Period]
    ratio: Indicator
    count: Indicator
    task: Task
    leadership: Criterion
    targets: Criterion
    tasks: Criterion
    reports: Criterion
    pii: Criterion
    coordinator: object


def send(unit, period, values, tasks, *, day: datetime.date, accept: bool = True) -> Report:
    """The unit's report for the period, sent on `day`, approved and accepted the next day."""
    with clock_at(at(day)):
        report = services.report_open(scope=SUPER, unit=unit, period=period)
        report = services.report_save_draft(
            scope=SUPER,
            user=None,
            report=report,
            expected_version=report.version,
            values=values,
            task_updates=tasks,
            narrative={"results": f"Kết quả của {unit.name}."},
        )
        report = services.report_submit(scope=SUPER, user=None, report=report)
    with clock_at(at(day + datetime.timedelta(days=1))):
        report = services.report_approve(scope=SUPER, user=None, report=report)
        if accept:
            report = services.report_accept(scope=SUPER, user=None, report=report)
    return report


def ratio(num, den=100):
    return {"numerator": num, "denominator": den}


IN_PROGRESS = {"status": "in_progress", "progress": 40}
DONE_WITH_LINK = {"status": "done", "evidence_link": "https://vb.laocai.gov.vn/qd-12.pdf"}
DONE_NO_LINK = {"status": "done"}


@pytest.fixture
def scoring_round(world) -> Round:
    province = world.province
    block = EmulationBlockFactory(province=province, code="K01", name="Khối thi đua số 01")
    other_block = EmulationBlockFactory(province=province, code="K02", name="Khối thi đua số 02")
    a, b = world.commune, world.other_commune
    c = OrgUnitFactory(parent=province, code="P1-X3", name="UBND xã Cốc San", unit_type=a.unit_type)
    d = OrgUnitFactory(
        parent=province, code="P1-X4", name="UBND xã Si Ma Cai", unit_type=a.unit_type
    )
    for unit in (a, b, c):
        put_in_block(unit, block)
    put_in_block(d, other_block)
    for unit in (a, b, c, d):
        unit.refresh_from_db()

    plan = PlanFactory(issuer=province, title="Kế hoạch phong trào thi đua năm 2026")
    # Evidence is not required to say "done" in this schedule: C says so without any, and
    # the scheme, which does require it, gives C nothing for the task.
    schedule = ScheduleFactory(
        plan=plan,
        unit_types=[a.unit_type],
        jump_warning_percent=30000,
        evidence_required_for_done=False,
    )
    online = ScheduleIndicatorFactory(
        schedule=schedule, indicator=RatioIndicatorFactory(name="Tỷ lệ hồ sơ trực tuyến")
    ).indicator
    models = ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(
            name="Số mô hình chuyển đổi số", temporal=Indicator.Temporal.CUMULATIVE
        ),
    ).indicator
    TargetFactory(
        plan=plan,
        indicator=online,
        value=90,
        text="Năm 2026, trên 90% hồ sơ được tiếp nhận, giải quyết trực tuyến",
        due_year=2026,
    )
    TargetFactory(
        plan=plan,
        indicator=models,
        value=1,
        unit="mô hình",
        text="Năm 2026, mỗi xã có ít nhất 01 mô hình chuyển đổi số",
        applies_to_each_unit=True,
        due_year=2026,
    )
    task = TaskFactory(plan=plan, title="Ban hành kế hoạch chuyển đổi số năm 2026")
    Task.objects.filter(pk=task.pk).update(due_date=datetime.date(2026, 3, 31))
    schedule.tasks.add(task)
    periods = {
        month: PeriodFactory(schedule=schedule, start=datetime.date(2026, n, 1))
        for month, n in (("feb", 2), ("mar", 3), ("apr", 4))
    }
    feb, mar, apr = periods["feb"], periods["mar"], periods["apr"]
    t = task.pk
    # A: every report on time and complete; 95 % online, 2 models; the task done in March
    # with its decision linked.
    send(a, feb, {online.pk: ratio(90), models.pk: {"value": 1}}, {t: IN_PROGRESS}, day=d_(2, 15))
    send(
        a, mar, {online.pk: ratio(94), models.pk: {"value": 1}}, {t: DONE_WITH_LINK}, day=d_(3, 16)
    )
    send(
        a, apr, {online.pk: ratio(95), models.pk: {"value": 0}}, {t: DONE_WITH_LINK}, day=d_(4, 14)
    )
    # B: March sent 5 days late; 50 % online, 1 model; the task done only in April.
    send(b, feb, {online.pk: ratio(48), models.pk: {"value": 1}}, {t: IN_PROGRESS}, day=d_(2, 18))
    send(b, mar, {online.pk: ratio(49), models.pk: {"value": 0}}, {t: IN_PROGRESS}, day=d_(3, 25))
    send(
        b, apr, {online.pk: ratio(50), models.pk: {"value": 0}}, {t: DONE_WITH_LINK}, day=d_(4, 10)
    )
    # C: no March report; April sent on time but returned as wrong and not sent again by the
    # cutoff; 92 % online, no model; the task said done in February without any evidence.
    send(c, feb, {online.pk: ratio(91), models.pk: {"value": 0}}, {t: DONE_NO_LINK}, day=d_(2, 12))
    april = send(
        c, apr, {online.pk: ratio(92), models.pk: {"value": 0}}, {t: DONE_NO_LINK},
        day=d_(4, 19), accept=False,
    )  # fmt: skip
    with clock_at(at(d_(4, 22))):
        services.report_return(
            scope=SUPER, user=None, report=april, reason="Số hồ sơ không khớp sổ theo dõi."
        )

    coordinator = user_with_role(province, Role.COORDINATOR, username="sonoivu")
    scheme = EvaluationScheme.objects.create(
        issuer=province,
        plan=plan,
        year=2026,
        name="Bộ tiêu chí chấm điểm thi đua năm 2026 (tập thể)",
        cutoff=CUTOFF,
        created_by=coordinator,
    )
    g1 = CriterionGroup.objects.create(scheme=scheme, order=1, name="Lãnh đạo, chỉ đạo")
    g2 = CriterionGroup.objects.create(scheme=scheme, order=2, name="Hoàn thành nhiệm vụ")
    g5 = CriterionGroup.objects.create(scheme=scheme, order=5, name="Chỉ số PII, DTI")
    S = Criterion.Source
    leadership = Criterion.objects.create(
        group=g1, order=1, code="1.1", name="Ban hành kế hoạch kịp thời", max_points=10
    )
    targets = Criterion.objects.create(
        group=g2, order=1, code="2.1", name="Chỉ tiêu đạt", max_points=30, source=S.TARGETS_MET
    )
    tasks = Criterion.objects.create(
        group=g2,
        order=2,
        code="2.2",
        name="Nhiệm vụ đúng hạn",
        max_points=20,
        source=S.TASKS_ON_TIME,
    )
    reports = Criterion.objects.create(
        group=g2,
        order=3,
        code="2.3",
        name="Báo cáo đúng hạn, đầy đủ",
        max_points=10,
        source=S.REPORTS_ON_TIME,
    )
    pii = Criterion.objects.create(
        group=g5,
        order=1,
        code="5.1",
        name="Chỉ số PII",
        max_points=10,
        source=S.EXTERNAL_INDEX,
        index_scale=100,
    )
    now = timezone.now()
    IndexValue.objects.create(criterion=pii, unit=a, value=Decimal("60"), imported_at=now)
    IndexValue.objects.create(criterion=pii, unit=b, value=Decimal("45.5"), imported_at=now)
    return Round(
        scheme, block, other_block, a, b, c, d, periods, online, models, task,
        leadership, targets, tasks, reports, pii, coordinator,
    )  # fmt: skip


def d_(month: int, day: int) -> datetime.date:
    return datetime.date(2026, month, day)
