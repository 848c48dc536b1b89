"""A shared placeholder cannot be claimed by another province (issue 13, Medium 3): only the
catalogue admin completes it, or a coordinator with the issuer it was cited with; read-only
roles get no edit form."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from org.models import Role
from org.scope import user_scope
from org.tests.factories import UserFactory, user_with_role
from plans import services
from plans.models import Plan
from plans.tests.factories import PlanFactory, PlanReferenceFactory

pytestmark = pytest.mark.django_db


def shared_placeholder(world, issuer_name=""):
    """57-NQ/TW, cited by a plan of each province."""
    cited = Plan.objects.create(
        doc_type="NQ",
        number="57-NQ/TW",
        title="Nghị quyết 57",
        status="placeholder",
        issuer_name=issuer_name,
    )
    PlanReferenceFactory(plan=PlanFactory(issuer=world.province), referenced=cited)
    PlanReferenceFactory(plan=PlanFactory(issuer=world.other_province), referenced=cited)
    return cited


def claim(client, placeholder, issuer):
    return client.post(
        reverse("plans:edit", args=[placeholder.pk]),
        {
            "doc_type": "NQ",
            "number": "57-NQ/TW",
            "issuer": issuer.pk,
            "title": "Nghị quyết 57",
            "status": "issued",
            "version": placeholder.version,
        },
    )


def test_coordinator_of_another_province_cannot_claim_a_shared_placeholder(client, world):
    placeholder = shared_placeholder(world)
    client.force_login(user_with_role(world.other_province))
    response = claim(client, placeholder, world.other_province)
    assert response.status_code == 404
    placeholder.refresh_from_db()
    assert placeholder.issuer is None and placeholder.is_placeholder


def test_service_refuses_an_issuer_other_than_the_cited_one(world):
    placeholder = shared_placeholder(world, issuer_name="UBND tỉnh Lào Cai")
    scope = user_scope(user_with_role(world.other_province))
    with pytest.raises(PermissionDenied):
        services.plan_update(
            scope=scope,
            plan=placeholder,
            data={"issuer": world.other_province, "status": "issued"},
            expected_version=1,
        )
    placeholder.refresh_from_db()
    assert placeholder.issuer is None


def test_coordinator_completes_a_placeholder_with_the_issuer_it_was_cited_with(client, world):
    placeholder = shared_placeholder(world, issuer_name="UBND tỉnh Lào Cai")
    client.force_login(user_with_role(world.province))
    response = claim(client, placeholder, world.province)
    assert response.status_code == 302
    placeholder.refresh_from_db()
    assert placeholder.issuer == world.province


def test_catalogue_admin_completes_an_issuerless_placeholder(client, world):
    placeholder = shared_placeholder(world)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = claim(client, placeholder, world.other_province)
    assert response.status_code == 302
    placeholder.refresh_from_db()
    assert placeholder.issuer == world.other_province


@pytest.mark.parametrize("role", [Role.LEADER, Role.REPORTER, Role.HEAD])
def test_read_only_roles_get_no_edit_form_for_a_placeholder(client, world, role):
    placeholder = shared_placeholder(world, issuer_name="UBND tỉnh Lào Cai")
    client.force_login(user_with_role(world.province, role))
    assert client.get(reverse("plans:edit", args=[placeholder.pk])).status_code == 404
    page = client.get(reverse("plans:detail", args=[placeholder.pk])).content.decode()
    assert reverse("plans:edit", args=[placeholder.pk]) not in page


def test_the_edit_page_judges_the_stored_issuer_not_the_posted_one(client, world):
    """The form writes the posted issuer onto the plan before the service runs: a coordinator
    of another province naming their own unit must still be refused."""
    placeholder = shared_placeholder(world, issuer_name="UBND tỉnh Lào Cai")
    client.force_login(user_with_role(world.other_province))
    response = claim(client, placeholder, world.other_province)
    assert response.status_code == 200
    assert "chỉ do quản trị danh mục bổ sung" in response.content.decode()
    placeholder.refresh_from_db()
    assert placeholder.issuer is None and placeholder.is_placeholder
