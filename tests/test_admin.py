"""Reference data (unit types, indicators, blocks) is managed in the Django admin, in Vietnamese."""

import pytest
from django.urls import reverse

from org.tests.factories import EmulationBlockFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    user.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model",
    [
        "org_unittype",
        "org_orgunit",
        "org_emulationblock",
        "indicators_indicator",
        "plans_plan",
        "plans_phase",
        "plans_milestone",
        "initiatives_fieldlead",
    ],
)
def test_reference_data_pages_open_in_vietnamese(admin_client, world, model):
    EmulationBlockFactory(province=world.province)
    page = admin_client.get(reverse(f"admin:{model}_changelist")).content.decode()
    assert "Chọn" in page or "Thêm" in page


def test_indicator_is_added_through_the_admin(admin_client):
    from indicators.models import Indicator

    response = admin_client.post(
        reverse("admin:indicators_indicator_add"),
        {
            "code": "vneid",
            "name": "Tỷ lệ người dân có tài khoản định danh điện tử",
            "kind": "ratio",
            "direction": "higher",
            "frequency": "monthly",
            "temporal": "latest",
            "numerator_label": "Số người có tài khoản",
            "denominator_label": "Dân số trưởng thành",
        },
    )
    assert response.status_code == 302
    assert Indicator.objects.get().search_text.startswith("ty le nguoi dan")


def test_staff_without_superuser_cannot_edit_reference_data(client):
    user = UserFactory(username="canbo", is_staff=True)
    user.save()
    client.force_login(user)
    assert client.get(reverse("admin:indicators_indicator_add")).status_code == 403


def test_the_admin_keeps_a_movements_own_phases_but_only_reads_those_a_plan_declared(
    admin_client, world
):
    from movements.models import Movement
    from plans.models import Phase
    from plans.tests.factories import PlanFactory

    movement = Movement.objects.create(name="Đổi mới sáng tạo", start_year=2026, end_year=2030)
    own = Phase.objects.create(movement=movement, name="Giai đoạn 1")
    declared = Phase.objects.create(
        movement=movement, plan=PlanFactory(issuer=world.province), name="Giai đoạn 2"
    )
    form = {"movement": movement.pk, "name": "Giai đoạn 1 (2026–2027)", "order": 1}

    response = admin_client.post(reverse("admin:plans_phase_change", args=[own.pk]), form)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "Giai đoạn 1 (2026–2027)"

    response = admin_client.post(reverse("admin:plans_phase_change", args=[declared.pk]), form)
    assert response.status_code == 403
    declared.refresh_from_db()
    assert declared.name == "Giai đoạn 2"
    plan_page = admin_client.get(reverse("admin:plans_plan_change", args=[declared.plan_id]))
    assert "Giai đoạn 2" in plan_page.content.decode()
