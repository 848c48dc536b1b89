"""Roll-ups kept incrementally equal roll-ups rebuilt from the raw values, whatever the order
of accepts, returns and reopenings; ratios add up as sums of both terms."""

import io
import random
from decimal import Decimal

import pytest
from django.core.management import call_command

from org.models import OrgUnit, Role
from org.scope import UserScope
from org.tests.factories import OrgUnitFactory, UnitTypeFactory, user_with_role
from plans.tests.factories import PlanFactory
from reporting import services
from reporting.models import IndicatorRollup, Report, WorkflowStatus
from reporting.rollups import rollup_rebuild
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
    previous_month,
)

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)


def rollup_rows():
    return {
        (r.unit_id, r.period_id, r.indicator_id): (
            Decimal(r.value_sum).quantize(Decimal("0.0001")),
            Decimal(r.numerator_sum).quantize(Decimal("0.0001")),
            Decimal(r.denominator_sum).quantize(Decimal("0.0001")),
            r.value_count,
        )
        for r in IndicatorRollup.objects.all()
    }


@pytest.fixture
def province(world):
    """The province's plan reported monthly by two communes and their villages."""
    thon = UnitTypeFactory(code="thon")
    villages = [
        OrgUnitFactory(parent=commune, unit_type=thon)
        for commune in (world.commune, world.other_commune)
        for _ in range(2)
    ]
    plan = PlanFactory(issuer=world.province)
    # Random figures jump from month to month; the band is wide so no comment is asked.
    schedule = ScheduleFactory(
        plan=plan, unit_types=[world.commune.unit_type, thon], jump_warning_percent=30000
    )
    ratio = ScheduleIndicatorFactory(schedule=schedule, indicator=RatioIndicatorFactory()).indicator
    count = ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory()).indicator
    rank = ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(kind="rank", direction="lower"),
        required=False,
    ).indicator
    now = PeriodFactory(schedule=schedule)
    before = PeriodFactory(schedule=schedule, start=previous_month(now.start))
    units = [world.commune, world.other_commune, *villages]
    coordinator = user_with_role(world.province, Role.COORDINATOR)
    return {
        "units": units,
        "periods": [before, now],
        "ratio": ratio,
        "count": count,
        "rank": rank,
        "coordinator": coordinator,
        "province": world.province,
    }


def approved(unit, period, data, rng):
    report = services.report_open(scope=SUPER, unit=unit, period=period)
    values = {
        data["ratio"].pk: {
            "numerator": (n := rng.randint(0, 50)),
            "denominator": n + rng.randint(1, 50),
        },
        data["count"].pk: {"value": rng.randint(0, 9)},
        data["rank"].pk: {"value": rng.randint(1, 30)},
    }
    report = services.report_save_draft(
        scope=SUPER, user=None, report=report, expected_version=report.version, values=values
    )
    services.report_submit(scope=SUPER, user=None, report=report)
    return services.report_approve(scope=SUPER, user=None, report=report)


def test_a_province_ratio_is_the_ratio_of_sums_and_ranks_are_not_summed(province):
    rng = random.Random(1)
    period = province["periods"][1]
    for unit in province["units"][:2]:
        services.report_accept(scope=SUPER, user=None, report=approved(unit, period, province, rng))
    reports = Report.objects.filter(period=period)
    values = [r.values.get(indicator=province["ratio"]) for r in reports]
    top = IndicatorRollup.objects.get(
        unit=province["province"], period=period, indicator=province["ratio"]
    )
    assert top.numerator_sum == sum(v.numerator for v in values)
    assert top.denominator_sum == sum(v.denominator for v in values)
    assert top.value_count == 2
    assert not IndicatorRollup.objects.filter(
        unit=province["province"], indicator=province["rank"]
    ).exists()


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_incremental_rollups_equal_a_rebuild_after_random_accepts_returns_and_reopenings(
    province, seed
):
    rng = random.Random(seed)
    reports = [
        approved(unit, period, province, rng)
        for unit in province["units"]
        for period in province["periods"]
    ]
    for _step in range(40):
        report = Report.objects.get(pk=rng.choice(reports).pk)
        if report.status == WorkflowStatus.APPROVED:
            if rng.random() < 0.75:
                services.report_accept(scope=SUPER, user=None, report=report)
            else:
                services.report_return(scope=SUPER, user=None, report=report, reason="Sai.")
        elif report.status == WorkflowStatus.ACCEPTED:
            services.report_reopen(scope=SUPER, user=None, report=report, reason="Sửa lại.")
        else:  # returned: corrected and sent up again
            values = {province["count"].pk: {"value": rng.randint(0, 9)}}
            report = services.report_save_draft(
                scope=SUPER,
                user=None,
                report=report,
                expected_version=report.version,
                values=values,
            )
            services.report_submit(scope=SUPER, user=None, report=report)
            services.report_approve(scope=SUPER, user=None, report=Report.objects.get(pk=report.pk))
        incremental = rollup_rows()
        rollup_rebuild()
        assert rollup_rows() == incremental
    assert Report.objects.filter(status=WorkflowStatus.ACCEPTED).exists()


def test_the_rebuild_command_restores_lost_rollups(province):
    rng = random.Random(5)
    for unit in province["units"]:
        services.report_accept(
            scope=SUPER, user=None, report=approved(unit, province["periods"][0], province, rng)
        )
    expected = rollup_rows()
    IndicatorRollup.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_rollups", stdout=out)
    assert rollup_rows() == expected
    assert "Đã tính lại" in out.getvalue()


def test_the_rebuild_runs_as_a_background_job(province, django_capture_on_commit_callbacks):
    from jobs.models import Job
    from jobs.runner import job_run

    rng = random.Random(6)
    for unit in province["units"]:
        services.report_accept(
            scope=SUPER, user=None, report=approved(unit, province["periods"][0], province, rng)
        )
    expected = rollup_rows()
    IndicatorRollup.objects.all().delete()
    out = io.StringIO()
    with django_capture_on_commit_callbacks() as queued:
        call_command("rebuild_rollups", "--background", stdout=out)
    job = Job.objects.get(kind=Job.Kind.ROLLUP_REBUILD)
    assert str(job.pk) in out.getvalue() and len(queued) == 1
    assert rollup_rows() == {}  # nothing done in the command itself
    job_run(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.step.startswith("Đã tính lại")
    assert rollup_rows() == expected


def test_a_unit_moved_to_another_parent_takes_its_figures_along(province, world):
    rng = random.Random(8)
    for unit in province["units"]:
        services.report_accept(
            scope=SUPER, user=None, report=approved(unit, province["periods"][1], province, rng)
        )
    commune = type(world.commune).objects.get(pk=world.commune.pk)
    OrgUnit.objects.move(commune, OrgUnit.objects.get(pk=world.department.pk), "last-child")
    incremental = rollup_rows()
    rollup_rebuild()
    assert rollup_rows() == incremental
    assert IndicatorRollup.objects.filter(
        unit=world.department, indicator=province["ratio"]
    ).exists()


def test_an_indicator_with_figures_keeps_its_kind(province):
    from django.core.exceptions import ValidationError

    rng = random.Random(9)
    approved(province["units"][0], province["periods"][0], province, rng)
    indicator = province["count"]
    indicator.kind = "amount"
    with pytest.raises(ValidationError):
        indicator.full_clean()
