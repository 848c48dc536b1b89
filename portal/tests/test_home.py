"""The home page shows each role the cards that concern it: a reporter the reports to send, a
head the reports to approve, a coordinator the plans, tasks and reports to handle, a leader (who
only reads) the figures, with links to the dashboards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from org.models import Role
from org.scope import UserScope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting import services
from reporting.models import Report
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
    previous_month,
)

pytestmark = pytest.mark.django_db
SUPER = UserScope(user_id=None, is_superuser=True)

COORDINATOR_CARDS = ("Kế hoạch cần ban hành", "Nhiệm vụ sắp đến hạn", "Chỉ tiêu chưa theo dõi")


def monitored_plan(world) -> dict:
    """A plan of the province: a count target reported monthly by the communes. Last month's
    period is past due: the first commune sent its report today, late (then accepted), the
    other did not send."""
    plan = PlanFactory(issuer=world.province, title="Kế hoạch phong trào của tỉnh")
    schedule = ScheduleFactory(plan=plan, unit_types=[world.commune.unit_type])
    count = ScheduleIndicatorFactory(schedule=schedule, indicator=IndicatorFactory()).indicator
    TargetFactory(plan=plan, indicator=count, value=1, unit="count", text="01 mô hình mỗi năm")
    this_month = PeriodFactory(schedule=schedule)
    last_month = PeriodFactory(schedule=schedule, start=previous_month(this_month.start))
    report = services.report_open(scope=SUPER, unit=world.commune, period=last_month)
    report = services.report_save_draft(
        scope=SUPER,
        user=None,
        report=report,
        expected_version=report.version,
        values={count.pk: {"value": 2}},
        narrative={"results": "Đã có mô hình."},
    )
    for step in (services.report_submit, services.report_approve, services.report_accept):
        report = step(scope=SUPER, user=None, report=report)
    return {"plan": plan, "schedule": schedule, "last_month": last_month, "this_month": this_month}


@pytest.fixture
def province(world):
    return monitored_plan(world)


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_reporter_sees_the_reports_to_send_and_no_card_of_the_coordinator(
    client, world, province
):
    page = home(client, user_with_role(world.other_commune, Role.REPORTER))
    sent = page.split('data-testid="home-reports-to-send"')[1].split("</ul>")[0]
    assert province["last_month"].label in sent and "Quá hạn" in sent
    assert province["this_month"].label in sent
    for card in (*COORDINATOR_CARDS, "Chờ bạn duyệt", 'data-testid="home-figures"'):
        assert card not in page


def test_a_reporter_sees_a_returned_report_marked_as_returned(client, world, province):
    report = services.report_open(
        scope=SUPER, unit=world.other_commune, period=province["this_month"]
    )
    Report.objects.filter(pk=report.pk).update(status="returned", return_reason="Thiếu số liệu")
    page = home(client, user_with_role(world.other_commune, Role.REPORTER))
    sent = page.split('data-testid="home-reports-to-send"')[1].split("</ul>")[0]
    assert "Bị trả lại" in sent


def test_a_reporter_with_nothing_to_send_is_told_so(client, world):
    page = home(client, user_with_role(world.commune, Role.REPORTER))
    assert 'data-testid="home-nothing-to-send"' in page


def test_a_head_sees_the_reports_to_approve_not_the_forms_to_fill(client, world, province):
    report = services.report_open(
        scope=SUPER, unit=world.other_commune, period=province["this_month"]
    )
    Report.objects.filter(pk=report.pk).update(status="submitted")
    page = home(client, user_with_role(world.other_commune, Role.HEAD))
    awaiting = page.split('data-testid="home-reports-awaiting"')[1].split("</ul>")[0]
    assert province["this_month"].label in awaiting
    for card in (*COORDINATOR_CARDS, "Cần nhập, gửi", 'data-testid="home-figures"'):
        assert card not in page


@pytest.mark.parametrize("role", [Role.LEADER, Role.COUNCIL])
def test_a_reader_sees_the_figures_with_links_to_the_dashboards_and_nothing_to_do(
    client, world, province, role
):
    page = home(client, user_with_role(world.province, role))
    figures = page.split('data-testid="home-figures"')[1]
    plan_url = reverse("monitoring:plan", args=[province["plan"].pk])
    assert f'href="{plan_url}"' in figures
    statuses = figures.split('data-testid="home-target-statuses"')[1].split("</ul>")[0]
    assert "1 chỉ tiêu có chỉ số theo dõi" in figures
    assert f'href="{plan_url}?status=' in statuses
    summary = figures.split('data-testid="home-period-summary"')[1].split("</p>")[0]
    assert reverse("reporting:board", args=[province["schedule"].pk]) in summary
    assert province["last_month"].label in summary
    assert "2 đơn vị phải báo cáo; 0 gửi đúng hạn, 1 gửi trễ, 1 chưa gửi." in summary
    for card in (*COORDINATOR_CARDS, "Cần nhập, gửi", "Chờ bạn duyệt", "<form method"):
        assert card not in page.split("</nav>", 1)[1]


def test_a_commune_leader_counts_only_the_units_of_the_commune(client, world, province):
    page = home(client, user_with_role(world.commune, Role.LEADER))
    summary = page.split('data-testid="home-period-summary"')[1].split("</p>")[0]
    assert "1 đơn vị phải báo cáo; 0 gửi đúng hạn, 1 gửi trễ, 0 chưa gửi." in summary


def test_a_coordinator_sees_the_plans_tasks_and_reports_to_handle(client, world, province):
    page = home(client, user_with_role(world.commune, Role.COORDINATOR))
    for card in (*COORDINATOR_CARDS, "Chờ bạn duyệt, tiếp nhận"):
        assert card in page
    assert 'data-testid="home-figures"' not in page
    assert "Cần nhập, gửi" not in page


def test_the_readers_home_costs_the_same_for_3_or_8_monitored_plans(client, world, province):
    """The figures show the first three plans; the page links to the rest (Giám sát)."""
    client.force_login(user_with_role(world.province, Role.LEADER))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("home")).status_code == 200
        return len(captured)

    def add_plans(n: int) -> None:
        for _ in range(n):
            monitored_plan(world)

    add_plans(2)
    few = queries()
    add_plans(5)
    assert queries() == few <= 50
