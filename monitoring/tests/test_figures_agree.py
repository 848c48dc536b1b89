"""Every figure a dashboard shows is what the accepted reports behind it add up to, and the pages
agree with each other (issue 10 §4), over random sets of units and reports.

The expected figures are computed here from the raw accepted `ReportValue` rows, without the
roll-ups or the status rules: a count that adds up over the year is the sum of the year's
accepted values; a ratio is the ratio of the sums; a unit without an accepted value has no
data; a unit meets "at least 01 a year" when its own sum is at least 1.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from indicators.models import Indicator
from monitoring import exports, selectors
from org.models import Role
from org.scope import UserScope
from org.tests.factories import OrgUnitFactory, UnitTypeFactory, user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.models import Report, ReportValue, WorkflowStatus
from reporting.rollups import rollup_apply_report
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)
AS_OF = datetime.date(2026, 4, 25)
MONTHS = [datetime.date(2026, m, 1) for m in (1, 2, 3, 4)]

# One unit's month: no report, or a report in some state with a count (or none) and a ratio
# (or none). Zero counts and zero numerators are frequent on purpose.
month_report = st.one_of(
    st.none(),
    st.tuples(
        st.sampled_from(
            [WorkflowStatus.ACCEPTED, WorkflowStatus.ACCEPTED, WorkflowStatus.SUBMITTED]
        ),
        st.one_of(st.none(), st.integers(0, 2)),
        st.one_of(st.none(), st.tuples(st.integers(0, 20), st.integers(1, 20))),
    ),
)
unit_reports = st.lists(month_report, min_size=len(MONTHS), max_size=len(MONTHS))


def _build(units_reports):
    province = OrgUnitFactory(unit_type=UnitTypeFactory(code="tinh", level=0), name="Tỉnh")
    xa = UnitTypeFactory(code="xa")
    units = [
        OrgUnitFactory(parent=province, unit_type=xa, name=f"Xã {n}")
        for n in range(len(units_reports))
    ]
    plan = PlanFactory(issuer=province)
    schedule = ScheduleFactory(plan=plan, unit_types=[xa])
    count = IndicatorFactory(temporal=Indicator.Temporal.CUMULATIVE)
    ratio = RatioIndicatorFactory(temporal=Indicator.Temporal.CUMULATIVE)
    for indicator in (count, ratio):
        ScheduleIndicatorFactory(schedule=schedule, indicator=indicator)
    targets = {
        "sum": TargetFactory(plan=plan, indicator=count, value=3, unit="count", text="Tổng"),
        "ratio": TargetFactory(plan=plan, indicator=ratio, value=50, text="Tỷ lệ"),
        "each": TargetFactory(
            plan=plan,
            indicator=count,
            value=1,
            unit="count",
            due_year=None,
            text="Hằng năm, mỗi xã có ít nhất 01 mô hình",
            applies_to_each_unit=True,
        ),
    }
    periods = [PeriodFactory(schedule=schedule, start=month) for month in MONTHS]
    for unit, months in zip(units, units_reports, strict=True):
        for period, entry in zip(periods, months, strict=True):
            if entry is None:
                continue
            status, value, fraction = entry
            report = Report.objects.create(unit=unit, period=period, status=status)
            if value is not None:
                ReportValue.objects.create(report=report, indicator=count, value=value)
            if fraction is not None:
                numerator, denominator = fraction
                ReportValue.objects.create(
                    report=report,
                    indicator=ratio,
                    numerator=min(numerator, denominator),
                    denominator=denominator,
                )
            if status == WorkflowStatus.ACCEPTED:
                rollup_apply_report(report, sign=1)  # what report_accept does
    return province, units, plan, targets, count, ratio


def _expected(units, count, ratio):
    """unit id -> own year sum of counts (None: no data); the province's sum and ratio."""
    accepted = ReportValue.objects.filter(
        report__status=WorkflowStatus.ACCEPTED, report__unit__in=units
    ).values_list("report__unit_id", "indicator_id", "value", "numerator", "denominator")
    own: dict[int, Decimal | None] = {u.pk: None for u in units}
    numerators = denominators = Decimal(0)
    has_ratio = False
    for unit_id, indicator_id, value, numerator, denominator in accepted:
        if indicator_id == count.pk:
            own[unit_id] = (own[unit_id] or 0) + value
        elif indicator_id == ratio.pk:
            numerators, denominators, has_ratio = (
                numerators + numerator,
                denominators + denominator,
                True,
            )
    known = [v for v in own.values() if v is not None]
    total = sum(known) if known else None
    share = numerators * 100 / denominators if has_ratio else None
    return own, total, share


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(Decimal(a) - Decimal(b)) < Decimal("0.0001")


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(units_reports=st.lists(unit_reports, min_size=1, max_size=4))
def test_every_page_shows_what_the_accepted_reports_add_up_to(client, units_reports):
    with transaction.atomic():
        province, units, plan, targets, count, ratio = _build(units_reports)
        own, total, share = _expected(units, count, ratio)
        met = sum(1 for v in own.values() if v is not None and v >= 1)
        with_data = sum(1 for v in own.values() if v is not None)

        # The overview, from the province.
        overview = selectors.plan_overview(scope=SUPER, plan=plan, as_of=AS_OF)
        lines = {line.target.pk: line for line in overview.lines}
        assert _close(lines[targets["sum"].pk].verdict.current, total)
        assert _close(lines[targets["ratio"].pk].verdict.current, share)
        each = lines[targets["each"].pk]
        if with_data:
            assert (each.units_met, each.verdict.units_judged) == (met, len(units))
            assert each.reporting_units == with_data
        else:
            assert each.verdict.status == "no_data"
        assert (each.verdict.status == "met") == (met == len(units))

        # The target pages: each unit with its own figure; the sources add up to the total.
        statuses: dict[tuple[int, int], str] = {}
        for key in ("sum", "each"):
            detail = selectors.target_detail(scope=SUPER, target=targets[key], as_of=AS_OF)
            assert detail.verdict.status == lines[targets[key].pk].verdict.status
            assert _close(detail.verdict.current, lines[targets[key].pk].verdict.current)
            rows = {row.unit.pk: row for row in detail.children}
            for unit in units:
                row = rows[unit.pk]
                assert _close(row.value, own[unit.pk])
                assert (row.verdict.status == "no_data") == (own[unit.pk] is None)
                if key == "each":
                    assert (row.verdict.status == "met") == ((own[unit.pk] or 0) >= 1)
                statuses[(unit.pk, targets[key].pk)] = row.verdict.status
            sources = [v.value for r in detail.reports for v in r.values.all()]
            assert _close(sum(sources) if sources else None, total)

        # The heat map and every unit's own page say the same of each unit.
        heat = selectors.heat_map(scope=SUPER, plan=plan, as_of=AS_OF)
        columns = [t.pk for t in heat.targets]
        for unit, cells in heat.rows:
            for target_pk, cell in zip(columns, cells, strict=True):
                if (unit.pk, target_pk) in statuses:
                    assert cell.status == statuses[(unit.pk, target_pk)]
        for unit in units:
            page = selectors.unit_page(scope=SUPER, unit=unit, as_of=AS_OF)
            unit_lines = {line.target.pk: line for line in dict(page.plans)[plan]}
            for key in ("sum", "each"):
                line = unit_lines[targets[key].pk]
                assert _close(line.verdict.current, own[unit.pk])
                assert line.verdict.status == statuses[(unit.pk, targets[key].pk)]

        # The Excel export carries the overview's figures.
        book = load_workbook(
            io.BytesIO(exports.plan_workbook(overview=overview, heat=heat, task_groups=[]))
        )
        sheet = {row[1]: row for row in book["Chỉ tiêu"].iter_rows(min_row=4, values_only=True)}
        expected_sum = None if total is None else round(float(total), 2)
        assert sheet["Tổng"][4] == expected_sum
        if with_data:
            assert sheet[targets["each"].text][4] == f"{met}/{len(units)} đơn vị đạt"

        # And the page a leader opens renders the same.
        client.force_login(user_with_role(province, Role.LEADER))
        html = client.get(
            reverse("monitoring:plan", args=[plan.pk]), {"as_of": AS_OF.isoformat()}
        ).content.decode()
        row = html.split(f'id="target-{targets["each"].pk}"')[1].split("</tr>")[0]
        if with_data:
            assert f"<strong>{met}/{len(units)}</strong>" in row
            assert f"{with_data}/{len(units)}" in row
        transaction.set_rollback(True)
