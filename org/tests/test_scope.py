import pytest

from org.models import Role
from org.scope import user_scope
from org.tests.factories import UserFactory, user_with_role

pytestmark = pytest.mark.django_db


def test_role_on_a_unit_covers_its_whole_subtree(world):
    scope = user_scope(user_with_role(world.province))
    assert set(scope.units()) >= {world.department, world.office, world.commune, world.village}
    assert world.other_province not in scope.units()
    assert world.other_department not in scope.units()


def test_commune_officer_sees_the_commune_and_its_villages_only(world):
    scope = user_scope(user_with_role(world.commune, Role.REPORTER))
    assert set(scope.units()) == {world.commune, world.village}
    assert not scope.covers(world.other_commune)
    assert not scope.covers(world.province)


def test_ancestors_are_addressable_but_not_in_scope(world):
    scope = user_scope(user_with_role(world.commune))
    from org.models import OrgUnit

    ancestors = OrgUnit.objects.filter(scope.ancestor_q())
    assert list(ancestors) == [world.province]


def test_only_coordinators_manage(world):
    reporter = user_scope(user_with_role(world.commune, Role.REPORTER))
    coordinator = user_scope(user_with_role(world.commune, Role.COORDINATOR))
    leader = user_scope(user_with_role(world.province, Role.LEADER))
    assert not reporter.can_manage(world.commune)
    assert coordinator.can_manage(world.village)
    assert not coordinator.can_manage(world.other_commune)
    assert not leader.can_manage(world.commune)


def test_user_without_roles_sees_nothing(world):
    scope = user_scope(UserFactory())
    assert scope.units().count() == 0
    assert not scope.covers(world.province)


def test_expired_role_no_longer_counts(world):
    import datetime

    from org.tests.factories import RoleAssignmentFactory

    user = UserFactory()
    RoleAssignmentFactory(user=user, unit=world.commune, valid_to=datetime.date(2020, 1, 1))
    assert user_scope(user).units().count() == 0


def test_nested_grants_collapse_to_the_outer_subtree(world):
    user = user_with_role(world.province)
    from org.tests.factories import RoleAssignmentFactory

    RoleAssignmentFactory(user=user, unit=world.commune, role=Role.REPORTER)
    user._thidua_scope = None
    assert user_scope(user).root_paths() == [world.province.path]


def test_the_scope_read_from_the_database_carries_each_grants_unit(world):
    user = user_with_role(world.commune, Role.REPORTER)
    scope = user_scope(user)
    assert scope.user_id == user.pk
    assert not scope.is_superuser
    [grant] = scope.grants
    assert (grant.role, grant.unit_id, grant.unit_path, grant.unit_name) == (
        Role.REPORTER,
        world.commune.pk,
        world.commune.path,
        world.commune.name,
    )


def test_a_superuser_is_read_as_one():
    superuser = UserFactory(is_superuser=True)
    assert user_scope(superuser).is_superuser


def test_the_scope_is_read_once_per_request(world, django_assert_num_queries):
    user = user_with_role(world.commune)
    first = user_scope(user)
    with django_assert_num_queries(0):
        assert user_scope(user) is first


def test_an_anonymous_visitor_has_an_empty_scope_kept_on_the_request():
    from django.contrib.auth.models import AnonymousUser

    visitor = AnonymousUser()
    scope = user_scope(visitor)
    assert scope.user_id is None and scope.grants == () and not scope.is_superuser
    assert user_scope(visitor) is scope


def test_units_of_some_roles_are_the_subtrees_of_those_roles_only(world):
    from org.tests.factories import RoleAssignmentFactory

    user = user_with_role(world.commune, Role.COORDINATOR)
    RoleAssignmentFactory(user=user, unit=world.province, role=Role.LEADER)
    scope = user_scope(user)
    assert set(scope.units([Role.COORDINATOR])) == {world.commune, world.village}
    assert world.department in scope.units()


def test_an_object_outside_the_scope_is_a_404_like_a_wrong_id(world):
    from django.http import Http404

    from org.models import OrgUnit
    from org.scope import get_in_scope_or_404

    scope = user_scope(user_with_role(world.commune))
    found = get_in_scope_or_404(OrgUnit.objects.all(), scope.unit_q(), pk=world.village.pk)
    assert found == world.village
    with pytest.raises(Http404):
        get_in_scope_or_404(OrgUnit.objects.all(), scope.unit_q(), pk=world.other_commune.pk)


def test_distinct_fetches_one_object_through_a_many_valued_scope(world):
    from django.contrib.auth import get_user_model

    from org.scope import get_in_scope_or_404
    from org.tests.factories import RoleAssignmentFactory

    # Two roles inside the scope: the join repeats the user once per role.
    officer = user_with_role(world.commune, Role.REPORTER)
    RoleAssignmentFactory(user=officer, unit=world.village, role=Role.HEAD)
    scope = user_scope(user_with_role(world.commune))
    found = get_in_scope_or_404(
        get_user_model().objects.all(),
        scope.unit_q("role_assignments__unit"),
        distinct=True,
        pk=officer.pk,
    )
    assert found == officer


def test_an_object_is_fetched_without_distinct_unless_asked(world):
    # DISTINCT costs PostgreSQL more planning than the query itself on every page.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from org.models import OrgUnit
    from org.scope import get_in_scope_or_404

    scope = user_scope(user_with_role(world.commune))
    with CaptureQueriesContext(connection) as queries:
        get_in_scope_or_404(OrgUnit.objects.all(), scope.unit_q(), pk=world.village.pk)
    assert "DISTINCT" not in queries[-1]["sql"].upper()
