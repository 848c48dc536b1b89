import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.models import ApiToken
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def test_the_secret_is_shown_once_and_then_only_its_prefix(client, world):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    page = client.post(
        "/tai-khoan/api/khoa/", {"name": "Tệp lệnh", "kind": "personal", "access": "read"}
    )
    token = ApiToken.objects.get()
    html = page.content.decode()
    assert "chỉ hiện một lần" in html and f"tds_{token.prefix}_" in html
    assert page["Cache-Control"] == "no-store"
    again = client.get("/tai-khoan/api/khoa/").content.decode()
    assert f"tds_{token.prefix}…" in again and f"tds_{token.prefix}_" not in again


def test_only_a_coordinator_is_offered_system_tokens(client, world):
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    assert 'value="system"' not in client.get("/tai-khoan/api/khoa/").content.decode()
    refused = client.post(
        "/tai-khoan/api/khoa/",
        {"name": "x", "kind": "system", "access": "write", "unit": world.commune.pk},
    )
    assert refused.status_code == 200 and not ApiToken.objects.exists()
    client.force_login(user_with_role(world.commune, Role.COORDINATOR))
    client.post(
        "/tai-khoan/api/khoa/",
        {"name": "Một cửa", "kind": "system", "access": "write", "unit": world.commune.pk},
    )
    assert ApiToken.objects.get().unit == world.commune


def test_a_revoked_token_says_so_and_the_page_costs_bounded_queries(client, world):
    user = user_with_role(world.commune, Role.COORDINATOR)
    client.force_login(user)
    for n in range(3):
        client.post(
            "/tai-khoan/api/khoa/",
            {"name": f"k{n}", "kind": "system", "access": "read", "unit": world.commune.pk},
        )
    token = ApiToken.objects.first()
    client.post(f"/tai-khoan/api/khoa/{token.pk}/thu-hoi/")
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == user

    def cost():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/tai-khoan/api/khoa/").status_code == 200
        return len(queries)

    few = cost()
    for n in range(10):
        client.post("/tai-khoan/api/khoa/", {"name": f"m{n}", "kind": "personal", "access": "read"})
    assert cost() == few <= 25
