"""A person switches the site to English from their menu on a phone, reads the menu in English
on every page after, and switches back; a browser set to English alone changes nothing."""

import re

import pytest
from playwright.sync_api import expect

from org.models import Role
from org.tests.factories import user_with_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def open_person_menu(page) -> None:
    """On a phone the top menu is folded behind its button; the person's menu is inside it."""
    toggler = page.locator(".navbar-toggler")
    # A click before Bootstrap's deferred script has run unfolds nothing; deferred scripts have
    # run once the document has loaded. (wait_for_function would need eval, which the CSP refuses.)
    page.wait_for_load_state("load")
    if toggler.is_visible():
        toggler.click()
        # Bootstrap ignores clicks inside the menu while it is still unfolding ("collapsing").
        expect(page.locator("#nav")).to_have_class(re.compile(r"\bshow\b"))
    page.locator(".user-menu").click()
    expect(page.get_by_test_id("language-switch")).to_be_visible()


def test_switch_to_english_from_the_menu_and_back(browser, live_server, world):
    user_with_role(world.commune, Role.COORDINATOR, username="xa_en")
    # The browser asks for English: the site still opens in Vietnamese until the person chooses.
    context = browser.new_context(locale="en-US", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/dang-nhap/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_label("Tên đăng nhập").fill("xa_en")
    page.get_by_label("Mật khẩu").fill("thidua2026")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Việc cần làm")).to_be_visible()

    open_person_menu(page)
    switch = page.get_by_test_id("language-switch")
    expect(switch.locator("button[value=vi]")).to_have_attribute("aria-pressed", "true")
    switch.locator("button[value=en]").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    menu = page.locator("#nav")
    page.wait_for_load_state("load")
    page.locator(".navbar-toggler").click()
    expect(menu).to_have_class(re.compile(r"\bshow\b"))
    for label in ("To do", "Plans", "Targets", "Tasks", "Reports", "Monitoring", "Units"):
        expect(menu.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name="Kế hoạch")).to_have_count(0)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    # The choice holds on the next page the person opens.
    menu.get_by_role("link", name="Plans", exact=True).click()
    expect(page.get_by_role("heading", name="Plans")).to_be_visible()

    open_person_menu(page)
    expect(switch.locator("button[value=en]")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    switch.locator("button[value=vi]").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", name="Kế hoạch")).to_be_visible()
    context.close()
