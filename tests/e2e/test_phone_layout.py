"""A commune officer fills the monthly report on a phone (360 × 740) and a coordinator reads the
period board on one: neither page scrolls sideways, every input of the report is within the
screen's width (reached by scrolling down only), the explanation box grows with its text, the
board's unit column leaves room for the months and its header row stays on top while the board
scrolls. On the desktop, the text the issue measured (menu links, breadcrumbs, outline buttons,
the "at risk" badge) reaches 4.5:1 against its background."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from org.models import OrgUnit, Role
from org.scope import UserScope
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TaskFactory
from reporting import services
from reporting.models import Report, ReportValue, WorkflowStatus
from reporting.tests.factories import (
    IndicatorFactory,
    PeriodFactory,
    RatioIndicatorFactory,
    ScheduleFactory,
    ScheduleIndicatorFactory,
)
from tests.e2e.helpers import report_page_ready

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
SUPER = UserScope(user_id=None, is_superuser=True)

# WCAG's contrast ratio of an element's text against the first opaque background behind it.
CONTRAST = """(el) => {
  const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || c[3] === 1) bg = c.slice(0, 3);
  }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(el).color);
  const a = fg.length === 4 ? fg[3] : 1;
  const mixed = fg.slice(0, 3).map((v, i) => v * a + bg[i] * (1 - a));
  const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.fixture
def monthly_report(world):
    """The province's monthly report of the communes, six months of it, with indicators of every
    kind (long names, as in the real plans) and a task; the commune's report of the last month is
    open."""
    plan = PlanFactory(issuer=world.province, title="Kế hoạch chuyển đổi số tỉnh Lào Cai")
    schedule = ScheduleFactory(
        plan=plan, name="Báo cáo tháng chuyển đổi số", unit_types=[world.commune.unit_type]
    )
    ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=RatioIndicatorFactory(
            name="Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
            numerator_label="Số hồ sơ trực tuyến toàn trình",
            denominator_label="Tổng số hồ sơ tiếp nhận",
        ),
    )
    ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(name="Số mô hình, sáng kiến chuyển đổi số được công nhận"),
    )
    ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(name="Kết quả nổi bật trong tháng", kind="text", unit=""),
    )
    ScheduleIndicatorFactory(
        schedule=schedule,
        indicator=IndicatorFactory(name="Đã ban hành kế hoạch năm", kind="boolean", unit=""),
    )
    schedule.tasks.add(TaskFactory(plan=plan, title="Tập huấn kỹ năng số cho người dân"))
    start = datetime.date(2026, 6, 1)
    periods = []
    for month in range(6):
        periods.append(PeriodFactory(schedule=schedule, start=start.replace(month=6 + month)))
    report = services.report_open(scope=SUPER, unit=world.commune, period=periods[-1])
    user_with_role(world.commune, Role.REPORTER, username="baocao")
    user_with_role(world.province, Role.COORDINATOR, username="tinh")
    return report


def sign_in(browser, live_server, username, viewport):
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Việc cần làm"))).to_be_visible()
    return page


def page_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def test_report_form_fits_a_phone_and_every_input_is_within_its_width(
    browser, live_server, monthly_report
):
    page = sign_in(browser, live_server, "baocao", PHONE)
    page.goto(live_server.url + reverse("reporting:detail", args=[monthly_report.pk]))
    report_page_ready(page)

    assert page_width(page) <= PHONE["width"]
    inputs = page.locator(
        "#report-form input:not([type=hidden]), #report-form select, #report-form textarea"
    )
    assert inputs.count() >= 10
    for i in range(inputs.count()):
        box = inputs.nth(i).bounding_box()
        name = inputs.nth(i).get_attribute("name")
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (name, box)
    # Each indicator is one block: its name above its inputs, not a column beside them.
    row = page.locator("[data-testid=values-table] tbody tr").first
    assert row.bounding_box()["width"] <= PHONE["width"]
    expect(row.locator("td[data-label='Giải trình']")).to_be_visible()


