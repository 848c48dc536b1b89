"""Bulk figures through POST /api/v1/dataValueSets: the report page's rules, item by item."""

import json
from decimal import Decimal

import pytest

from api import tokens
from api.models import TokenAccess
from org.models import Role
from reporting import figures
from reporting.models import Event, ReportValue

pytestmark = pytest.mark.django_db


def post(client, issued, payload, **query):
    url = "/api/v1/dataValueSets"
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return client.post(
        url,
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issued.secret}",
    )


def month(setup, world, **values):
    return [
        {"unit": world.commune.code, "period": setup.period.code, "indicator": code, **fields}
        for code, fields in values.items()
    ]


def stored(setup):
    return {
        v.indicator.code: v
        for v in ReportValue.objects.filter(report=setup.report).select_related("indicator")
    }


def test_a_systems_month_is_imported_as_the_units_draft_and_recorded_under_its_name(
    setup, world, system_token, client
):
    payload = {
        "dataValues": month(
            setup,
            world,
            **{
                setup.ratio.code: {"numerator": 70, "denominator": 100},
                setup.count.code: {"value": 3},
            },
        ),
        "taskUpdates": [
            {
                "unit": world.commune.code,
                "period": setup.period.code,
                "task": setup.task.pk,
                "status": "in_progress",
                "progress": 40,
            }
        ],
    }
    response = post(client, system_token, payload)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "SUCCESS"
    assert body["counts"] == {"imported": 3, "updated": 0, "ignored": 0, "conflicts": 0}
    values = stored(setup)
    assert values[setup.ratio.code].numerator == Decimal(70)
    assert values[setup.count.code].value == Decimal(3)
    event = Event.objects.filter(report=setup.report).latest("pk")
    assert event.user == system_token.token.user


def test_sent_again_a_figure_is_ignored_and_a_changed_one_updated(
    setup, world, system_token, client
):
    post(
        client,
        system_token,
        {"dataValues": month(setup, world, **{setup.count.code: {"value": 3}})},
    )
    payload = {
        "dataValues": month(
            setup,
            world,
            **{
                setup.count.code: {"value": 3},
                setup.ratio.code: {"numerator": 1, "denominator": 2},
            },
        )
    }
    assert post(client, system_token, payload).json()["counts"]["imported"] == 1
    payload["dataValues"][0]["value"] = 5
    counts = post(client, system_token, payload).json()["counts"]
    assert counts == {"imported": 0, "updated": 1, "ignored": 1, "conflicts": 0}


def test_a_bad_figure_is_a_conflict_with_the_pages_words_and_the_others_are_saved(
    setup, world, system_token, client
):
    payload = {
        "dataValues": month(
            setup,
            world,
            **{
                setup.count.code: {"value": -4},
                setup.ratio.code: {"numerator": 7, "denominator": 10},
            },
        )
    }
    body = post(client, system_token, payload).json()
    assert body["status"] == "WARNING"
    assert body["counts"]["imported"] == 1
    (conflict,) = body["conflicts"]
    assert conflict["where"] == "dataValues[0]"
    assert conflict["message"] == figures.negative_message(setup.count)
    assert set(stored(setup)) == {setup.ratio.code}


def test_a_dry_run_answers_as_the_import_would_and_writes_nothing(
    setup, world, system_token, client
):
    payload = {"dataValues": month(setup, world, **{setup.count.code: {"value": 9}})}
    version = setup.fresh().version
    dry = post(client, system_token, payload, dryRun="true").json()
    assert dry["dryRun"] is True and dry["counts"]["imported"] == 1
    assert stored(setup) == {} and setup.fresh().version == version
    real = post(client, system_token, payload).json()
    assert real["counts"] == dry["counts"]


def test_what_the_token_may_not_write_is_refused_item_by_item(setup, world, system_token, client):
    payload = {
        "dataValues": [
            {
                "unit": world.other_province.code,
                "period": setup.period.code,
                "indicator": setup.count.code,
                "value": 1,
            },
            {
                "unit": world.commune.code,
                "period": setup.period.code,
                "indicator": "khong-co",
                "value": 1,
            },
            {
                "unit": world.commune.code,
                "period": "1999-01",
                "indicator": setup.count.code,
                "value": 1,
            },
        ]
    }
    body = post(client, system_token, payload).json()
    assert body["status"] == "ERROR"
    assert [c["where"] for c in body["conflicts"]] == [f"dataValues[{i}]" for i in range(3)]
    assert world.other_province.code in body["conflicts"][0]["message"]
    assert stored(setup) == {}


def test_a_report_already_sent_is_not_written_and_says_why(setup, world, system_token, client):
    setup.fill()
    setup.submit()
    payload = {"dataValues": month(setup, world, **{setup.count.code: {"value": 8}})}
    body = post(client, system_token, payload).json()
    assert body["counts"]["conflicts"] == 1
    assert "không sửa được" in body["conflicts"][0]["message"]
    assert stored(setup)[setup.count.code].value == Decimal(3)


def test_a_read_only_token_cannot_write(setup, world, client):
    issued = tokens.token_create_personal(
        user=setup.user(Role.REPORTER), name="Chỉ đọc", access=TokenAccess.READ
    )
    payload = {"dataValues": month(setup, world, **{setup.count.code: {"value": 1}})}
    assert post(client, issued, payload).status_code == 403
    assert stored(setup) == {}


def test_a_system_token_writes_only_inside_its_unit(setup, world, client):
    issued = tokens.token_create_system(
        scope=setup.scope[Role.COORDINATOR],
        user=setup.user(Role.COORDINATOR),
        unit=world.commune,
        name="x",
        access=TokenAccess.WRITE,
    )
    # The village is inside the commune, but reports on no schedule of this plan.
    payload = {
        "dataValues": [
            {
                "unit": world.village.code,
                "period": setup.period.code,
                "indicator": setup.count.code,
                "value": 1,
            }
        ]
    }
    body = post(client, issued, payload).json()
    assert body["counts"]["conflicts"] == 1
