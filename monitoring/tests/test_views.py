"""Dashboards as people open them: figures from accepted reports, drill-down, scope, exports
opened back, and the SQL each page costs whatever the number of units."""

import datetime
import io
import json
import random
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from jobs.models import Job
from monitoring.tests.helpers import export
from org.models import Role
from org.scope import UserScope
from org.tests.factories import OrgUnitFactory, PersonFactory, user_with_role
from plans.tests.factories import PlanFactory, TargetFactory, TaskFactory
from reporting import services
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


def json_scripts(page: str) -> dict:
    """The data a page hands its charts ({{ x|json_script:"name" }}), by element id."""
    found = re.findall(r'<script id="([\w-]+)" type="application/json">(.*?)</script>', page)
    return {name: json.loads(data) for name, data in found}


def accept(unit, period, values, tasks=None):
    report = services.report_open(scope=SUPER, unit=unit, period=period)
    report = services.report_save_draft(
        scope=SUPER,
        user=None,
        report=report,
        expected_version=report.version,
        values=values,
        task_updates=tasks or {},
        narrative={"results": f"Kết quả của {unit.name}."},
    )
    report = services.report_submit(scope=SUPER, user=None, report=report)
    report = services.report_approve(scope=SUPER, user=None, report=report)
    return services.report_accept(scope=SUPER, user=None, report=report)


@pytest.fixture
def dashboard(world):
    """The province's plan: a ratio target (≥ 90 % by 2030) and a count, reported by the two
    communes over two months; the first commune reported a lot, the second little."""
    plan = PlanFactory(issuer=world.province, title="Kế hoạch phong trào của tỉnh")
    schedule = ScheduleFactory(
        plan=plan, unit_types=[world.commune.unit_type], jump_warning_percent=30000
    )
    ratio = ScheduleIndicatorFactory(
        schedule=schedule, indicator=RatioIndicatorFactory(name="Tỷ lệ hồ sơ trực tuyến")
    ).indicator
    count = ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory()).indicator
    task = TaskFactory(plan=plan, title="Tuyên truyền chuyển đổi số")
    schedule.tasks.add(task)
    target = TargetFactory(
        plan=plan, indicator=ratio, value=90, text="90% hồ sơ trực tuyến", due_year=2030
    )
    TargetFactory(plan=plan, indicator=count, value=1, unit="count", text="01 mô hình mỗi năm")
    now = PeriodFactory(schedule=schedule)
    before = PeriodFactory(schedule=schedule, start=previous_month(now.start))
    done = {task.pk: {"status": "in_progress", "progress": 50}}
    for period in (before, now):
        accept(
            world.commune,
            period,
            {ratio.pk: {"numerator": 9, "denominator": 10}, count.pk: {"value": 1}},
            done,
        )
        accept(
            world.other_commune,
            period,
            {ratio.pk: {"numerator": 10, "denominator": 100}, count.pk: {"value": 0}},
            done,
        )
    return {
        "plan": plan,
        "target": target,
        "now": now,
        "ratio": ratio,
        "count": count,
        "task": task,
    }