def test_explanation_box_grows_with_its_text(browser, live_server, monthly_report):
    page = sign_in(browser, live_server, "baocao", PHONE)
    page.goto(live_server.url + reverse("reporting:detail", args=[monthly_report.pk]))
    report_page_ready(page)
    box = page.locator("textarea[name$='-comment']").first
    empty = box.bounding_box()["height"]

    box.fill("Số hồ sơ tăng do triển khai tổ công nghệ số cộng đồng tại 12 thôn. " * 4)

    assert box.bounding_box()["height"] > empty * 2


def test_period_board_fits_a_phone_with_a_narrow_unit_column_and_a_sticky_header(
    browser, live_server, monthly_report
):
    page = sign_in(browser, live_server, "tinh", PHONE)
    schedule = monthly_report.period.schedule
    page.goto(live_server.url + reverse("reporting:board", args=[schedule.pk]))
    board = page.get_by_test_id("board")
    expect(board).to_be_visible()

    assert page_width(page) <= PHONE["width"]
    unit_column = board.locator("tbody th").first.bounding_box()
    assert unit_column["width"] <= 0.4 * PHONE["width"] + 1
    region = page.get_by_role("region", name="Bảng theo dõi báo cáo")
    assert region.get_attribute("tabindex") == "0"

    # Many units: the board scrolls inside its region, and the months stay above them.
    page.evaluate(
        """() => { const body = document.querySelector('[data-testid=board] tbody');
        for (let i = 0; i < 30; i++) body.appendChild(body.rows[0].cloneNode(true)); }"""
    )
    region.evaluate("(el) => { el.scrollTop = 400; }")
    header = board.locator("thead th").nth(1).bounding_box()
    assert abs(header["y"] - region.bounding_box()["y"]) <= 2


