"""The province's block pages and the commune's household and enterprise pages fit a phone
(360 px): nothing scrolls sideways, and a move made on the phone shows in the unit's history."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from org.models import Role
from org.tests.factories import (
    EmulationBlockFactory,
    EnterpriseFactory,
    HouseholdFactory,
    put_in_block,
    user_with_role,
)
from tests.e2e.test_phone_layout import PHONE, page_width, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def subjects(world):
    blocks = [
        EmulationBlockFactory(
            province=world.province, code=f"K{n:02d}", name=f"Khối thi đua số {n:02d}", order=n
        )
        for n in range(1, 22)
    ]
    put_in_block(world.commune, blocks[0])
    HouseholdFactory(unit=world.village, head_name="Hoàng Văn Thào", address="Thôn Bản Pẻn")
    EnterpriseFactory(unit=world.commune, name="Hợp tác xã Nông nghiệp Thống Nhất")
    user_with_role(world.province, Role.COORDINATOR, username="tinh")
    user_with_role(world.commune, Role.COORDINATOR, username="xa")
    return blocks


def test_the_coordinator_moves_a_unit_on_a_phone(browser, live_server, world, subjects):
    page = sign_in(browser, live_server, "tinh", PHONE)
    page.goto(live_server.url + reverse("org:blocks"))
    assert page_width(page) <= PHONE["width"]
    page.get_by_role("link", name=world.commune.name).first.click()
    # Measured once the unit's page is there, not while the block list is unloading.
    expect(page.get_by_label("Chuyển sang khối")).to_be_visible()
    assert page_width(page) <= PHONE["width"]
    page.get_by_label("Chuyển sang khối").select_option(label="Khối thi đua số 05")
    day = datetime.date.today().replace(day=1)
    page.get_by_label("Từ ngày").fill(f"{day:%d/%m/%Y}")
    page.get_by_label("Lý do (căn cứ quyết định)").fill("Theo Quyết định điều chỉnh khối")
    page.get_by_role("button", name="Chuyển khối").click()
    history = page.get_by_test_id("history")
    expect(history).to_contain_text("Theo Quyết định điều chỉnh khối")
    expect(page.get_by_test_id("current-block")).to_contain_text("Khối thi đua số 05")
    assert page_width(page) <= PHONE["width"]


def test_the_commune_lists_and_searches_its_households_on_a_phone(
    browser, live_server, world, subjects
):
    page = sign_in(browser, live_server, "xa", PHONE)
    for name in ("org:households", "org:enterprises", "org:household_add"):
        page.goto(live_server.url + reverse(name))
        assert page_width(page) <= PHONE["width"], name
    page.goto(live_server.url + reverse("org:households"))
    page.get_by_placeholder("Tìm theo tên, địa chỉ (gõ không dấu được)").fill("hoang van thao")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page.get_by_test_id("subjects")).to_contain_text("Hoàng Văn Thào")