class TestPlanOverview:
    def test_the_province_sees_the_ratio_of_sums_of_its_communes(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.LEADER))
        page = client.get(reverse("monitoring:plan", args=[dashboard["plan"].pk])).content.decode()
        # (9 + 10) / (10 + 100) = 17,3 % — never the average of 90 % and 10 % (50 %).
        table = page.split('data-testid="targets"')[1]
        row = table.split("90% hồ sơ trực tuyến</a>")[1].split("</tr>")[0]
        assert "<strong>17,3</strong>" in row
        assert "2/2" in page

    def test_the_overview_says_how_many_targets_are_monitored_elsewhere_or_not_yet(
        self, client, world, dashboard
    ):
        plan = dashboard["plan"]
        TargetFactory(plan=plan, text="Thuộc nhóm 15 tỉnh dẫn đầu PII", measured_elsewhere="PII")
        TargetFactory(plan=plan, text="80% hộ dùng Internet cáp quang")
        TargetFactory(plan=plan, text="90% doanh nghiệp dùng nền tảng số")
        client.force_login(user_with_role(world.province, Role.LEADER))
        page = client.get(reverse("monitoring:plan", args=[plan.pk])).content.decode()
        coverage = page.split('data-testid="target-coverage">')[1].split("</p>")[0]
        assert "2/5 chỉ tiêu định lượng được theo dõi" in coverage
        assert "1 đo ở nơi khác" in coverage and "2 chưa theo dõi" in coverage
        # The donut counts only the two monitored targets: none of the others is "no data".
        donut = page.split('data-testid="status-donut"')[1].split("</ul>")[0]
        assert "tổng 2 chỉ tiêu." in donut
        assert '<span class="badge badge-no_data">0</span>' in donut

    def test_a_commune_sees_the_provinces_targets_with_its_own_figures(
        self, client, world, dashboard
    ):
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        page = client.get(reverse("monitoring:plan", args=[dashboard["plan"].pk])).content.decode()
        assert "Số liệu của UBND xã Thống Nhất" in page
        assert "90" in page and "17,3" not in page

    def test_a_unit_outside_the_scope_cannot_be_asked_for(self, client, world, dashboard):
        client.force_login(user_with_role(world.commune, Role.COORDINATOR))
        url = reverse("monitoring:plan", args=[dashboard["plan"].pk])
        assert client.get(url, {"unit": world.other_commune.pk}).status_code == 404

    def test_filters_answer_a_fragment_without_the_page(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.LEADER))
        response = client.get(
            reverse("monitoring:plan", args=[dashboard["plan"].pk]),
            {"as_of": dashboard["now"].end.isoformat()},
            headers={"HX-Request": "true"},
        )
        body = response.content.decode()
        assert "<html" not in body and 'data-testid="status-donut"' in body

    def test_an_accept_is_on_the_dashboard_at_once(self, client, world, dashboard):
        village = OrgUnitFactory(parent=world.commune, unit_type=world.commune.unit_type)
        client.force_login(user_with_role(world.province, Role.LEADER))
        url = reverse("monitoring:plan", args=[dashboard["plan"].pk])
        accept(
            village,
            dashboard["now"],
            {
                dashboard["ratio"].pk: {"numerator": 91, "denominator": 100},
                dashboard["count"].pk: {"value": 0},
            },
            {dashboard["task"].pk: {"status": "not_started"}},
        )
        page = client.get(url).content.decode()
        assert "52,4" in page  # (9 + 10 + 91) / (10 + 100 + 100)
        assert "3/3" in page


