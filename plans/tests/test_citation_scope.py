"""A citation never reaches another province's plan (issue 13, High 1): a cited number is matched
only among the plans the person may see, and only their targets can be aligned to."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from org.models import Role
from org.scope import user_scope
from org.tests.factories import user_with_role
from plans import services
from plans.importing import plan_import_confirm
from plans.models import Plan
from plans.tests.factories import PlanFactory, PlanReferenceFactory, TargetFactory

pytestmark = pytest.mark.django_db


def scope_of(unit, role=Role.COORDINATOR):
    return user_scope(user_with_role(unit, role))


def draft_citing(number: str) -> dict:
    return {
        "document": {"type": "KH", "number": "15/KH-UBND", "title": "KH chuyển đổi số xã"},
        "references": [{"number": number, "relation": "implements", "text": "Kế hoạch tỉnh"}],
        "targets": [],
        "tasks": [],
    }


class TestReferenceResolve:
    def test_number_of_another_provinces_plan_resolves_to_a_new_placeholder(self, world):
        foreign = PlanFactory(issuer=world.other_province, number="777/KH-UBND", status="draft")
        resolved = services.reference_resolve(
            number="777/KH-UBND", doc_type="KH", scope=scope_of(world.commune)
        )
        assert resolved != foreign
        assert resolved.is_placeholder and resolved.issuer is None

    def test_number_of_a_plan_in_sight_resolves_to_that_plan(self, world):
        own = PlanFactory(issuer=world.province, number="777/KH-UBND")
        PlanFactory(issuer=world.other_province, number="777/KH-UBND")
        resolved = services.reference_resolve(
            number="777 /KH-UBND", doc_type="KH", scope=scope_of(world.commune)
        )
        assert resolved == own

    def test_import_does_not_link_another_provinces_plan_with_the_same_number(self, world):
        foreign = PlanFactory(issuer=world.other_province, number="777/KH-UBND", status="draft")
        TargetFactory(plan=foreign, text="Chỉ tiêu mật của tỉnh khác")
        scope = scope_of(world.commune)
        plan = plan_import_confirm(
            scope=scope, user=None, draft=draft_citing("777/KH-UBND"), issuer=world.commune
        )
        cited = plan.references.get().referenced
        assert cited != foreign and cited.is_placeholder


class TestParentTargets:
    def test_targets_of_a_cited_plan_out_of_sight_are_not_offered_nor_accepted(self, client, world):
        foreign = PlanFactory(issuer=world.other_province, number="777/KH-UBND", status="draft")
        secret = TargetFactory(plan=foreign, text="Chỉ tiêu mật của tỉnh khác")
        plan = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=plan, referenced=foreign)  # a link made before the fix
        coordinator = user_with_role(world.commune)
        client.force_login(coordinator)
        url = reverse("plans:target_create", args=[plan.pk])
        assert "Chỉ tiêu mật" not in client.get(url).content.decode()
        with pytest.raises(ValidationError):
            services.target_create(
                scope=user_scope(coordinator),
                plan=plan,
                data={"text": "90% hồ sơ", "comparator": ">=", "value": 90, "unit": "%"}
                | {"parent_target": secret},
            )
        assert plan.targets.count() == 0

    def test_targets_of_a_visible_cited_plan_are_offered(self, client, world):
        provincial = PlanFactory(issuer=world.province)
        TargetFactory(plan=provincial, text="Chỉ tiêu của tỉnh mình")
        plan = PlanFactory(issuer=world.commune)
        PlanReferenceFactory(plan=plan, referenced=provincial)
        client.force_login(user_with_role(world.commune))
        page = client.get(reverse("plans:target_create", args=[plan.pk])).content.decode()
        assert "Chỉ tiêu của tỉnh mình" in page


def test_placeholder_count_grows_by_one_per_foreign_number(world):
    PlanFactory(issuer=world.other_province, number="777/KH-UBND")
    before = Plan.objects.count()
    scope = scope_of(world.commune)
    services.reference_resolve(number="777/KH-UBND", doc_type="KH", scope=scope)
    assert Plan.objects.count() == before + 1
