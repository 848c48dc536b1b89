"""The monthly report of xã Thống Nhất, as the people who handle it click through it: the
reporter fills it, meets a validation error and fixes it, submits; the head approves; the
coordinator returns it with a reason; the reporter corrects and resubmits; it is accepted and
locked."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TaskFactory
from reporting.models import Report, WorkflowStatus
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)
from tests.e2e.helpers import report_page_ready

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def november(world):
    plan = PlanFactory(
        issuer=world.commune,
        number="",
        status="draft",
        title="Triển khai phong trào thi đua trên địa bàn xã Thống Nhất",
    )
    schedule = ScheduleFactory(plan=plan, name="Báo cáo tháng phong trào thi đua")
    ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=RatioIndicatorFactory(
            name="Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến",
            numerator_label="Số hồ sơ trực tuyến",
            denominator_label="Tổng số hồ sơ",
        ),
    )
    ScheduleIndicatorFactory(
        schedule=schedule, indicator=IndicatorFactory(name="Số mô hình, sáng kiến chuyển đổi số")
    )
    schedule.tasks.add(TaskFactory(plan=plan, title="Tập huấn kỹ năng số cho người dân"))
    period = PeriodFactory(schedule=schedule, start=datetime.date(2026, 11, 1))
    user_with_role(world.commune, Role.REPORTER, username="baocao", first_name="Nông Thị Mai")
    user_with_role(world.commune, Role.HEAD, username="thutruong")
    user_with_role(world.commune, Role.COORDINATOR, username="xa")
    return period


def sign_in(browser, live_server, username):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Việc cần làm"))).to_be_visible()
    return page


def open_waiting_report(page):
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_test_id("awaiting").get_by_role("link", name="Mở").first.click()


def test_november_report_from_draft_to_accepted(browser, live_server, november):
    # The reporter fills the report; a numerator above its denominator is refused in place.
    page = sign_in(browser, live_server, "baocao")
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_test_id("to-do").get_by_role("row", name="Tháng 11/2026").get_by_role(
        "button", name="Bắt đầu"
    ).click()
    expect(page.get_by_role("heading", name="Báo cáo tháng 11/2026")).to_be_visible()
    report_page_ready(page)
    page.get_by_label("Tử số: Số hồ sơ trực tuyến").fill("120")
    page.get_by_label("Mẫu số: Tổng số hồ sơ").fill("100")
    page.get_by_label("Số mô hình, sáng kiến chuyển đổi số", exact=True).fill("3")
    page.get_by_label("Tình trạng").select_option("in_progress")
    page.get_by_label("Tiến độ (%)").fill("50")
    page.get_by_label("Kết quả đạt được").fill("Đã tập huấn cho 3 thôn.")
    expect(page.locator("#autosave-status")).to_contain_text("Đã tự động lưu")
    page.get_by_role("button", name="Gửi thủ trưởng duyệt").click()
    report_page_ready(page)
    ratio_row = page.locator("tr[data-testid^='value-']").first
    expect(ratio_row.get_by_role("alert")).to_have_text(
        "Tử số (120) không được lớn hơn mẫu số (100)."
    )
    expect(page.get_by_test_id("report-status")).to_have_text("Đang soạn")
    page.get_by_label("Tử số: Số hồ sơ trực tuyến").fill("80")
    expect(ratio_row.locator("[data-percent]")).to_have_text("80%")
    page.get_by_role("button", name="Gửi thủ trưởng duyệt").click()
    expect(page.get_by_text("Đã gửi báo cáo để thủ trưởng đơn vị duyệt.")).to_be_visible()
    expect(page.get_by_test_id("report-status")).to_have_text("Chờ thủ trưởng duyệt")
    page.context.close()

    # The head approves.
    page = sign_in(browser, live_server, "thutruong")
    open_waiting_report(page)
    page.get_by_role("button", name="Thủ trưởng duyệt").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Chờ tiếp nhận")
    page.context.close()

    # The coordinator returns it, with a note beside the ratio.
    page = sign_in(browser, live_server, "xa")
    open_waiting_report(page)
    page.get_by_role("link", name="Trả lại").click()
    page.get_by_label("Lý do").fill("Tổng số hồ sơ chưa khớp với phần mềm một cửa.")
    page.get_by_label(re.compile("Ghi chú: Tỷ lệ hồ sơ")).fill("Mẫu số phải là 90.")
    page.get_by_role("button", name="Trả lại cho đơn vị").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Bị trả lại")
    page.context.close()

    # The reporter sees why, next to the item, corrects and resubmits.
    page = sign_in(browser, live_server, "baocao")
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_test_id("to-do").get_by_role("link", name="Nhập báo cáo").click()
    expect(page.get_by_test_id("return-reason")).to_contain_text("chưa khớp với phần mềm một cửa")
    report_page_ready(page)
    ratio_row = page.locator("tr[data-testid^='value-']").first
    expect(ratio_row).to_contain_text("Ghi chú khi trả lại: Mẫu số phải là 90.")
    page.get_by_label("Mẫu số: Tổng số hồ sơ").fill("90")
    page.get_by_role("button", name="Gửi thủ trưởng duyệt").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Chờ thủ trưởng duyệt")
    page.context.close()

    page = sign_in(browser, live_server, "thutruong")
    open_waiting_report(page)
    page.get_by_role("button", name="Thủ trưởng duyệt").click()
    page.context.close()

    # Accepted: locked, no input left on the page.
    page = sign_in(browser, live_server, "xa")
    open_waiting_report(page)
    page.get_by_role("button", name="Tiếp nhận").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("#report-form input[name$='-numerator']")).to_have_count(0)
    expect(page.get_by_test_id("events")).to_contain_text("Tiếp nhận")
    page.context.close()

    report = Report.objects.get(period=november)
    assert report.status == WorkflowStatus.ACCEPTED
    ratio = report.values.get(indicator__kind="ratio")
    assert (ratio.numerator, ratio.denominator) == (80, 90)
    assert list(report.events.exclude(kind="save").values_list("kind", flat=True)) == [
        "submit",
        "approve",
        "return",
        "submit",
        "approve",
        "accept",
    ]