class TestTargetPage:
    def test_units_below_are_ranked_with_their_share_and_their_reports(
        self, client, world, dashboard
    ):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        page = client.get(
            reverse("monitoring:target", args=[dashboard["target"].pk])
        ).content.decode()
        children = page.split('data-testid="children"')[1].split("</table>")[0]
        assert children.index("UBND xã Thống Nhất") < children.index("UBND xã Bắc Hà")
        assert "90" in children and "47,4%" in children  # 9 of the 19 online dossiers
        sources = page.split('data-testid="sources"')[1]
        assert "9/10 (90%)" in sources

    def test_units_can_be_ranked_by_their_share_of_the_total(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        url = reverse("monitoring:target", args=[dashboard["target"].pk])
        by_value = client.get(url).content.decode().split('data-testid="children"')[1]
        assert by_value.index("UBND xã Thống Nhất") < by_value.index("UBND xã Bắc Hà")
        page = client.get(url, {"order": "share"}).content.decode()
        by_share = page.split('data-testid="children"')[1]
        # 10 of the 19 online dossiers came from Bắc Hà, though its ratio is the lower one.
        assert by_share.index("UBND xã Bắc Hà") < by_share.index("UBND xã Thống Nhất")
        assert "xếp theo tỷ trọng đóng góp" in page.lower()

    def test_drill_down_to_a_commune_lists_who_has_not_reported(self, client, world, dashboard):
        silent = OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type)
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        page = client.get(
            reverse("monitoring:target", args=[dashboard["target"].pk])
        ).content.decode()
        assert silent.name in page.split('data-testid="without-data"')[1].split("</ul>")[0]
        drilled = client.get(
            reverse("monitoring:target", args=[dashboard["target"].pk]),
            {"unit": world.commune.pk},
        ).content.decode()
        assert "UBND tỉnh Lào Cai</a> ›" in drilled

    def test_every_chart_saves_as_png_and_links_down_by_the_units_id(
        self, client, world, dashboard
    ):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        target = reverse("monitoring:target", args=[dashboard["target"].pk])
        heat = reverse("monitoring:heat_map", args=[dashboard["plan"].pk])
        charts = {}
        for url in (target, heat):
            charts.update(json_scripts(client.get(url).content.decode()))
        options = [v for k, v in charts.items() if k.endswith("-data")]
        assert len(options) >= 3
        assert all(o["toolbox"]["feature"]["saveAsImage"] for o in options)
        assert charts["unit-links"][str(world.commune.pk)] == f"{target}?unit={world.commune.pk}"

    def test_the_chart_bundle_holds_every_chart_type_and_component_the_pages_use(
        self, client, world, dashboard
    ):
        """assets/echarts.js registers only the parts of ECharts drawn here (#17): a chart
        option the server starts to send without its part in the bundle fails here, not as a
        blank chart on a province's screen."""
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        options = []
        for name in ("target", "heat_map"):
            pk = dashboard["target" if name == "target" else "plan"].pk
            page = client.get(reverse(f"monitoring:{name}", args=[pk])).content.decode()
            options += [v for k, v in json_scripts(page).items() if k.endswith("-data")]
        needed = set()
        for option in options:
            for series in option["series"]:
                needed.add(series["type"].capitalize() + "Chart")
                needed |= {COMPONENT[key] for key in series if key in COMPONENT}
            needed |= {COMPONENT[key] for key in option if key in COMPONENT}
            if "visualMap" in option:
                needed.add("VisualMap" + option["visualMap"]["type"].capitalize() + "Component")
        bundle = (settings.BASE_DIR / "assets" / "echarts.js").read_text()
        registered = set(
            re.search(r"echarts\.use\(\[(.*?)\]\)", bundle, re.S)[1].replace(",", " ").split()
        )
        assert {"LineChart", "BarChart", "HeatmapChart"} <= needed
        assert needed <= registered, needed - registered
        assert len(registered) <= len(needed) + 1  # + the canvas renderer: nothing unused

    def test_only_pages_with_charts_load_the_chart_script(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        plan = dashboard["plan"].pk
        with_charts = [
            reverse("monitoring:heat_map", args=[plan]),
            reverse("monitoring:target", args=[dashboard["target"].pk]),
        ]
        without = [
            # Its status donut is SVG drawn on the server (#17).
            reverse("monitoring:plan", args=[plan]),
            reverse("monitoring:index"),
            reverse("monitoring:tasks", args=[plan]),
            reverse("monitoring:unit", args=[world.commune.pk]),
            reverse("plans:list"),
            reverse("reporting:list"),
        ]
        for url in with_charts:
            assert "vendor/echarts/charts.min.js" in client.get(url).content.decode(), url
        for url in without:
            assert "echarts" not in client.get(url).content.decode(), url


# Option keys of ECharts and the component of assets/echarts.js that draws them.
COMPONENT = {
    "tooltip": "TooltipComponent",
    "toolbox": "ToolboxComponent",
    "legend": "LegendPlainComponent",
    "grid": "GridComponent",
    "xAxis": "GridComponent",
    "markLine": "MarkLineComponent",
    "markArea": "MarkAreaComponent",
    "markPoint": "MarkPointComponent",
    "title": "TitleComponent",
    "dataZoom": "DataZoomComponent",
    "dataset": "DatasetComponent",
}


class TestOtherPages:
    def test_heat_map_unit_page_and_task_board(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        heat = client.get(reverse("monitoring:heat_map", args=[dashboard["plan"].pk]))
        table = heat.content.decode().split('data-testid="heat-table"')[1]
        assert "UBND xã Thống Nhất" in table and "badge-" in table
        unit = client.get(reverse("monitoring:unit", args=[world.commune.pk])).content.decode()
        assert "90% hồ sơ trực tuyến" in unit and 'data-testid="timeliness"' in unit
        tasks = client.get(reverse("monitoring:tasks", args=[dashboard["plan"].pk]))
        assert "Tuyên truyền chuyển đổi số" in tasks.content.decode()
        assert "50%" in tasks.content.decode()

    def test_the_task_board_status_follows_the_progress_it_shows(self, client, world, dashboard):
        """The province's task itself was never touched ("Chưa thực hiện"); its communes
        report it in progress at 50 %: the board says "Đang thực hiện", as does the export."""
        assert dashboard["task"].status == "not_started"
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        page = client.get(reverse("monitoring:tasks", args=[dashboard["plan"].pk])).content.decode()
        row = page.split("Tuyên truyền chuyển đổi số")[1].split("</tr>")[0]
        assert 'data-status="in_progress"' in row and "Đang thực hiện" in row
        assert "Chưa thực hiện" not in row
        response = export(client, "monitoring:plan_excel", dashboard["plan"].pk)
        sheet = load_workbook(io.BytesIO(response.content))["Nhiệm vụ"]
        cells = [c for r in sheet.iter_rows(values_only=True) for c in r]
        assert "Đang thực hiện" in cells and "Chưa thực hiện" not in cells


class TestExports:
    def test_an_export_answers_at_once_with_its_job_page(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.LEADER))
        url = reverse("monitoring:plan_excel", args=[dashboard["plan"].pk])
        response = client.post(f"{url}?unit={world.commune.pk}&as_of=2026-10-31")
        job = Job.objects.get()
        assert response["Location"] == reverse("jobs:detail", args=[job.pk])
        assert job.params["unit"] == world.commune.pk and job.params["as_of"] == "2026-10-31"
        assert client.get(url).status_code == 405  # a link cannot start one

    def test_an_export_of_a_plan_out_of_scope_starts_nothing(self, client, world, dashboard):
        client.force_login(user_with_role(world.other_province, Role.LEADER))
        url = reverse("monitoring:plan_word", args=[dashboard["plan"].pk])
        assert client.post(url).status_code == 404
        assert not Job.objects.exists()

    def test_the_dashboard_tables_open_in_excel(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.LEADER))
        response = export(client, "monitoring:plan_excel", dashboard["plan"].pk)
        book = load_workbook(io.BytesIO(response.content))
        assert book.sheetnames == ["Chỉ tiêu", "Bản đồ nhiệt", "Nhiệm vụ"]
        rows = list(book["Chỉ tiêu"].iter_rows(min_row=4, values_only=True))
        ratio_row = next(r for r in rows if r[1] == "90% hồ sơ trực tuyến")
        assert ratio_row[4] == pytest.approx(17.27, abs=0.01)
        target = export(client, "monitoring:target_excel", dashboard["target"].pk)
        units = load_workbook(io.BytesIO(target.content))["Đơn vị"]
        assert units["B4"].value == "UBND xã Thống Nhất"

    def test_the_narrative_report_is_a_word_document_prefilled(self, client, world, dashboard):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        response = export(client, "monitoring:plan_word", dashboard["plan"].pk)
        assert response["Content-Type"].endswith("wordprocessingml.document")
        document = Document(io.BytesIO(response.content))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "UBND TỈNH LÀO CAI" in cells
        assert "BÁO CÁO" in text and "Kết quả của UBND xã Thống Nhất." in text
        assert "90% hồ sơ trực tuyến" in cells and "17,3%" in cells
        assert "Tuyên truyền chuyển đổi số" in cells

    def test_a_blank_number_plan_is_named_by_issuer_and_date_in_both_exports(
        self, client, world, dashboard
    ):
        plan = dashboard["plan"]
        plan.number, plan.status, plan.issued_period = "", "draft", "2026-07"
        plan.save()
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        excel = export(client, "monitoring:plan_excel", plan.pk)
        heading = load_workbook(io.BytesIO(excel.content))["Chỉ tiêu"]["A1"].value
        assert heading.startswith("Kế hoạch (chưa có số) của UBND tỉnh Lào Cai, 07/2026")
        word = export(client, "monitoring:plan_word", plan.pk)
        text = "\n".join(p.text for p in Document(io.BytesIO(word.content)).paragraphs)
        assert "Thực hiện Kế hoạch (chưa có số) tháng 07/2026 của UBND tỉnh Lào Cai" in text
        page = client.get(reverse("monitoring:tasks", args=[plan.pk])).content.decode()
        assert "Kế hoạch (chưa có số) của UBND tỉnh Lào Cai, 07/2026" in page


