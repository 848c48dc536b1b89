"""Rate limits of /api/v1/ (api/throttling.py): a token past its budget in the window gets 429
with Retry-After and the reason in Vietnamese; each token, and each address on the open data,
has its own budget; "off" lifts a limit, "0/min" refuses everything, a malformed rate stops
start-up; the description says so. The test settings raise both limits out of reach for the
other tests; these set their own, and one checks the defaults of thidua/settings.py."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from ninja.throttling import SimpleRateThrottle

from api import tokens
from api.checks import rate_settings_check
from api.models import TokenAccess
from api.throttling import TokenThrottle, too_many_requests_detail
from org.models import Role
from org.tests.factories import user_with_role

pytestmark = pytest.mark.django_db

INDICATORS = "/api/v1/indicators"
OPEN = "/api/v1/open/movements"


@pytest.fixture
def clock(monkeypatch):
    """The throttles' clock, moved by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: now[0]))
    return now


@pytest.fixture
def token(world):
    user = user_with_role(world.commune, Role.REPORTER, username="nhap_lieu_api")
    return tokens.token_create_personal(user=user, name="Tệp lệnh", access=TokenAccess.READ)


@pytest.fixture
def other_token(world):
    user = user_with_role(world.commune, Role.LEADER, username="lanh_dao_api")
    return tokens.token_create_personal(user=user, name="Bảng tin", access=TokenAccess.READ)


def call(client, issued, url=INDICATORS, **extra):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {issued.secret}", **extra)


def test_the_call_past_a_tokens_budget_is_a_429_with_retry_after_in_vietnamese(
    client, token, settings, clock
):
    settings.API_RATE_TOKEN = "3/min"
    for second in range(3):
        clock[0] += 10
        assert call(client, token).status_code == 200, second
    refused = call(client, token)
    assert refused.status_code == 429
    # The first call of the window was 20 seconds ago: it leaves the window in 40.
    assert refused["Retry-After"] == "40"
    assert refused.json() == {"detail": "Quá nhiều yêu cầu: thử lại sau 40 giây."}
    clock[0] += 39
    assert call(client, token).status_code == 429
    clock[0] += 1
    assert call(client, token).status_code == 200


def test_two_tokens_have_separate_budgets(client, token, other_token, settings, clock):
    settings.API_RATE_TOKEN = "2/min"
    assert [call(client, token).status_code for _ in range(3)] == [200, 200, 429]
    assert [call(client, other_token).status_code for _ in range(3)] == [200, 200, 429]


def test_the_budget_is_keyed_by_the_tokens_prefix_never_its_secret(client, token, settings, clock):
    settings.API_RATE_TOKEN = "5/min"
    call(client, token)
    throttle = TokenThrottle()
    key = throttle.cache_format % {"scope": throttle.scope, "ident": token.token.prefix}
    assert throttle.cache.get(key) == [clock[0]]
    assert token.secret not in key


def test_the_open_endpoints_count_per_client_address(client, token, settings, clock):
    settings.API_RATE_OPEN = "2/min"
    settings.TRUSTED_PROXY_HOPS = 1
    first = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    assert [client.get(OPEN, **first).status_code for _ in range(3)] == [200, 200, 429]
    refused = client.get(OPEN, **first)
    assert refused["Retry-After"] == "60"
    assert refused.json()["detail"] == "Quá nhiều yêu cầu: thử lại sau 60 giây."
    # Another client behind the same proxy, and a token's calls, have budgets of their own.
    assert [client.get(OPEN, **second).status_code for _ in range(2)] == [200, 200]
    assert call(client, token, **first).status_code == 200


def test_off_lifts_a_limit(client, token, settings, clock):
    settings.API_RATE_TOKEN = "off"
    settings.API_RATE_OPEN = "OFF"
    assert {call(client, token).status_code for _ in range(30)} == {200}
    assert {client.get(OPEN, REMOTE_ADDR="198.51.100.9").status_code for _ in range(30)} == {200}


def test_zero_calls_a_minute_refuses_every_call(client, token, settings, clock):
    settings.API_RATE_TOKEN = "0/min"
    settings.API_RATE_OPEN = "0/min"
    refused = call(client, token)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert client.get(OPEN, REMOTE_ADDR="198.51.100.10").status_code == 429


@pytest.mark.parametrize("value", ["1200", "abc", "1200/minute", "-1/min", "10/0s", "", None])
def test_a_malformed_rate_fails_the_system_check(settings, value):
    settings.API_RATE_OPEN = value
    errors = rate_settings_check(None)
    assert [(e.id, e.obj) for e in errors] == [("api.E001", "API_RATE_OPEN")]


def test_the_readable_rates_pass_the_system_check(settings):
    for value in ("1200/min", "20/s", "5000/hour", "100000/day", "0/min", "off"):
        settings.API_RATE_TOKEN = settings.API_RATE_OPEN = value
        assert rate_settings_check(None) == [], value


def test_every_operation_documents_its_429_and_retry_after(client):
    described = client.get("/api/v1/openapi.json").json()
    operations = [op for path in described["paths"].values() for op in path.values()]
    assert len(operations) > 20
    for operation in operations:
        answer = operation["responses"]["429"]
        assert "Retry-After" in answer["headers"], operation["operationId"]
        assert answer["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Problem"
        }


def test_the_default_rates_are_on_and_the_1201st_call_of_a_minute_is_refused(
    client, token, settings, clock, monkeypatch
):
    """The test settings lift the limits for the other tests; production runs thidua/settings.py
    as written: 1,200 calls a minute per token, 120 per address on the open data."""
    monkeypatch.delenv("API_RATE_TOKEN", raising=False)
    monkeypatch.delenv("API_RATE_OPEN", raising=False)
    path = Path(django_settings.BASE_DIR) / "thidua" / "settings.py"
    spec = importlib.util.spec_from_file_location("thidua_settings_as_written", path)
    written = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(written)
    assert (written.API_RATE_TOKEN, written.API_RATE_OPEN) == ("1200/min", "120/min")

    settings.API_RATE_TOKEN = written.API_RATE_TOKEN
    throttle = TokenThrottle()
    key = throttle.cache_format % {"scope": throttle.scope, "ident": token.token.prefix}
    throttle.cache.set(key, [clock[0] - 30] * 1199, 60)  # 1,199 calls half a minute ago
    assert call(client, token).status_code == 200
    refused = call(client, token)
    assert refused.status_code == 429 and refused["Retry-After"] == "30"


def test_the_reason_reads_in_english_too():
    with translation.override("en"):
        assert too_many_requests_detail(1) == "Too many requests: try again in 1 second."
        assert too_many_requests_detail(30) == "Too many requests: try again in 30 seconds."
