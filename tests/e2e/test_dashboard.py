"""A provincial leader opens the dashboard of the province's plan: the charts are drawn, a status
of the donut keeps its targets, a filter changes the figures without reloading the page, and a
target drills down to a commune."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from org.models import Role
from org.scope import UserScope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from reporting import services
from reporting.tests.factories import (
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
    previous_month,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SUPER = UserScope(user_id=None, is_superuser=True)


def accept(unit, period, indicator, numerator, denominator):
    report = services.report_open(scope=SUPER, unit=unit, period=period)
    values = {indicator.pk: {"numerator": numerator, "denominator": denominator}}
    report = services.report_save_draft(
        scope=SUPER, user=None, report=report, expected_version=1, values=values
    )
    for step in (services.report_submit, services.report_approve, services.report_accept):
        report = step(scope=SUPER, user=None, report=report)


def test_leader_filters_and_drills_down_without_reloading(browser, live_server, world, jobs_worker):
    plan = PlanFactory(issuer=world.province, title="Kế hoạch phong trào thi đua của tỉnh")
    schedule = ScheduleFactory(
        plan=plan, unit_types=[world.commune.unit_type], jump_warning_percent=30000
    )
    ratio = ScheduleIndicatorFactory(
        schedule=schedule, indicator=RatioIndicatorFactory(name="Tỷ lệ hồ sơ trực tuyến")
    ).indicator
    TargetFactory(plan=plan, indicator=ratio, value=90, text="90% hồ sơ được giải quyết trực tuyến")
    now = PeriodFactory(schedule=schedule)
    before = PeriodFactory(schedule=schedule, start=previous_month(now.start))
    accept(world.commune, before, ratio, 40, 100)
    accept(world.other_commune, before, ratio, 20, 100)
    accept(world.commune, now, ratio, 80, 100)
    accept(world.other_commune, now, ratio, 60, 100)
    user_with_role(world.province, Role.LEADER, username="lanhdao")

    page = browser.new_page(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("lanhdao")
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Giám sát", exact=True).click()
    page.get_by_role("link", name=re.compile("Kế hoạch phong trào thi đua của tỉnh")).click()

    # The status donut is SVG from the server, no chart library (#17): one target, one whole ring;
    # a click on it keeps the targets of its status, as its line of the legend does.
    donut = page.get_by_test_id("status-donut")
    expect(donut.locator("svg path[data-status]")).to_have_count(1)
    assert "vendor/echarts" not in page.content()
    status = donut.locator("svg path[data-status]").get_attribute("data-status")
    donut.locator("svg a").click(position={"x": 100, "y": 6})  # on the ring, not in its hole
    expect(page).to_have_url(re.compile(rf"status={status}"))
    expect(page.get_by_test_id("status-filter")).to_be_visible()
    expect(page.get_by_test_id("targets").locator("tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Xem tất cả chỉ tiêu").click()
    # A full page load: wait for it (htmx binds the filters on load) before choosing a period, or
    # the choice may land on the old page or before the new one listens (seen once in CI on
    # PostgreSQL).
    expect(page.get_by_test_id("status-filter")).to_have_count(0)
    page.wait_for_load_state("load")
    row = page.get_by_test_id("targets").locator("tbody tr").first
    expect(row).to_contain_text("70")  # (80 + 60) / 200 this month
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Số liệu đến kỳ").select_option(label=before.label)
    expect(row.locator("strong")).to_have_text("30")  # (40 + 20) / 200 last month
    assert page.evaluate("window.notReloaded") is True
    expect(page).to_have_url(re.compile(r"as_of="))
    page.get_by_role("button", name="Xuất Excel").click()  # a job: its page, then the file
    expect(page).to_have_url(re.compile(r"/viec-chay-nen/"))
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Tải về")).click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    # The file is of the period on the screen (last month's 30), not of this month.
    assert 30 in [cell.value for row in sheet.iter_rows() for cell in row]
    page.go_back()

    page.get_by_role("link", name="90% hồ sơ được giải quyết trực tuyến").last.click()
    expect(page.locator("[data-chart='trend-data'] canvas")).to_have_count(1)
    children = page.get_by_test_id("children")
    expect(children.locator("tbody tr").first).to_contain_text("UBND xã Thống Nhất")
    children.get_by_role("link", name="UBND xã Thống Nhất").click()
    expect(page.get_by_test_id("current")).to_have_text("80")  # the commune's own figure
    page.get_by_role("link", name="Trang đơn vị").click()
    expect(page.get_by_role("heading", name=re.compile("UBND xã Thống Nhất"))).to_be_visible()
    expect(page.get_by_test_id("unit-targets")).to_contain_text("80")
    page.context.close()
