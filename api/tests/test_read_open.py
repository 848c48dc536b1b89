"""Open data in the API (/api/v1/open/): no token, the same rows as the public files of
/du-lieu-mo/ (one set of selectors), nothing of a movement with nothing published."""

import pytest
from django.urls import reverse

from awards.tests.conftest import catalogue  # noqa: F401 (a fixture)
from evaluation.tests.conftest import scoring_round  # noqa: F401 (a fixture)
from movements.models import Movement
from opendata.tests.test_public_pages import published  # noqa: F401 (a fixture)
from plans.models import Plan
from plans.tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

DATASETS = {"targets": "chi-tieu", "rankings": "xep-hang", "awards": "khen-thuong"}


def test_the_open_rows_are_the_public_files_rows_without_a_token(client, published):  # noqa: F811
    movement, _r = published
    listed = client.get("/api/v1/open/movements").json()
    assert [m["id"] for m in listed["movements"]] == [movement.pk]
    assert listed["licence"]["name"].endswith("(CC BY 4.0)")
    for dataset, slug in DATASETS.items():
        response = client.get(f"/api/v1/open/movements/{movement.pk}/{dataset}")
        assert response.status_code == 200, dataset
        body = response.json()
        public = client.get(reverse("opendata:json", args=[movement.pk, slug])).json()
        assert body["rows"] == public["rows"] and body["rows"], dataset
        assert body["licence"] == public["licence"] and body["movement"]["id"] == movement.pk
    awards = client.get(f"/api/v1/open/movements/{movement.pk}/awards").json()["rows"]
    assert [row["decision_number"] for row in awards] == ["125/QĐ-UBND"]


def test_a_movement_with_nothing_published_is_a_404_in_the_api_too(client, world):
    hidden = Movement.objects.create(name="Phong trào nội bộ", start_year=2026, end_year=2027)
    PlanFactory(issuer=world.province, movement=hidden, status=Plan.Status.DRAFT)
    assert client.get("/api/v1/open/movements").json()["movements"] == []
    for dataset in DATASETS:
        for pk in (hidden.pk, 999999):
            url = f"/api/v1/open/movements/{pk}/{dataset}"
            assert client.get(url).status_code == 404, url


def test_only_the_open_endpoints_need_no_token(client, world):
    """Every other path of the description answers 401 without a token (the scope matrix
    checks each one); these four are the published data, and nothing else is open."""
    from api.endpoints import api

    described = api.get_openapi_schema()["paths"]
    open_paths = {
        path
        for path, operations in described.items()
        if any(not operation.get("security") for operation in operations.values())
    }
    assert open_paths == {
        "/api/v1/open/movements",
        "/api/v1/open/movements/{movement_id}/targets",
        "/api/v1/open/movements/{movement_id}/rankings",
        "/api/v1/open/movements/{movement_id}/awards",
    }
