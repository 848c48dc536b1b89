"""Helpers of the read tests: a GET with a token, and the number of queries it costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import tokens
from api.models import TokenAccess
from org.tests.factories import user_with_role


def reader(unit, role, username):
    """A read-only personal token of a person holding `role` on `unit`."""
    user = user_with_role(unit, role, username=username)
    return tokens.token_create_personal(user=user, name=username, access=TokenAccess.READ)


def get(client, issued, url):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")


def items(client, issued, url) -> list[dict]:
    response = get(client, issued, url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def cost(client, issued, url) -> int:
    """The queries of one GET (the token's first use, noted once, is spent beforehand)."""
    get(client, issued, url)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, issued, url)
    assert response.status_code == 200, response.content
    return len(queries)