def test_named_text_reaches_four_and_a_half_to_one_contrast(browser, live_server, monthly_report):
    page = sign_in(browser, live_server, "tinh", DESKTOP)
    page.goto(live_server.url + reverse("reporting:detail", args=[monthly_report.pk]))
    page.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('afterbegin',
        '<span class="badge badge-at_risk" id="at-risk">3</span>'
        + '<button class="btn btn-outline-primary" id="outline">x</button>'
        + '<button class="btn btn-outline-secondary" id="outline-2">x</button>')"""
    )
    elements = {
        "menu link": page.locator(".navbar .nav-link").first,
        "breadcrumb link": page.locator(".breadcrumb-item a").first,
        "breadcrumb current": page.locator(".breadcrumb-item.active"),
        "at-risk badge": page.locator("#at-risk"),
        "outline button": page.locator("#outline"),
        "outline secondary button": page.locator("#outline-2"),
    }
    ratios = {name: element.evaluate(CONTRAST) for name, element in elements.items()}
    assert all(ratio >= 4.5 for ratio in ratios.values()), ratios


def test_the_top_menu_is_one_line_at_1366_and_the_persons_menu_holds_their_links(
    browser, live_server, monthly_report, world
):
    # The longest names of the seeds' units, and a long personal name.
    long_unit = "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn và các khu công nghiệp"
    OrgUnit.objects.filter(pk=world.province.pk).update(name=long_unit)
    get_user_model().objects.filter(username="tinh").update(
        first_name="Nguyễn Thị Phương", last_name="Hoàng Thanh Thảo Nguyên"
    )
    page = sign_in(browser, live_server, "tinh", DESKTOP)
    tops = page.locator(".navbar .nav-link").evaluate_all(
        "(links) => links.map((a) => Math.round(a.getBoundingClientRect().top))"
    )
    heights = page.locator(".navbar .nav-link").evaluate_all(
        "(links) => links.map((a) => a.getBoundingClientRect().height)"
    )
    assert len(set(tops)) == 1, tops  # every item on the same row
    assert max(heights) < 1.6 * min(heights), heights  # and none wrapped inside itself
    # ... and the row fits the screen: the person's menu is not pushed off its right edge.
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    menu_right = page.locator(".user-menu").evaluate("(b) => b.getBoundingClientRect().right")
    assert menu_right <= DESKTOP["width"], menu_right
    page.locator(".user-menu").click()
    expect(page.locator(".dropdown-menu").get_by_text(long_unit, exact=True)).to_be_visible()
    for name in ("Việc chạy nền", "Đổi mật khẩu"):
        expect(page.get_by_role("link", name=name)).to_be_visible()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


def test_a_bad_figure_never_blocks_saving_the_others_and_is_shown_beside_its_field(
    browser, live_server, monthly_report
):
    """On a phone, a word typed for a count and a negative numerator are refused beside their
    own inputs after one autosave, keep what was typed, and every other field is saved."""
    page = sign_in(browser, live_server, "baocao", PHONE)
    page.goto(live_server.url + reverse("reporting:detail", args=[monthly_report.pk]))
    report_page_ready(page)
    lines = {v.indicator.kind: v.indicator for v in monthly_report.period.schedule.items.all()}
    count = page.locator(f"[name='v-{lines['count'].pk}-value']")
    numerator = page.locator(f"[name='v-{lines['ratio'].pk}-numerator']")

    count.fill("abc")
    numerator.fill("-5")
    page.locator(f"[name='v-{lines['ratio'].pk}-denominator']").fill("120")
    page.locator(f"[name='v-{lines['text'].pk}-text']").fill("Mở 3 lớp kỹ năng số.")
    page.locator("#id_results").fill("Hoàn thành kế hoạch tháng.")

    expect(page.locator("#autosave-status")).to_contain_text("Đã lưu các ô hợp lệ")
    count_error = page.get_by_test_id(f"error-value-{lines['count'].pk}")
    ratio_error = page.get_by_test_id(f"error-value-{lines['ratio'].pk}")
    expect(count_error).to_contain_text("“abc” không phải là số")
    expect(ratio_error).to_contain_text("không được âm")
    expect(count).to_have_value("abc")
    expect(numerator).to_have_value("-5")
    expect(count).to_have_attribute("aria-invalid", "true")
    # Beside its own input: just below it, within the phone's width.
    box, note = count.bounding_box(), count_error.bounding_box()
    assert 0 <= note["y"] - (box["y"] + box["height"]) <= 40, (box, note)
    assert note["x"] + note["width"] <= PHONE["width"]

    saved = {v.indicator_id: v for v in ReportValue.objects.filter(report=monthly_report)}
    assert saved[lines["text"].pk].text == "Mở 3 lớp kỹ năng số."
    assert saved[lines["ratio"].pk].denominator == 120
    assert saved[lines["ratio"].pk].numerator is None
    assert lines["count"].pk not in saved
    assert Report.objects.get(pk=monthly_report.pk).results == "Hoàn thành kế hoạch tháng."

    # Fixed, the figure is saved and its mark goes.
    count.fill("7")
    expect(count_error).to_have_count(0)
    expect(ratio_error).to_be_visible()
    expect(count).not_to_have_attribute("aria-invalid", "true")
    assert ReportValue.objects.get(report=monthly_report, indicator=lines["count"]).value == 7


def test_the_coordinators_list_of_reports_to_accept_fits_a_phone(
    browser, live_server, monthly_report
):
    # Approved by the commune's head: it waits for the province coordinator.
    Report.objects.filter(pk=monthly_report.pk).update(status=WorkflowStatus.APPROVED)
    page = sign_in(browser, live_server, "tinh", PHONE)
    page.goto(live_server.url + reverse("reporting:list"))
    expect(page.get_by_test_id("awaiting")).to_contain_text(monthly_report.unit.name)
    assert page_width(page) <= PHONE["width"]