class TestTaskAccountability:
    """ "06 rõ" (seed 001 §I): the board and the exports say who answers for a task and who
    decides on its product."""

    @pytest.fixture
    def accountable(self, world, dashboard):
        task = dashboard["plan"].tasks.get()
        task.person_in_charge = PersonFactory(unit=world.commune, full_name="Lò Văn Minh")
        task.deciding_authority = "Chủ tịch UBND tỉnh"
        task.save()
        task.lead_units.add(world.commune)
        return dashboard

    def test_the_task_board_shows_the_person_in_charge_and_the_authority(
        self, client, world, accountable
    ):
        client.force_login(user_with_role(world.province, Role.LEADER))
        page = client.get(reverse("monitoring:tasks", args=[accountable["plan"].pk]))
        board = page.content.decode().split('data-testid="task-board"')[1]
        assert "Lò Văn Minh" in board.split('data-testid="task-person"')[1].split("</td>")[0]
        assert "Chủ tịch UBND tỉnh" in board.split('data-testid="task-authority"')[1]

    def test_the_excel_and_word_exports_show_them(self, client, world, accountable):
        client.force_login(user_with_role(world.province, Role.COORDINATOR))
        excel = export(client, "monitoring:plan_excel", accountable["plan"].pk)
        sheet = load_workbook(io.BytesIO(excel.content))["Nhiệm vụ"]
        header = [c.value for c in sheet[3]]
        row = dict(zip(header, [c.value for c in sheet[4]], strict=True))
        assert row["Người phụ trách"] == "Lò Văn Minh"
        assert row["Thẩm quyền quyết định"] == "Chủ tịch UBND tỉnh"
        word = export(client, "monitoring:plan_word", accountable["plan"].pk)
        document = Document(io.BytesIO(word.content))
        cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "Phụ trách: Lò Văn Minh" in cells
        assert "Thẩm quyền quyết định: Chủ tịch UBND tỉnh" in cells


