"""The registration pages: a unit registers its levels and initiatives, its head approves."""

from django.urls import reverse

from org.models import Role
from org.tests.factories import user_with_role
from plans.tests.factories import PlanFactory, TargetFactory
from registrations.models import Registration


class TestRegistration:
    def test_unit_registers_its_own_level_where_allowed_and_the_head_approves(self, client, world):
        plan = PlanFactory(issuer=world.province)
        own = TargetFactory(plan=plan, value=60, unit_value_allowed=True, text="Hộ phân loại rác")
        fixed = TargetFactory(plan=plan, value=90, text="Hồ sơ trực tuyến")
        reporter = user_with_role(world.commune, Role.REPORTER)
        head = user_with_role(world.commune, Role.HEAD)
        client.force_login(reporter)
        response = client.post(
            reverse("registrations:list"),
            {"plan": plan.pk, "unit": world.commune.pk, "year": 2026},
        )
        registration = Registration.objects.get()
        assert response.status_code == 302
        url = reverse("registrations:detail", args=[registration.pk])
        form = {
            "version": registration.version,
            f"r-{own.pk}-value": "65",
            f"r-{fixed.pk}-value": "80",
            "initiative-count": "3",
            "i-0-title": "Chợ 4.0",
            "i-0-field": "cds",
        }
        response = client.post(url, form)
        assert response.status_code == 400
        assert "không cho đơn vị đăng ký mức riêng" in response.content.decode()
        form[f"r-{fixed.pk}-value"] = "90"
        client.post(url, {**form, "submit": "1"})
        registration.refresh_from_db()
        assert registration.status == Registration.Status.SUBMITTED
        assert registration.targets.get(target=own).value == 65
        assert registration.initiatives.get().title == "Chợ 4.0"
        client.force_login(head)
        client.post(
            reverse("registrations:decide", args=[registration.pk]),
            {"decision": "approve"},
        )
        registration.refresh_from_db()
        assert registration.status == Registration.Status.APPROVED
        assert registration.approved_by == head
        kinds = list(registration.events.values_list("kind", flat=True))
        assert kinds == ["save", "submit", "approve"]

    def test_a_registration_without_initiative_is_not_sent(self, client, world):
        plan = PlanFactory(issuer=world.province)
        TargetFactory(plan=plan, value=60)
        client.force_login(user_with_role(world.commune, Role.REPORTER))
        client.post(
            reverse("registrations:list"),
            {"plan": plan.pk, "unit": world.commune.pk, "year": 2026},
        )
        registration = Registration.objects.get()
        response = client.post(
            reverse("registrations:detail", args=[registration.pk]),
            {"version": registration.version, "initiative-count": "0", "submit": "1"},
        )
        assert "ít nhất 01 mô hình" in response.content.decode()
        assert Registration.objects.get().status == Registration.Status.DRAFT


def test_a_refused_registration_keeps_what_was_typed(client, world):
    plan = PlanFactory(issuer=world.province)
    own = TargetFactory(plan=plan, value=60, unit_value_allowed=True, text="Hộ phân loại rác")
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    client.post(
        reverse("registrations:list"),
        {"plan": plan.pk, "unit": world.commune.pk, "year": 2026},
    )
    registration = Registration.objects.get()
    response = client.post(
        reverse("registrations:detail", args=[registration.pk]),
        {
            "version": registration.version,
            f"r-{own.pk}-value": "sáu lăm",
            "initiative-count": "3",
            "i-0-title": "Chợ 4.0",
            "i-0-field": "cds",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'value="sáu lăm"' in page and 'value="Chợ 4.0"' in page


def test_initiatives_sent_for_recognition_stay_read_only_on_the_registration(client, world):
    from initiatives.models import Initiative
    from initiatives.tests.factories import InitiativeFactory

    plan = PlanFactory(issuer=world.province)
    TargetFactory(plan=plan, value=60)
    client.force_login(user_with_role(world.commune, Role.REPORTER))
    client.post(
        reverse("registrations:list"), {"plan": plan.pk, "unit": world.commune.pk, "year": 2026}
    )
    registration = Registration.objects.get()
    sent = InitiativeFactory(unit=world.commune, plan=plan, status="submitted", title="Đã gửi đi")
    draft = InitiativeFactory(unit=world.commune, plan=plan, title="Còn nháp")
    url = reverse("registrations:detail", args=[registration.pk])
    page = client.get(url).content.decode()
    assert reverse("initiatives:detail", args=[sent.pk]) in page
    assert f'name="i-1-id" value="{draft.pk}"' in page
    client.post(
        url,
        {
            "version": registration.version,
            "initiative-count": "5",
            "i-1-id": str(draft.pk),
            "i-1-title": "Nháp đã sửa",
            "i-1-field": "cdx",
        },
    )
    assert set(Initiative.objects.values_list("title", "status")) == {
        ("Đã gửi đi", "submitted"),
        ("Nháp đã sửa", "draft"),
    }
    assert Initiative.objects.get(pk=draft.pk).title == "Nháp đã sửa"
