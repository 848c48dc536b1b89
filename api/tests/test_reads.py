"""Reads through the API: the token's scope as on the pages, codes not ids, bounded queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import tokens
from api.models import TokenAccess
from monitoring import selectors as monitoring_selectors
from org.models import Role
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, user_with_role

pytestmark = pytest.mark.django_db


def get(client, issued, url):
    return client.get(url, HTTP_AUTHORIZATION=f"Bearer {issued.secret}")


@pytest.fixture
def province_reader(world):
    user = user_with_role(world.province, Role.LEADER, username="lanhdao_api")
    return tokens.token_create_personal(user=user, name="Bảng tin", access=TokenAccess.READ)


def test_the_tree_reads_by_codes_inside_the_scope_only(world, province_reader, client):
    body = get(client, province_reader, "/api/v1/units?limit=100").json()
    codes = {u["code"] for u in body["items"]}
    assert world.commune.code in codes and world.village.code in codes
    assert world.other_province.code not in codes
    village = next(u for u in body["items"] if u["code"] == world.village.code)
    assert village["parent"] == world.commune.code
    assert (
        get(client, province_reader, f"/api/v1/units/{world.other_province.code}").status_code
        == 404
    )
    below = get(client, province_reader, f"/api/v1/units?parent={world.commune.code}").json()
    assert [u["code"] for u in below["items"]] == [world.village.code]


def test_a_system_token_reads_its_units_subtree(setup, world, system_token, client):
    assert get(client, system_token, f"/api/v1/units/{world.village.code}").status_code == 200
    assert get(client, system_token, f"/api/v1/units/{world.province.code}").status_code == 404
    assert get(client, system_token, f"/api/v1/units/{world.other_commune.code}").status_code == 404


def test_another_units_report_is_a_404(setup, world, client):
    neighbour = user_with_role(world.other_commune, Role.REPORTER, username="bc_bacha")
    issued = tokens.token_create_personal(user=neighbour, name="x", access=TokenAccess.WRITE)
    assert get(client, issued, f"/api/v1/reports/{setup.report.pk}").status_code == 404
    response = client.post(
        f"/api/v1/reports/{setup.report.pk}/submit", HTTP_AUTHORIZATION=f"Bearer {issued.secret}"
    )
    assert response.status_code == 404
    assert get(client, issued, "/api/v1/reports").json()["count"] == 0


def test_the_unit_page_list_costs_the_same_queries_for_10_or_60_units(
    world, province_reader, client
):
    def cost():
        with CaptureQueriesContext(connection) as queries:
            assert get(client, province_reader, "/api/v1/units?limit=200").status_code == 200
        return len(queries)

    cost()  # the token's first use is noted once
    small = cost()
    for n in range(50):
        OrgUnitFactory(parent=world.commune, code=f"P1-X1-N{n}", unit_type=world.village.unit_type)
    assert cost() == small <= 8


def test_reports_read_with_their_values_in_bounded_queries(setup, world, client, reporter_token):
    setup.fill()
    body = get(client, reporter_token, f"/api/v1/reports?period={setup.period.code}").json()
    (report,) = body["items"]
    assert report["unit"] == world.commune.code and report["status"] == "draft"
    values = {v["indicator"]: v for v in report["values"]}
    assert (
        values[setup.count.code]["value"] == "3.0000"
        or float(values[setup.count.code]["value"]) == 3
    )
    with CaptureQueriesContext(connection) as queries:
        get(client, reporter_token, "/api/v1/reports")
    assert len(queries) <= 8


def test_the_target_status_is_what_the_overview_page_shows(setup, world, client):
    setup.fill()
    setup.submit()
    setup.approve()
    setup.accept()
    leader = setup.user(Role.LEADER)
    issued = tokens.token_create_personal(user=leader, name="x", access=TokenAccess.READ)
    plan = setup.schedule.plan
    body = get(client, issued, f"/api/v1/plans/{plan.pk}/status").json()
    overview = monitoring_selectors.plan_overview(scope=user_scope(leader), plan=plan)
    assert body["unit"] == overview.unit.code
    assert [(t["target"], t["status"]) for t in body["targets"]] == [
        (line.target.pk, line.verdict.status) for line in overview.lines
    ]


def test_the_workflow_acts_as_the_person_and_refuses_a_stale_version(setup, client):
    setup.fill()
    reporter = tokens.token_create_personal(
        user=setup.user(Role.REPORTER), name="x", access=TokenAccess.WRITE
    )
    head = tokens.token_create_personal(
        user=setup.user(Role.HEAD), name="y", access=TokenAccess.WRITE
    )
    url = f"/api/v1/reports/{setup.report.pk}"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {reporter.secret}"}
    sent = client.post(f"{url}/submit", **auth)
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    # The reporter cannot approve: a step their role never allows.
    assert (
        client.post(
            f"{url}/approve", data="{}", content_type="application/json", **auth
        ).status_code
        == 403
    )
    head_auth = {"HTTP_AUTHORIZATION": f"Bearer {head.secret}"}
    stale = client.post(
        f"{url}/approve",
        data=json.dumps({"version": sent.json()["version"] - 1}),
        content_type="application/json",
        **head_auth,
    )
    assert stale.status_code == 409 and setup.fresh().status == "submitted"
    done = client.post(
        f"{url}/approve",
        data=json.dumps({"version": sent.json()["version"]}),
        content_type="application/json",
        **head_auth,
    )
    assert done.status_code == 200 and done.json()["status"] == "approved"


def test_a_return_without_reason_is_refused_in_the_pages_words(setup, client):
    setup.fill()
    setup.submit()
    head = tokens.token_create_personal(
        user=setup.user(Role.HEAD), name="y", access=TokenAccess.WRITE
    )
    response = client.post(
        f"/api/v1/reports/{setup.report.pk}/return",
        data=json.dumps({"reason": "  "}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {head.secret}",
    )
    assert response.status_code == 422
    assert "lý do" in json.dumps(response.json(), ensure_ascii=False)


def test_the_openapi_description_and_its_docs_page_need_no_cdn(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/dataValueSets" in paths and "/api/v1/units/{code}" in paths
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower() and "/static/ninja/" in html


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/units?offset=1423928494426738875432960&limit=3",
        "/api/v1/units?limit=100000",
        "/api/v1/reports/99999999999999999999",
        "/api/v1/units/%ED%A0%80",  # half of a surrogate pair
        "/api/v1/registrations?unit=A%00B",  # a NUL, which PostgreSQL text cannot hold
    ],
)
def test_out_of_range_parameters_are_refused_not_a_500(province_reader, client, url):
    """Found by the schema fuzz test: each of these was a 500 (an offset SQLite cannot bind, an
    id PostgreSQL cannot hold, a string no column can store, a NUL in a code on PostgreSQL)."""
    assert get(client, province_reader, url).status_code in (404, 422)


def test_a_payload_with_an_impossible_task_id_or_broken_text_is_refused_whole(
    setup, world, system_token, client
):
    for item in (
        {"unit": world.commune.code, "period": "2026-11", "task": 231779708717316046848},
        {"unit": "\udbbf", "period": "2026-11", "task": 1},
    ):
        response = client.post(
            "/api/v1/dataValueSets",
            data=json.dumps({"taskUpdates": [item]}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {system_token.secret}",
        )
        assert response.status_code == 422