class TestQueryCounts:
    def _province(self, world, communes):
        plan = PlanFactory(issuer=world.province)
        schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
        indicators = [
            ScheduleIndicatorFactory(schedule=schedule, indicator=factory()).indicator
            for factory in (RatioIndicatorFactory, IndicatorFactory, RatioIndicatorFactory)
        ]
        for indicator in indicators:
            TargetFactory(plan=plan, indicator=indicator, value=50)
        task = TaskFactory(plan=plan, person_in_charge=PersonFactory(unit=world.province))
        schedule.tasks.add(task)
        units = [
            OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type)
            for _ in range(communes)
        ]
        start = datetime.date.today().replace(day=1)
        rng = random.Random(communes)
        for _ in range(3):
            period = PeriodFactory(schedule=schedule, start=start)
            start = previous_month(start)
            for unit in units:
                values = {
                    i.pk: {"numerator": rng.randint(1, 9), "denominator": 10, "value": 2}
                    for i in indicators
                }
                accept(unit, period, values, {task.pk: {"status": "in_progress", "progress": 30}})
        return plan

    def _queries(self, client, url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def test_dashboards_cost_the_same_for_3_or_25_communes(self, client, world):
        client.force_login(user_with_role(world.province, Role.LEADER))
        small, large = self._province(world, 3), self._province(world, 25)
        # Measured (06/12/2026, SQLite and the same on every page before and after the one
        # Judge read the first figures with the recent ones): 15, 21, 11; target 26; unit 23.
        bounds = {"monitoring:plan": 15, "monitoring:heat_map": 21, "monitoring:tasks": 11}
        for name, bound in bounds.items():
            # Warm up first: what a process reads once and keeps (it cost 3 more queries on the
            # first page of a CI run) is not a cost per commune.
            client.get(reverse(name, args=[small.pk]))
            few = self._queries(client, reverse(name, args=[small.pk]))
            many = self._queries(client, reverse(name, args=[large.pk]))
            assert few == many <= bound, name
        for plan in (small, large):
            target = plan.targets.first()
            assert self._queries(client, reverse("monitoring:target", args=[target.pk])) <= 26
        assert self._queries(client, reverse("monitoring:unit", args=[world.province.pk])) <= 23


class TestEachUnitTargets:
    def test_a_target_for_each_unit_is_met_only_when_every_unit_meets_it(
        self, client, world, dashboard
    ):
        """Seed 004 §II.2d: every unit at least 01 model a year. The communes reported 1 and
        0 this year: the province's sum (2) is not the point; one of two units meets it."""
        count_target = dashboard["plan"].targets.get(text="01 mô hình mỗi năm")
        count_target.applies_to_each_unit = True
        count_target.text = "Hằng năm, mỗi xã có ít nhất 01 mô hình"
        count_target.save()
        client.force_login(user_with_role(world.province, Role.LEADER))
        page = client.get(reverse("monitoring:plan", args=[dashboard["plan"].pk])).content.decode()
        row = page.split('data-testid="targets"')[1].split("01 mô hình</a>")[1].split("</tr>")[0]
        assert "<strong>1/2</strong>" in row
        assert 'data-status="met"' not in row
        heat = client.get(reverse("monitoring:heat_map", args=[dashboard["plan"].pk]))
        table = heat.content.decode().split('data-testid="heat-table"')[1]
        assert table.count("badge-met") >= 1 and "badge-at_risk" in table


def test_the_word_report_quotes_only_what_heads_approved_dated_in_vietnam(client, world, dashboard):
    import datetime as dt

    from django.utils import timezone

    from reporting.models import Report

    # A late-evening submission in Vietnam is the previous day in UTC.
    evening = timezone.make_aware(dt.datetime(2026, 11, 20, 6, 30), dt.UTC)
    Report.objects.filter(unit=world.commune).update(submitted_at=evening)
    returned = Report.objects.get(unit=world.other_commune, period=dashboard["now"])
    Report.objects.filter(pk=returned.pk).update(status="returned", results="Chưa duyệt: bỏ qua.")
    client.force_login(user_with_role(world.province, Role.COORDINATOR))
    response = export(client, "monitoring:plan_word", dashboard["plan"].pk)
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Chưa duyệt: bỏ qua." not in text
    assert "gửi ngày 20/11/2026" in text


def test_a_unit_is_judged_against_the_level_it_registered(world, dashboard):
    """The commune's 90 % meets the plan's 90 %, not the 95 % its approved registration
    committed to; a registration still in draft commits to nothing."""
    from monitoring.selectors import target_detail
    from registrations.models import RegisteredTarget, Registration

    def status():
        detail = target_detail(scope=SUPER, target=dashboard["target"], unit=world.commune)
        return detail.verdict.status

    assert status() == "met"
    registration = Registration.objects.create(
        plan=dashboard["plan"], unit=world.commune, year=datetime.date.today().year
    )
    RegisteredTarget.objects.create(registration=registration, target=dashboard["target"], value=95)
    assert status() == "met"  # a draft registration binds nobody
    registration.status = Registration.Status.APPROVED
    registration.save()
    assert status() != "met"


def test_the_heat_map_agrees_with_the_target_page_in_january(world, dashboard):
    """Early in a year, before its first figures, a cell still says what December's said."""
    from monitoring.selectors import heat_map, target_detail

    january = datetime.date(dashboard["now"].start.year + 1, 1, 10)
    heat = heat_map(scope=SUPER, plan=dashboard["plan"], as_of=january)
    column = heat.targets.index(dashboard["target"])
    cells = {unit.pk: cells[column] for unit, cells in heat.rows}
    page = target_detail(scope=SUPER, target=dashboard["target"], unit=world.commune, as_of=january)
    assert cells[world.commune.pk].status == page.verdict.status == "met"


def test_a_slice_of_the_donut_drills_down_to_the_targets_of_its_status(client, world, dashboard):
    client.force_login(user_with_role(world.province, Role.COORDINATOR))
    url = reverse("monitoring:plan", args=[dashboard["plan"].pk])
    page = client.get(url, {"as_of": dashboard["now"].start.isoformat()}).content.decode()
    donut = page.split('data-testid="status-donut"')[1].split("</ul>")[0]
    link = f"?as_of={dashboard['now'].start.isoformat()}&amp;status=met"
    # The slice and its line of the legend lead to the same targets, filters kept.
    assert f'<a href="{link}" tabindex="-1">' in donut
    assert f'<a href="{link}"><span class="badge badge-met">' in donut
    met = client.get(url + link.replace("&amp;", "&")).content.decode()
    table = met.split('data-testid="targets"')[1]
    assert "01 mô hình mỗi năm" in table and "90% hồ sơ trực tuyến" not in table
    assert "Xem tất cả chỉ tiêu" in met
    everything = client.get(url).content.decode().split('data-testid="targets"')[1]
    assert "01 mô hình mỗi năm" in everything and "90% hồ sơ trực tuyến" in everything


def test_the_lists_of_a_target_are_cut_for_the_page_but_their_counts_are_not(
    client, world, dashboard, monkeypatch
):
    from monitoring import selectors

    for _silent in range(3):
        OrgUnitFactory(parent=world.province, unit_type=world.commune.unit_type)
    monkeypatch.setattr(selectors.targets, "WITHOUT_DATA_SHOWN", 2)
    monkeypatch.setattr(selectors.targets, "SOURCES_SHOWN", 1)
    client.force_login(user_with_role(world.province, Role.COORDINATOR))
    page = client.get(reverse("monitoring:target", args=[dashboard["target"].pk])).content.decode()
    heading = page.split('id="without-data"')[1].split("</h2>")[0]
    assert '<span class="badge text-bg-secondary">3</span>' in heading
    assert "Hiển thị 2 đơn vị đầu" in page and "Hiển thị 1 trong 2 báo cáo" in page
