"""The public pages of a movement and their CSV and JSON: open without login, only published
data — a draft plan's targets, working scores and unfrozen rankings never appear."""

import csv
import io
import json

import pytest
from django.urls import reverse

from awards.tests.factories import AwardRecordFactory, form
from evaluation import ranking, scoring
from evaluation.models import Score
from evaluation.tests.conftest import scoring_round  # noqa: F401 (a fixture)
from movements.models import Movement
from plans.models import Plan
from plans.tests.factories import PlanFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(scoring_round, catalogue, province_coordinator):  # noqa: F811
    r = scoring_round
    movement = Movement.objects.create(
        name="Phong trào thi đua Đổi mới sáng tạo", start_year=2026, end_year=2030
    )
    plan = r.scheme.plan
    Plan.objects.filter(pk=plan.pk).update(movement=movement, status=Plan.Status.ISSUED)
    r.scheme.movement = movement
    r.scheme.save()
    scoring.rescore(scheme=r.scheme)
    ranking.ranking_freeze(scheme=r.scheme, user=province_coordinator)
    draft = PlanFactory(issuer=r.a, movement=movement, status=Plan.Status.DRAFT)
    TargetFactory(plan=draft, text="Chỉ tiêu của dự thảo chưa ban hành", value=5)
    AwardRecordFactory(
        subject_unit=r.a, form=form("bang-khen-chu-tich-tinh"), year=2026, movement=movement,
        decision_number="125/QĐ-UBND",
    )  # fmt: skip
    AwardRecordFactory(subject_unit=r.b, form=form("bang-khen-chu-tich-tinh"), year=2026)
    return movement, r


def test_the_public_page_needs_no_login_and_shows_published_data(client, published):
    movement, r = published
    page = client.get(reverse("opendata:movement", args=[movement.pk])).content.decode()
    assert "Năm 2026, trên 90% hồ sơ được tiếp nhận, giải quyết trực tuyến" in page
    assert "Khối thi đua số 01" in page and "chốt lần 1" in page
    assert "125/QĐ-UBND" in page
    assert "CC BY 4.0" in page and 'rel="license"' in page
    assert "Chỉ tiêu của dự thảo chưa ban hành" not in page
    assert page.count('data-testid="award-row"') == 1  # the award of another movement is not


def test_a_plan_without_a_number_is_named_by_its_type_issuer_and_date(client, published):
    movement, r = published
    Plan.objects.filter(pk=r.scheme.plan_id).update(number="")
    name = Plan.objects.get(pk=r.scheme.plan_id).display_number
    assert "(chưa có số)" in name
    page = client.get(reverse("opendata:movement", args=[movement.pk])).content.decode()
    assert f"— {name}</h3>" in page
    data = client.get(reverse("opendata:json", args=[movement.pk, "chi-tieu"])).json()
    assert {row["plan"] for row in data["rows"]} == {name}


def test_working_scores_after_the_freeze_never_appear(client, published):
    movement, r = published
    before = client.get(reverse("opendata:json", args=[movement.pk, "xep-hang"])).json()
    totals = {row["unit"]: row["total"] for row in before["rows"]}
    Score.objects.filter(sheet__unit=r.a).update(points=0, self_points=0)
    scoring.rescore(scheme=r.scheme)  # the working scores change; nothing is frozen again
    after = client.get(reverse("opendata:json", args=[movement.pk, "xep-hang"])).json()
    assert {row["unit"]: row["total"] for row in after["rows"]} == totals
    page = client.get(reverse("opendata:movement", args=[movement.pk])).content.decode()
    assert "bo-tieu-chi" not in page and "phieu" not in page  # no link to a working sheet


def test_a_movement_with_nothing_published_is_404(client, world):
    hidden = Movement.objects.create(name="Phong trào nội bộ", start_year=2026, end_year=2027)
    PlanFactory(issuer=world.province, movement=hidden, status=Plan.Status.DRAFT)
    for name, args in (
        ("opendata:movement", [hidden.pk]),
        ("opendata:csv", [hidden.pk, "chi-tieu"]),
        ("opendata:json", [hidden.pk, "khen-thuong"]),
        ("opendata:movement", [999999]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert "Phong trào nội bộ" not in client.get(reverse("opendata:list")).content.decode()


def test_the_same_data_as_csv_and_json(client, published):
    movement, _r = published
    response = client.get(reverse("opendata:csv", args=[movement.pk, "khen-thuong"]))
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["subject"], r["decision_number"]) for r in rows] == [
        ("UBND xã Thống Nhất", "125/QĐ-UBND")
    ]
    assert rows[0]["decision_date"] == "2027-01-15"
    data = json.loads(client.get(reverse("opendata:json", args=[movement.pk, "chi-tieu"])).content)
    assert data["licence"]["name"].endswith("(CC BY 4.0)")
    texts = [row["target"] for row in data["rows"]]
    assert "Chỉ tiêu của dự thảo chưa ban hành" not in texts
    statuses = {row["status"] for row in data["rows"]}
    assert statuses <= {"met", "on_track", "at_risk", "missed", "no_data"}
    assert client.get(reverse("opendata:csv", args=[movement.pk, "khac"])).status_code == 404


def test_public_page_queries_are_bounded(client, published, django_assert_max_num_queries):
    movement, r = published
    for n in range(20):
        AwardRecordFactory(subject_unit=r.c, form=form("giay-khen-chu-tich-xa"), year=2000 + n,
                           movement=movement)  # fmt: skip
    with django_assert_max_num_queries(40):
        response = client.get(reverse("opendata:movement", args=[movement.pk]))
    assert response.content.decode().count('data-testid="award-row"') == 21
