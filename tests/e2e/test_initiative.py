"""A commune's reporter registers an initiative with its evidence and sends it; the province's
coordinator takes it for review and recognises it at the province's level by a decision."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import Initiative
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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


def test_a_unit_registers_an_initiative_and_the_coordinator_recognises_it(
    browser, live_server, world
):
    user_with_role(world.commune, Role.REPORTER, username="baocao")
    user_with_role(world.province, Role.COORDINATOR, username="tinh")

    page = sign_in(browser, live_server, "baocao")
    page.get_by_role("link", name="Sáng kiến", exact=True).click()
    page.get_by_role("link", name=re.compile("Đăng ký sáng kiến")).click()
    page.get_by_label("Tên sáng kiến, mô hình").fill("Chợ 4.0 xã Thống Nhất")
    page.get_by_label("Lĩnh vực").select_option("cds")
    page.get_by_label("Mô tả").fill("Tiểu thương nhận thanh toán bằng mã QR.")
    page.get_by_label("Hiệu quả", exact=True).fill("90% tiểu thương không dùng tiền mặt.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("initiative-status")).to_have_text("Đang soạn")
    page.get_by_label("Đường dẫn minh chứng").fill("https://thongnhat.gov.vn/cho-so")
    page.get_by_role("button", name="Thêm").click()
    expect(page.get_by_text("Đã thêm minh chứng.")).to_be_visible()
    page.get_by_role("button", name="Gửi xem xét, công nhận").click()
    expect(page.get_by_test_id("initiative-status")).to_have_text("Đã gửi")
    url = page.url
    page.context.close()

    page = sign_in(browser, live_server, "tinh")
    page.goto(url)
    page.get_by_role("button", name="Tiếp nhận xem xét").click()
    expect(page.get_by_test_id("initiative-status")).to_have_text("Đang xem xét")
    page.get_by_label("Cấp công nhận").select_option("tinh")
    page.get_by_label("Phạm vi ảnh hưởng").fill("Toàn tỉnh")
    page.get_by_label("Số quyết định").fill("125/QĐ-UBND")
    decided = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    page.get_by_label("Ngày quyết định").fill(decided)
    page.get_by_role("button", name="Công nhận", exact=True).click()
    expect(page.get_by_test_id("initiative-status")).to_have_text("Đã công nhận")
    expect(page.get_by_test_id("recognition")).to_contain_text("125/QĐ-UBND")
    expect(page.get_by_test_id("recognition")).to_contain_text(decided)
    page.context.close()
    initiative = Initiative.objects.get()
    kinds = list(initiative.events.values_list("kind", flat=True))
    assert kinds == ["create", "evidence", "submit", "review", "recognise"]
