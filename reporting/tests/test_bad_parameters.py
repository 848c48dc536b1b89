"""Easy 500s (#13 item 11): a parameter that is not what the page expects is a clean refusal
(400, 404, a Vietnamese message or the filter ignored), never a server error."""

import pytest
from django.urls import reverse

from org.models import Role

pytestmark = pytest.mark.django_db

# "²" passes str.isdigit() but int() refuses it; the others overflow or are not numbers at all.
BAD_VALUES = ["²", "abc", "99999999999", "9" * 40]


def _get_urls(setup):
    plan = setup.schedule.plan
    return [
        reverse("monitoring:plan", args=[plan.pk]),
        reverse("monitoring:heat_map", args=[plan.pk]),
        reverse("monitoring:tasks", args=[plan.pk]),
        reverse("plans:target_list"),
        reverse("plans:task_list"),
        reverse("plans:cascade", args=[plan.pk]),
        reverse("reporting:schedule_create"),
        reverse("reporting:board", args=[setup.schedule.pk]),
        reverse("reporting:list"),
        reverse("registrations:list"),
    ]


PARAMS = ["unit", "plan", "year", "block", "unit_type", "page", "as_of", "status", "period"]


@pytest.mark.parametrize("value", BAD_VALUES)
def test_malformed_query_parameters_never_give_a_server_error(client, setup, value):
    client.raise_request_exception = False
    client.force_login(setup.user(Role.COORDINATOR))
    for url in _get_urls(setup):
        for param in PARAMS:
            response = client.get(url, {param: value})
            assert response.status_code < 500, (url, param, value)


@pytest.mark.parametrize("value", ["²", "abc", "99999999999999999999", "-1e24", "1e99999"])
def test_malformed_task_progress_and_version_are_refused_with_a_message(client, setup, value):
    client.raise_request_exception = False
    client.force_login(setup.user(Role.REPORTER))
    report = setup.fresh()
    url = reverse("reporting:detail", args=[report.pk])
    response = client.post(
        url,
        {
            "version": report.version,
            f"t-{setup.task.pk}-progress": value,
            f"v-{setup.count.pk}-value": value,
            "save": "1",
        },
    )
    assert response.status_code < 500
    assert setup.fresh().version == report.version
    response = client.post(url, {"version": value, "save": "1"})
    assert response.status_code < 500
    response = client.post(reverse("reporting:autosave", args=[report.pk]), {"version": value})
    assert response.status_code < 500


def test_search_of_two_thousand_words_is_not_a_server_error(client, setup):
    client.raise_request_exception = False
    client.force_login(setup.user(Role.COORDINATOR))
    query = " ".join("abcdefghijklmnopqrstuvwxyz"[i % 26] + str(i) for i in range(2000))
    for url in (
        reverse("plans:list"),
        reverse("plans:target_list"),
        reverse("plans:task_list"),
        reverse("org:tree"),
        reverse("reporting:board", args=[setup.schedule.pk]),
    ):
        assert client.get(url, {"q": query}).status_code == 200, url


def test_a_source_span_with_odd_digits_shows_no_source_instead_of_failing():
    from plans.import_views import _source

    assert _source("abcdef", {"span": "²,3"}) == ""
    assert _source("abcdef", {"span": "1,3"}) == "bc"


@pytest.mark.parametrize("value", ["²", "abc", "1e99999", "9" * 40])
def test_malformed_registration_fields_never_give_a_server_error(client, world, value):
    from org.tests.factories import user_with_role
    from plans.tests.factories import PlanFactory, TargetFactory
    from registrations.models import Registration

    client.raise_request_exception = False
    plan = PlanFactory(issuer=world.province)
    own = TargetFactory(plan=plan, value=60, unit_value_allowed=True)
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    client.post(
        reverse("registrations:list"),
        {"plan": plan.pk, "unit": world.commune.pk, "year": 2026},
    )
    registration = Registration.objects.get()
    response = client.post(
        reverse("registrations:detail", args=[registration.pk]),
        {
            "version": value,
            f"r-{own.pk}-value": value,
            "initiative-count": value,
            "i-0-title": "Chợ 4.0",
            "i-0-field": "cds",
        },
    )
    assert response.status_code < 500
    response = client.post(reverse("registrations:list"), {"plan": value, "year": value})
    assert response.status_code < 500
