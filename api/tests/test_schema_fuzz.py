"""Schemathesis against the generated OpenAPI description, in-process (WSGI): for every
operation, generated requests — valid and not — never get a 500, and every answer matches the
schema the description promises. Bounded: a few examples per operation."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from api import tokens
from api.models import TokenAccess
from org.models import Role
from org.tests.factories import user_with_role

# Django's handler itself, not thidua.wsgi: that module marks the process as a production server
# (THIDUA_REQUIRE_SECRET_KEY), which the workers the other tests start would then inherit.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def same_connection():
    """Requests through the WSGI app keep the test's database connection, as Django's test
    client does (the handler would close it at the end of each request)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def auth(setup, world, same_connection):
    user = user_with_role(world.commune, Role.COORDINATOR, username="api_fuzz")
    issued = tokens.token_create_personal(user=user, name="fuzz", access=TokenAccess.WRITE)
    # The in-process client does not inflate gzip (the site gzips text answers for browsers).
    return {"Authorization": f"Bearer {issued.secret}", "Accept-Encoding": "identity"}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_500_or_off_its_schema(case, auth):
    case.call_and_validate(
        headers=auth,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
