"""A target that rises year by year carries a level per year (seed 002 §III.3 "nâng dần qua
từng năm"; seed 004 §I.2 "đánh giá theo từng năm"; §II.2a: PII rank of 2025 as the baseline)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from plans.models import Target
from plans.tests.factories import PlanFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, commune_coordinator):
    client.force_login(commune_coordinator)
    return client


@pytest.fixture
def rising(world):
    return TargetFactory(
        plan=PlanFactory(issuer=world.commune),
        text="Tỷ lệ hồ sơ trực tuyến nâng dần qua từng năm, đến năm 2030 đạt 90%",
        value=90,
        unit="%",
        due_year=2030,
        baseline_value=50,
        baseline_year=2025,
    )


def _post(target, **path):
    data = {
        "text": target.text,
        "comparator": ">=",
        "value": "90",
        "unit": "%",
        "due_year": "2030",
        "baseline_value": "50",
        "baseline_year": "2025",
        "order": "0",
        "version": str(target.version),
    }
    data.update({f"path_{year}": value for year, value in path.items()})
    return data


def test_the_form_offers_a_level_per_year_defaulting_to_the_straight_line(
    coordinator_client, rising
):
    page = coordinator_client.get(reverse("plans:target_edit", args=[rising.pk])).content.decode()
    for year in (2026, 2027, 2028, 2029):
        assert f"Mức phấn đấu năm {year}" in page
    assert "Mức phấn đấu năm 2025" not in page and "Mức phấn đấu năm 2030" not in page
    # 50 % in 2025 to 90 % in 2030: 58 % in 2026 on the straight line.
    assert "theo đường thẳng từ giá trị xuất phát (58)" in page


def test_the_levels_entered_are_saved_with_a_decimal_comma(coordinator_client, rising):
    response = coordinator_client.post(
        reverse("plans:target_edit", args=[rising.pk]), _post(rising, **{"2026": "62,5"})
    )
    assert response.status_code == 302
    rising.refresh_from_db()
    assert rising.yearly_path() == {2026: Decimal("62.5")}
    page = coordinator_client.get(reverse("plans:detail", args=[rising.plan.pk])).content.decode()
    assert "Xuất phát: 50 (2025)" in page
    assert "Lộ trình: 2026: 62,5" in page.split('data-testid="yearly-path"')[1]


def test_a_level_beyond_100_percent_is_refused_next_to_its_year_and_saves_nothing(
    coordinator_client, rising
):
    response = coordinator_client.post(
        reverse("plans:target_edit", args=[rising.pk]), _post(rising, **{"2027": "120"})
    )
    page = response.content.decode()
    assert response.status_code == 200
    field = page.split('name="path_2027"')[1].split("</div>")[0]
    assert "is-invalid" in page.split('name="path_2027"')[0][-300:] + field
    assert "Tỷ lệ phần trăm phải từ 0 đến 100." in page
    assert Target.objects.get(pk=rising.pk).yearly_values == {}


def test_a_year_outside_baseline_and_due_years_is_refused(rising):
    rising.yearly_values = {"2031": "95"}
    with pytest.raises(ValidationError) as caught:
        rising.full_clean()
    assert "2031" in str(caught.value.message_dict["yearly_values"])


def test_a_rank_baseline_gives_a_falling_straight_line(world):
    # Seed 004 §II.2a: PII rank of 2025 (say 40th), up at least 8 places by 2030.
    target = TargetFactory(
        plan=PlanFactory(issuer=world.commune),
        comparator="increase",
        value=8,
        unit="rank",
        due_year=2030,
        baseline_value=40,
        baseline_year=2025,
    )
    assert target.end_level(rank=True) == 32
    assert target.straight_line(2028, rank=True) == Decimal("35.2")
