"""Issue #13 Medium 9: the dashboards show a unit's figures, task states and lateness only to
those who may read that unit's reports (reporting.selectors.reports_visible_q). A commune's
reporter reads the commune's reports, not its villages' one by one: the unit page of a village,
the heat map's rows, the task board's updates and the target page's lists are closed to them
as the village's report pages are."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.tests.helpers import export
from monitoring.tests.test_views import accept
from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)

pytestmark = pytest.mark.django_db

VILLAGE_TASK_NOTE = "Thôn đã họp dân ba lần"


@pytest.fixture
def village_reports(world):
    """The province asks communes and villages for a count and a task; the village and the
    commune each have an accepted report."""
    plan = PlanFactory(issuer=world.province, title="Kế hoạch chuyển đổi số của tỉnh")
    schedule = ScheduleFactory(
        plan=plan, unit_types=[world.commune.unit_type, world.village.unit_type]
    )
    count = ScheduleIndicatorFactory(
        schedule=schedule, indicator=IndicatorFactory(name="Số mô hình")
    ).indicator
    task = TaskFactory(plan=plan, title="Tuyên truyền chuyển đổi số")
    schedule.tasks.add(task)
    target = TargetFactory(plan=plan, indicator=count, value=1, unit="count", text="01 mô hình")
    period = PeriodFactory(schedule=schedule)
    village_report = accept(
        world.village,
        period,
        {count.pk: {"value": 7}},
        {task.pk: {"status": "in_progress", "progress": 40, "note": VILLAGE_TASK_NOTE}},
    )
    accept(
        world.commune,
        period,
        {count.pk: {"value": 2}},
        {task.pk: {"status": "in_progress", "progress": 80}},
    )
    return {"plan": plan, "target": target, "report": village_report}


def _pages(world, data):
    plan, target = data["plan"], data["target"]
    return {
        "unit": (reverse("monitoring:unit", args=[world.village.pk]), {}),
        "plan_from_village": (
            reverse("monitoring:plan", args=[plan.pk]),
            {"unit": world.village.pk},
        ),
        "target_from_village": (
            reverse("monitoring:target", args=[target.pk]),
            {"unit": world.village.pk},
        ),
        "tasks_from_village": (
            reverse("monitoring:tasks", args=[plan.pk]),
            {"unit": world.village.pk},
        ),
    }


def test_a_communes_reporter_gets_404_for_a_villages_figures_as_for_its_reports(
    client, world, village_reports
):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    report_url = reverse("reporting:detail", args=[village_reports["report"].pk])
    assert client.get(report_url).status_code == 404
    for name, (url, query) in _pages(world, village_reports).items():
        assert client.get(url, query).status_code == 404, name


def test_a_communes_reporter_sees_no_village_on_the_commune_dashboards(
    client, world, village_reports
):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    plan, target = village_reports["plan"], village_reports["target"]
    heat = client.get(reverse("monitoring:heat_map", args=[plan.pk]))
    tasks = client.get(reverse("monitoring:tasks", args=[plan.pk]))
    detail = client.get(reverse("monitoring:target", args=[target.pk]))
    for response in (heat, tasks, detail):
        assert response.status_code == 200
        page = response.content.decode()
        assert "UBND xã Thống Nhất" in page  # the commune's own figures are there
        assert world.village.name not in page
        assert VILLAGE_TASK_NOTE not in page and "40%" not in page
    sheets = load_workbook(io.BytesIO(export(client, "monitoring:plan_excel", plan.pk).content))
    cells = {str(c) for sheet in sheets for row in sheet.iter_rows(values_only=True) for c in row}
    assert world.village.name not in cells and VILLAGE_TASK_NOTE not in cells


def test_the_communes_head_reads_the_village_everywhere(client, world, village_reports):
    """The other side of the rule: a role that reads the subtree's reports reads its figures."""
    client.force_login(user_with_role(world.commune, Role.HEAD))
    report_url = reverse("reporting:detail", args=[village_reports["report"].pk])
    assert client.get(report_url).status_code == 200
    for name, (url, query) in _pages(world, village_reports).items():
        assert client.get(url, query).status_code == 200, name
    plan = village_reports["plan"]
    heat = client.get(reverse("monitoring:heat_map", args=[plan.pk])).content.decode()
    assert world.village.name in heat
    tasks = client.get(reverse("monitoring:tasks", args=[plan.pk])).content.decode()
    assert world.village.name in tasks


@pytest.mark.parametrize(
    "role", [Role.COORDINATOR, Role.REPORTER, Role.HEAD, Role.COUNCIL, Role.LEADER]
)
def test_a_villages_unit_page_opens_exactly_when_its_report_does(
    client, world, village_reports, role
):
    client.force_login(user_with_role(world.commune, role))
    report = client.get(reverse("reporting:detail", args=[village_reports["report"].pk]))
    unit = client.get(reverse("monitoring:unit", args=[world.village.pk]))
    assert report.status_code == unit.status_code


def test_a_block_leader_with_no_other_role_gets_an_empty_index_not_an_error(
    client, world, village_reports
):
    """A block leader reads its block's score sheets (evaluation), not reports: the dashboards'
    list skips the plans of which it reads no unit's figures."""
    client.force_login(user_with_role(world.commune, Role.BLOCK_LEADER))
    response = client.get(reverse("monitoring:index"))
    assert response.status_code == 200
    assert "Kế hoạch chuyển đổi số của tỉnh" not in response.content.decode()
