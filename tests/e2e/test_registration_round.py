"""The coordinator of the province opens the registration round's page after its deadline, sees
a unit that never registered marked late beside one approved on time, and reminds the late
ones; the page reads on a phone (360 px) without scrolling sideways."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from org.models import Role
from org.tests.factories import EmulationBlockFactory, user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from registrations.models import Registration, RegistrationReminder, RegistrationRound

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def round_(world):
    block = EmulationBlockFactory(province=world.province, name="Khối các xã", order=1)
    for unit in (world.commune, world.other_commune):
        unit.block = block
        unit.save(update_fields=["block"])
        user_with_role(unit, Role.REPORTER, email=f"bc.{unit.code}@example.vn")
    plan = PlanFactory(issuer=world.province, title="Phong trào thi đua đổi mới sáng tạo")
    TargetFactory(plan=plan, value=60)
    deadline = timezone.localdate() - datetime.timedelta(days=10)
    Registration.objects.create(
        unit=world.commune,
        plan=plan,
        year=deadline.year,
        status=Registration.Status.APPROVED,
        approved_at=timezone.now() - datetime.timedelta(days=20),
    )
    user_with_role(world.province, Role.COORDINATOR, username="tinh", first_name="Thu Hà")
    return RegistrationRound.objects.create(plan=plan, year=deadline.year, deadline=deadline)


def sign_in(browser, live_server, viewport):
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("tinh")
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Việc cần làm"))).to_be_visible()
    return page


def test_the_coordinator_sees_a_late_unit_and_reminds_it(browser, live_server, world, round_):
    page = sign_in(browser, live_server, {"width": 1366, "height": 900})
    page.goto(live_server.url + "/bao-cao/dang-ky/")
    page.get_by_role("link", name=re.compile(f"Năm {round_.year}")).click()
    expect(page.get_by_role("heading", name=re.compile("Đợt đăng ký thi đua năm"))).to_be_visible()
    late = page.locator('[data-testid="round-row"][data-late="1"]')
    expect(late).to_have_count(1)
    expect(late).to_contain_text(world.other_commune.name)
    expect(late).to_contain_text("Chưa đăng ký")
    expect(late).to_contain_text("Không được duyệt đúng hạn")
    on_time = page.locator(f'[data-testid="round-row"][data-unit="{world.commune.code}"]')
    expect(on_time).to_contain_text("Đã duyệt")
    expect(on_time).not_to_have_attribute("data-late", "1")

    page.get_by_test_id("round-remind").click()
    expect(page.get_by_text("Đã gửi thư nhắc đến 1 đơn vị.")).to_be_visible()
    today = timezone.localdate().strftime("%d/%m/%Y")
    expect(late).to_contain_text(today)
    reminder = RegistrationReminder.objects.get()
    assert reminder.unit == world.other_commune and reminder.kind == "after"
    assert mail.outbox[0].to == [f"bc.{world.other_commune.code}@example.vn"]

    # A second click sends nothing more.
    page.get_by_test_id("round-remind").click()
    expect(page.get_by_text("Không có đơn vị nào cần nhắc thêm.")).to_be_visible()
    assert RegistrationReminder.objects.count() == 1


def test_the_round_page_fits_a_phone(browser, live_server, round_):
    page = sign_in(browser, live_server, {"width": 360, "height": 740})
    page.goto(live_server.url + f"/bao-cao/dang-ky/dot/{round_.pk}/")
    expect(page.get_by_test_id("round-summary")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    # Each unit is one block within the screen, not a table row scrolled inside its card: the
    # late mark and the date of approval are seen without swiping.
    rows = page.get_by_test_id("round-row")
    assert rows.count() == 2
    for row in rows.all():
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    late = page.locator('[data-testid="round-row"][data-late="1"] .badge.text-bg-danger')
    box = late.bounding_box()
    assert box["x"] + box["width"] <= 360, box
