"""A target every unit must meet by itself (seed 004 §II.2d: "mỗi sở, ban, ngành, địa phương …
có ít nhất 01 mô hình"): each page shows a unit's own figure, the units with data are the units
judged, and the trend is the share of units meeting it, not the sum of their figures."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import Indicator
from monitoring import charts, selectors
from monitoring.tests.helpers import export
from monitoring.tests.test_views import SUPER, accept, json_scripts
from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2026, 4, 25)


@pytest.fixture
def models_target(world):
    """Models a year, for each commune: xã Thống Nhất reported 2 in March and 0 in April (its
    April report says 0, its year says 2); the other commune reported 0 both months."""
    plan = PlanFactory(issuer=world.province, title="Kế hoạch phong trào của tỉnh")
    schedule = ScheduleFactory(
        plan=plan, unit_types=[world.commune.unit_type], jump_warning_percent=30000
    )
    indicator = ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(temporal=Indicator.Temporal.CUMULATIVE),
    ).indicator
    target = TargetFactory(
        plan=plan,
        indicator=indicator,
        value=1,
        unit="count",
        text="Hằng năm, mỗi xã có ít nhất 01 mô hình",
        applies_to_each_unit=True,
    )
    march = PeriodFactory(schedule=schedule, start=datetime.date(2026, 3, 1))
    april = PeriodFactory(schedule=schedule, start=datetime.date(2026, 4, 1))
    for period, value in ((march, 2), (april, 0)):
        accept(world.commune, period, {indicator.pk: {"value": value}})
        accept(world.other_commune, period, {indicator.pk: {"value": 0}})
    return target


def _rows(page: str, testid: str) -> list[str]:
    return page.split(f'data-testid="{testid}"')[1].split("</tbody>")[0].split("</tr>")


def test_a_unit_is_listed_with_its_own_figure_for_the_year_not_a_share(
    client, world, models_target
):
    client.force_login(user_with_role(world.province, Role.LEADER))
    url = reverse("monitoring:target", args=[models_target.pk])
    page = client.get(url, {"as_of": AS_OF.isoformat()}).content.decode()
    rows = _rows(page, "children")
    own = next(r for r in rows if "UBND xã Thống Nhất" in r)
    other = next(r for r in rows if world.other_commune.name in r)
    assert ">2<" in own and 'data-status="met"' in own
    assert ">100" not in page.split('data-testid="children"')[1].split("</table>")[0]
    # Reported 0 of a required 1: not met, whatever the province's total.
    assert ">0<" in other and 'data-status="met"' not in other


def test_a_unit_that_reported_nothing_is_without_data_never_met(world, models_target):
    from reporting.models import ReportValue

    ReportValue.objects.filter(report__unit=world.other_commune).delete()
    from reporting.rollups import rollup_rebuild

    rollup_rebuild()
    detail = selectors.target_detail(scope=SUPER, target=models_target, as_of=AS_OF)
    other = next(r for r in detail.children if r.unit.pk == world.other_commune.pk)
    assert other.value is None and other.verdict.status == "no_data"
    assert detail.verdict.status != "met"


def test_the_overview_counts_as_having_data_the_units_it_judged(world, models_target):
    overview = selectors.plan_overview(scope=SUPER, plan=models_target.plan, as_of=AS_OF)
    line = next(line for line in overview.lines if line.target == models_target)
    assert (line.units_met, line.verdict.units_judged) == (1, 2)
    # Both communes have figures this year, though only their April reports are the latest.
    assert (line.reporting_units, line.expected_units) == (2, 2)
    assert line.verdict.status != "met"


def test_the_trend_of_a_target_for_each_unit_is_the_share_of_units_meeting_it(
    client, world, models_target
):
    client.force_login(user_with_role(world.province, Role.LEADER))
    url = reverse("monitoring:target", args=[models_target.pk])
    page = client.get(url, {"as_of": AS_OF.isoformat()}).content.decode()
    chart = json_scripts(page)["trend-data"]
    assert chart["series"][0]["data"] == [50.0, 50.0]  # one of two communes, not 2 → 2 models
    assert chart["series"][0]["markLine"]["data"] == [{"yAxis": 100.0}]
    assert chart["yAxis"]["min"] == 0 and chart["yAxis"]["max"] == 100


def test_a_unit_page_shows_its_own_figure_for_a_target_for_each_unit(world, models_target):
    page = selectors.unit_page(scope=SUPER, unit=world.commune, as_of=AS_OF)
    lines = dict(page.plans)[models_target.plan]
    line = next(line for line in lines if line.target == models_target)
    assert line.verdict.current == 2 and line.verdict.status == "met"


def test_the_sources_of_a_figure_that_adds_up_are_the_reports_of_the_year(world, models_target):
    detail = selectors.target_detail(scope=SUPER, target=models_target, as_of=AS_OF)
    sources = {(r.unit_id, r.period.start.month) for r in detail.reports}
    assert sources == {
        (world.commune.pk, 3),
        (world.commune.pk, 4),
        (world.other_commune.pk, 3),
        (world.other_commune.pk, 4),
    }
    total = sum(v.value for r in detail.reports for v in r.values.all())
    assert total == 2


def test_the_excel_overview_reads_units_met_as_the_page_does(client, world, models_target):
    client.force_login(user_with_role(world.province, Role.LEADER))
    download = export(
        client, "monitoring:plan_excel", models_target.plan.pk, f"?as_of={AS_OF.isoformat()}"
    )
    book = load_workbook(io.BytesIO(download.content))
    rows = list(book["Chỉ tiêu"].iter_rows(min_row=4, values_only=True))
    row = next(r for r in rows if r[1] == models_target.text)
    assert row[4] == "1/2 đơn vị đạt"


def test_the_trend_axis_of_a_count_does_not_go_below_zero(world, models_target):
    models_target.applies_to_each_unit = False
    models_target.save()
    detail = selectors.target_detail(scope=SUPER, target=models_target, as_of=AS_OF)
    assert charts.trend_chart(detail)["yAxis"]["min"] == 0
