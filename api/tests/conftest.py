"""A commune's monthly report (reporting's `setup`), reached through the API with tokens."""

import pytest

from api import tokens
from api.models import TokenAccess
from org.models import Role
from reporting.tests.conftest import setup  # noqa: F401 (the fixture)


@pytest.fixture
def bearer():
    def header(issued) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {issued.secret}"}

    return header


@pytest.fixture
def reporter_token(setup):  # noqa: F811
    return tokens.token_create_personal(
        user=setup.user(Role.REPORTER), name="Tệp lệnh của xã", access=TokenAccess.WRITE
    )


@pytest.fixture
def system_token(setup, world):  # noqa: F811
    return tokens.token_create_system(
        scope=setup.scope[Role.COORDINATOR],
        user=setup.user(Role.COORDINATOR),
        unit=world.commune,
        name="Phần mềm một cửa của xã",
        access=TokenAccess.WRITE,
    )
