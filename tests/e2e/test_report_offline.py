"""A commune on a weak connection: what is typed while offline survives a closed tab and is
saved when the page comes back; a figure someone else saved meanwhile is never overwritten."""

import pytest
from playwright.sync_api import expect

from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory
from reporting import services
from reporting.models import Report, ReportValue
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)
from tests.e2e.helpers import report_page_ready

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def report(world):
    schedule = ScheduleFactory(plan=PlanFactory(issuer=world.commune))
    ScheduleIndicatorFactory(
        schedule=schedule, indicator=IndicatorFactory(name="Số mô hình chuyển đổi số")
    )
    reporter = user_with_role(world.commune, Role.REPORTER, username="baocao")
    period = PeriodFactory(schedule=schedule)
    return services.report_open(scope=user_scope(reporter), unit=world.commune, period=period)


def signed_in(browser, live_server):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("baocao")
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    return context, page


def test_figures_typed_offline_survive_and_are_saved_when_back(browser, live_server, report):
    context, page = signed_in(browser, live_server)
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    report_page_ready(page)
    context.set_offline(True)
    page.get_by_label("Số mô hình chuyển đổi số", exact=True).fill("4")
    expect(page.locator("#autosave-status")).to_contain_text("Mất kết nối")
    page.get_by_role("button", name="Gửi thủ trưởng duyệt").click()
    expect(page.locator("#autosave-status")).to_contain_text("chưa gửi được")
    assert not ReportValue.objects.exists()
    # The tab is closed before the connection comes back. Chromium may still be tearing it down
    # when the context goes online, and a dying tab that hears "online" would save the figure
    # itself; this tab stays cut off, so only the copy kept on the computer can bring it back.
    page.route("**/*", lambda route: route.abort("internetdisconnected"))
    page.close()

    context.set_offline(False)
    page = context.new_page()
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    expect(page.get_by_label("Số mô hình chuyển đổi số", exact=True)).to_have_value("4")
    expect(page.locator("#autosave-status")).to_contain_text("Đã tự động lưu")
    assert ReportValue.objects.get().value == 4
    context.close()


def test_a_copy_never_overwrites_a_figure_saved_since(browser, live_server, report, world):
    context, page = signed_in(browser, live_server)
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    report_page_ready(page)
    context.set_offline(True)
    page.get_by_label("Số mô hình chuyển đổi số", exact=True).fill("5")
    expect(page.locator("#autosave-status")).to_contain_text("Mất kết nối")
    page.route("**/*", lambda route: route.abort("internetdisconnected"))  # see the test above
    page.close()

    # Meanwhile, from another computer, the same reporter saves 7.
    other = Report.objects.get(pk=report.pk)
    reporter = user_scope(other.unit.role_assignments.get(role=Role.REPORTER).user)
    indicator = other.period.schedule.items.get().indicator_id
    services.report_save_draft(
        scope=reporter,
        user=None,
        report=other,
        expected_version=other.version,
        values={indicator: {"value": 7}},
    )

    context.set_offline(False)
    page = context.new_page()
    page.goto(f"{live_server.url}/bao-cao/{report.pk}/")
    field = page.get_by_label("Số mô hình chuyển đổi số", exact=True)
    expect(field).to_have_value("7")
    expect(page.get_by_test_id("unsaved-copy")).to_contain_text("5")
    page.wait_for_timeout(2000)
    assert ReportValue.objects.get().value == 7
    page.get_by_role("button", name="Dùng số này").click()
    expect(page.locator("#autosave-status")).to_contain_text("Đã tự động lưu")
    assert ReportValue.objects.get().value == 5
    context.close()
