"""Every error page a person can meet is the site's own, in Vietnamese, with a way back, whether
DEBUG is on (`make run`) or off (production)."""

import pytest
from django.template.loader import get_template
from django.test import Client, override_settings
from django.urls import reverse

from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

ERROR_URLS = "core.tests.error_urls"
DEBUG_ON_AND_OFF = pytest.mark.parametrize("debug", [False, True], ids=["debug-off", "debug-on"])


def _assert_site_page(response, status: int, heading: str, *, full_layout: bool):
    page = response.content.decode()
    assert response.status_code == status
    assert heading in page
    assert 'data-testid="error-page"' in page and 'data-testid="error-home"' in page
    assert "Quay lại trang trước" in page
    assert 'class="navbar' in page  # the site's layout, not a bare text page
    for english in ("Page not found", "Not Found", "Server Error", "Traceback", "Forbidden"):
        assert english not in page
    if full_layout:
        assert "Việc cần làm" in page  # the signed-in person keeps the menu


@DEBUG_ON_AND_OFF
def test_an_id_outside_the_scope_is_a_vietnamese_404_in_the_site_layout(client, world, debug):
    foreign_plan = PlanFactory(issuer=world.other_province)
    client.force_login(user_with_role(world.commune, Role.COORDINATOR))
    with override_settings(DEBUG=debug):
        response = client.get(reverse("plans:detail", args=[foreign_plan.pk]))
    _assert_site_page(response, 404, "Không tìm thấy trang", full_layout=True)


@DEBUG_ON_AND_OFF
def test_a_missing_page_is_a_vietnamese_404_in_the_site_layout(client, world, debug):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    with override_settings(DEBUG=debug):
        response = client.get("/khong-co-trang-nay/")
    _assert_site_page(response, 404, "Không tìm thấy trang", full_layout=True)


@DEBUG_ON_AND_OFF
def test_a_missing_page_is_a_vietnamese_404_for_a_visitor_not_signed_in(client, debug):
    with override_settings(DEBUG=debug):
        response = client.get("/khong-co-trang-nay/")
    _assert_site_page(response, 404, "Không tìm thấy trang", full_layout=False)


@DEBUG_ON_AND_OFF
def test_a_missing_trailing_slash_is_still_redirected(client, debug):
    with override_settings(DEBUG=debug):
        response = client.get("/dang-nhap")
    assert response.status_code == 301 and response["Location"] == "/dang-nhap/"


@DEBUG_ON_AND_OFF
@override_settings(ROOT_URLCONF=ERROR_URLS)
def test_a_crash_shows_the_vietnamese_500_page(world, debug):
    client = Client(raise_request_exception=False)
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    with override_settings(DEBUG=debug):
        response = client.get("/thu-loi/500/")
    _assert_site_page(response, 500, "Hệ thống gặp lỗi", full_layout=False)
    assert "a bug in a view" not in response.content.decode()


@DEBUG_ON_AND_OFF
@override_settings(ROOT_URLCONF=ERROR_URLS)
def test_a_refusal_is_a_vietnamese_403_in_the_site_layout(client, world, debug):
    client.force_login(user_with_role(world.commune, Role.LEADER))
    with override_settings(DEBUG=debug):
        response = client.get("/thu-loi/403/")
    _assert_site_page(response, 403, "Không có quyền truy cập", full_layout=True)


@DEBUG_ON_AND_OFF
@override_settings(ROOT_URLCONF=ERROR_URLS)
def test_a_bad_request_is_a_vietnamese_400(client, debug):
    with override_settings(DEBUG=debug):
        response = client.get("/thu-loi/400/")
    _assert_site_page(response, 400, "Yêu cầu không hợp lệ", full_layout=False)


@DEBUG_ON_AND_OFF
def test_a_form_sent_without_its_token_is_refused_in_vietnamese(world, debug):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    with override_settings(DEBUG=debug):
        response = client.post(reverse("logout"))
    _assert_site_page(response, 403, "Không gửi được biểu mẫu", full_layout=False)


@override_settings(ROOT_URLCONF=ERROR_URLS, DEBUG=True, TECHNICAL_ERROR_PAGES=True)
def test_a_developer_may_ask_for_the_technical_pages(world):
    client = Client(raise_request_exception=False)
    assert "Page not found" in client.get("/khong-co-trang-nay/").content.decode()
    assert "a bug in a view" in client.get("/thu-loi/500/").content.decode()


def test_the_500_page_needs_neither_the_database_nor_the_request(django_assert_num_queries):
    with django_assert_num_queries(0):
        page = get_template("500.html").render()
    assert "Hệ thống gặp lỗi" in page and 'href="/"' in page
