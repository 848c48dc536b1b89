"""Every endpoint of /api/v1/ × every kind of token: nothing of another subtree is readable or
writable (404, as on the pages), a read-only token never writes (403), and no endpoint escapes
the matrix (the OpenAPI description lists them all)."""

import json

import pytest

from api import tokens
from api.endpoints import api
from api.models import TokenAccess
from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from reporting.models import Report, ReportValue
from tests.test_scope_matrix import _objects, _state

pytestmark = pytest.mark.django_db

# Each path of the description, the object it takes ("" for none) and its method.
ENDPOINTS = {
    "/api/v1/units": ("", "get"),
    "/api/v1/units/{code}": ("unit", "get"),
    "/api/v1/indicators": ("", "get"),
    "/api/v1/plans": ("", "get"),
    "/api/v1/plans/{plan_id}": ("plan", "get"),
    "/api/v1/plans/{plan_id}/status": ("plan", "get"),
    "/api/v1/schedules": ("", "get"),
    "/api/v1/schedules/{schedule_id}/periods": ("schedule", "get"),
    "/api/v1/reports": ("", "get"),
    "/api/v1/reports/{report_id}": ("report", "get"),
    "/api/v1/dataValueSets": ("", "post"),
    "/api/v1/reports/{report_id}/submit": ("report", "post"),
    "/api/v1/reports/{report_id}/approve": ("report", "post"),
    "/api/v1/reports/{report_id}/accept": ("report", "post"),
    "/api/v1/reports/{report_id}/return": ("report", "post"),
    "/api/v1/registrations": ("", "get"),
    "/api/v1/registrations/{registration_id}": ("registration", "get"),
    "/api/v1/subject-registrations": ("", "get"),
    "/api/v1/subject-registrations/{registration_id}": ("subject_registration", "get"),
    "/api/v1/schemes": ("", "get"),
    "/api/v1/schemes/{scheme_id}/scores": ("scheme", "get"),
    "/api/v1/rankings": ("", "get"),
    "/api/v1/rankings/{version_id}/entries": ("version", "get"),
    "/api/v1/award-rounds": ("", "get"),
    "/api/v1/nominations": ("", "get"),
    "/api/v1/nominations/{nomination_id}": ("nomination", "get"),
    "/api/v1/awards": ("", "get"),
    "/api/v1/awards/{award_id}": ("award_record", "get"),
    "/api/v1/decisions": ("", "get"),
    "/api/v1/decisions/{decision_id}": ("decision", "get"),
}
# Open data without a token (the rows of /du-lieu-mo/): only published data, proved by
# api/tests/test_read_open.py and opendata/tests; no scope to test here.
OPEN = {
    "/api/v1/open/movements",
    "/api/v1/open/movements/{movement_id}/targets",
    "/api/v1/open/movements/{movement_id}/rankings",
    "/api/v1/open/movements/{movement_id}/awards",
}
SECRET_TEXT = "bí mật của đơn vị khác"


def test_every_endpoint_is_in_the_matrix():
    described = set(api.get_openapi_schema()["paths"])
    assert described == set(ENDPOINTS) | OPEN, (
        "add new endpoints to ENDPOINTS so their scope is tested"
    )


def _tokens(world):
    """Every kind of token a person or system of the commune can hold."""
    made = {}
    for role in (Role.COORDINATOR, Role.REPORTER, Role.HEAD, Role.COUNCIL, Role.LEADER):
        user = user_with_role(world.commune, role)
        made[f"personal-{role}"] = tokens.token_create_personal(
            user=user, name=role, access=TokenAccess.WRITE
        )
    coordinator = user_with_role(world.commune, Role.COORDINATOR)
    for access in TokenAccess.values:
        made[f"system-{access}"] = tokens.token_create_system(
            scope=user_scope(coordinator),
            user=coordinator,
            unit=world.commune,
            name=access,
            access=access,
        )
    return made


def _url(path, objects):
    kind = ENDPOINTS[path][0]
    if not kind:
        return path
    value = objects[kind].code if kind == "unit" else objects[kind].pk
    return path.replace("{" + path.split("{")[1].split("}")[0] + "}", str(value))


def _call(client, issued, method, url, body=None):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issued.secret}"}
    if method == "get":
        return client.get(url, **auth)
    return client.post(url, data=json.dumps(body or {}), content_type="application/json", **auth)


def test_objects_of_another_subtree_are_404_for_every_token(client, world):
    made = _tokens(world)
    for foreign in (world.other_commune, world.other_province, world.other_department):
        objects = _objects(foreign)
        report = objects["report"]
        indicator = report.values.get().indicator
        for label, issued in made.items():
            for path, (kind, method) in ENDPOINTS.items():
                url = _url(path, objects)
                before = _state()
                if not kind:
                    if method == "get":
                        text = _call(client, issued, "get", url + "?limit=1000").content.decode()
                        assert SECRET_TEXT not in text, (label, path)
                        assert foreign.code not in text, (label, path)
                    else:
                        body = {
                            "dataValues": [
                                {
                                    "unit": foreign.code,
                                    "period": report.period.code,
                                    "indicator": indicator.code,
                                    "value": 999,
                                }
                            ]
                        }
                        response = _call(client, issued, "post", url, body)
                        assert response.status_code in (200, 403), (label, path)
                        if response.status_code == 200:
                            assert response.json()["counts"]["conflicts"] == 1, (label, path)
                else:
                    body = {"reason": "Ghi đè", "version": report.version}
                    response = _call(client, issued, method, url, body)
                    assert response.status_code == 404, (label, path, foreign)
                assert _state() == before, (label, path)
        assert ReportValue.objects.get(report=report).value == 7
        assert Report.objects.get(pk=report.pk).status == "submitted"


def test_a_read_only_token_never_writes(client, world):
    objects = _objects(world.commune)
    reader = _tokens(world)["system-read"]
    for path, (_kind, method) in ENDPOINTS.items():
        if method != "post":
            continue
        before = _state()
        response = _call(
            client, reader, "post", _url(path, objects), {"reason": "x", "dataValues": []}
        )
        assert response.status_code == 403, path
        assert _state() == before, path


def test_no_token_no_data(client, world):
    objects = _objects(world.commune)
    for path, (_kind, method) in ENDPOINTS.items():
        url = _url(path, objects)
        response = client.get(url) if method == "get" else client.post(url)
        assert response.status_code == 401, path
