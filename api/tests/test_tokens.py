import pytest
from django.core.exceptions import PermissionDenied

from api import tokens
from api.models import ApiToken, TokenAccess
from org.models import Role

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_as_a_hash_and_its_secret_is_shown_once(setup, bearer, client):
    issued = tokens.token_create_personal(
        user=setup.user(Role.REPORTER), name="Khóa thử", access=TokenAccess.READ
    )
    stored = ApiToken.objects.get(pk=issued.token.pk)
    assert issued.secret not in {stored.key_hash, stored.prefix, stored.name}
    assert stored.key_hash == tokens.hash_secret(issued.secret)
    assert issued.secret.startswith(f"tds_{stored.prefix}_")
    assert tokens.token_authenticate(issued.secret) == stored


def test_a_wrong_or_revoked_token_opens_nothing(setup, reporter_token, bearer, client):
    assert client.get("/api/v1/units", HTTP_AUTHORIZATION="Bearer tds_nope_x").status_code == 401
    assert client.get("/api/v1/units").status_code == 401
    assert client.get("/api/v1/units", **bearer(reporter_token)).status_code == 200
    tokens.token_revoke(
        scope=setup.scope[Role.REPORTER],
        user=setup.user(Role.REPORTER),
        token=reporter_token.token,
    )
    assert client.get("/api/v1/units", **bearer(reporter_token)).status_code == 401


def test_a_tokens_last_use_is_noted(reporter_token, bearer, client):
    assert reporter_token.token.last_used_at is None
    client.get("/api/v1/units", **bearer(reporter_token))
    reporter_token.token.refresh_from_db()
    assert reporter_token.token.last_used_at is not None


def test_only_the_units_coordinator_makes_a_system_token(setup, world):
    with pytest.raises(PermissionDenied):
        tokens.token_create_system(
            scope=setup.scope[Role.REPORTER],
            user=setup.user(Role.REPORTER),
            unit=world.commune,
            name="x",
            access=TokenAccess.READ,
        )
    with pytest.raises(PermissionDenied):
        tokens.token_create_system(
            scope=setup.scope[Role.COORDINATOR],
            user=setup.user(Role.COORDINATOR),
            unit=world.province,
            name="x",
            access=TokenAccess.READ,
        )


def test_a_system_token_acts_under_its_own_service_account(system_token, setup):
    service = system_token.token.user
    assert service != setup.user(Role.COORDINATOR)
    assert not service.has_usable_password()
    assert system_token.token.created_by == setup.user(Role.COORDINATOR)


def test_a_person_revokes_only_their_own_token(setup, reporter_token):
    with pytest.raises(PermissionDenied):
        tokens.token_revoke(
            scope=setup.scope[Role.HEAD], user=setup.user(Role.HEAD), token=reporter_token.token
        )
