"""The lists a civil servant reads row by row fit a phone (360 px): the units, a plan's cascade,
the targets, a plan's targets and tasks, the plan's monitored targets, the award rounds and the
award catalogue. Each row is one block within the screen, its cells named by their column's
header, instead of a table scrolled sideways inside its box (measured on the demo before: the
targets list 956 px wide, the monitored targets 702 px, the catalogue 500 px)."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from nominations.tests.factories import round_world
from org.models import UnitType
from org.tests.factories import EmulationBlockFactory, OrgUnitFactory, put_in_block
from plans.models import PlanReference
from plans.tests.factories import PlanFactory, TargetFactory, TaskDeadlineFactory, TaskFactory
from reporting.tests.factories import IndicatorFactory, ScheduleFactory, ScheduleIndicatorFactory
from tests.e2e.test_phone_layout import PHONE, page_width, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The right edge of the widest row, or of anything inside a row (a line kept unbroken in its
# cell overflows the cell without widening it), and how far the table's box scrolls sideways
# (a table a little wider than its box is cut at the box's edge, within the screen).
MEASURE = """(table) => {
  const box = table.closest('.table-responsive') || table.parentElement;
  const edges = [...table.querySelectorAll('tbody tr, tbody tr *')]
    .map((el) => el.getBoundingClientRect().right);
  return {right: Math.max(...edges), scrolls: box.scrollWidth - box.clientWidth};
}"""


@pytest.fixture
def lists(world):
    """The province's plan as the seeds write them: long targets followed with indicators, units
    responsible, a yearly path; tasks with lead and coordinating units; a commune's plan that
    implements it with a target tied to the province's; an award round."""
    rw = round_world(world)
    # Units named, coded and typed as the seeds do; a village merged in the 2025 reorganisation.
    UnitType.objects.filter(code="so").update(name="Sở, ban, ngành")
    UnitType.objects.filter(code="thon").update(name="Thôn, tổ dân phố")
    science = OrgUnitFactory(
        parent=world.province,
        code="P1-SKHCN",
        name="Sở Khoa học và Công nghệ tỉnh Lào Cai",
        unit_type=world.department.unit_type,
    )
    put_in_block(science, EmulationBlockFactory(province=world.province, code="K01"))
    OrgUnitFactory(
        parent=world.commune,
        code="P1-X1-T2",
        name="Thôn Nậm Cang",
        unit_type=world.village.unit_type,
        valid_to=datetime.date(2025, 6, 30),
    )
    plan = PlanFactory(
        issuer=world.province,
        number="86/KH-UBND",
        title="Kế hoạch thực hiện phong trào thi đua “Cả nước thi đua đổi mới sáng tạo”",
    )
    schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
    targets = []
    for n, text in enumerate(
        (
            "Hằng năm, mỗi sở, ngành, địa phương có ít nhất 01 mô hình, sáng kiến chuyển đổi số",
            "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
            "Phấn đấu 90% dân số trưởng thành có kỹ năng số cơ bản",
        )
    ):
        indicator = IndicatorFactory(name=f"Chỉ số theo dõi chỉ tiêu {n + 1} của kế hoạch")
        ScheduleIndicatorFactory(schedule=schedule, indicator=indicator)
        target = TargetFactory(
            plan=plan,
            text=text,
            section="II. Mục tiêu cụ thể đến năm 2030",
            subject="sở, ban, ngành, địa phương",
            indicator=indicator,
            value=80,
            value_max=90,
            comparator="range",
            baseline_value=60,
            baseline_year=2025,
            yearly_values={"2026": 70, "2027": 75, "2028": 80, "2029": 85, "2030": 90},
        )
        target.responsible_units.set([world.department, world.commune, world.other_commune])
        targets.append(target)
    for title in ("Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã", "Sơ kết phong trào"):
        task = TaskFactory(
            plan=plan,
            title=title,
            product="Báo cáo kết quả tập huấn gửi Sở Nội vụ tổng hợp",
            deciding_authority="Chủ tịch UBND tỉnh",
            status="in_progress",
            progress=50,
        )
        task.lead_units.set([world.department])
        task.coordinating_units.set([world.commune, world.other_commune])
        TaskDeadlineFactory(task=task)
    commune_plan = PlanFactory(issuer=world.commune, number="12/KH-UBND")
    PlanReference.objects.create(plan=commune_plan, referenced=plan)
    TargetFactory(plan=commune_plan, parent_target=targets[0], text=targets[0].text)
    return {"user": rw.office.username, "plan": plan}


def phone_pages(lists):
    """Each list page, and the test id of each of its tables that must fit."""
    plan = lists["plan"].pk
    return {
        reverse("org:tree"): ["units"],
        reverse("plans:cascade", args=[plan]): ["cascade"],
        reverse("plans:target_list"): ["target-table"],
        reverse("plans:detail", args=[plan]): ["plan-targets", "task-table"],
        reverse("monitoring:plan", args=[plan]): ["targets"],
        reverse("nominations:rounds"): ["rounds"],
        reverse("awards:catalogue"): ["catalogue", "salaries"],
    }


def test_each_list_reads_row_by_row_within_a_phone(browser, live_server, lists):
    page = sign_in(browser, live_server, lists["user"], PHONE)
    too_wide = {}
    for path, tables in phone_pages(lists).items():
        page.goto(live_server.url + path)
        for name in tables:
            table = page.get_by_test_id(name)
            expect(table).to_be_visible()
            assert table.locator("tbody tr").count() >= 1, (path, name)
            measured = table.evaluate(MEASURE)
            if measured["right"] > PHONE["width"] or measured["scrolls"] > 0:
                too_wide[f"{path} {name}"] = measured
        assert page_width(page) <= PHONE["width"], path
    assert not too_wide, "; ".join(
        f"{where}: rows reach {m['right']:.0f} px, the box scrolls {m['scrolls']} px"
        for where, m in too_wide.items()
    )


def test_a_stacked_cell_is_named_by_its_columns_header(browser, live_server, lists):
    page = sign_in(browser, live_server, lists["user"], PHONE)
    page.goto(live_server.url + reverse("plans:detail", args=[lists["plan"].pk]))
    cell = page.get_by_test_id("plan-targets").locator("td[data-label='Đơn vị chịu trách nhiệm']")
    expect(cell.first).to_contain_text("Sở Nội vụ")
    label = cell.first.evaluate("(td) => getComputedStyle(td, '::before').content")
    assert label == '"Đơn vị chịu trách nhiệm: "', label
    page.goto(live_server.url + reverse("monitoring:plan", args=[lists["plan"].pk]))
    # The row's number leads its target, on the same line.
    row = page.get_by_test_id("targets").locator("tbody tr").first
    number, target = row.locator("td").nth(0), row.locator("td").nth(1)
    assert abs(number.bounding_box()["y"] - target.bounding_box()["y"]) <= 2
