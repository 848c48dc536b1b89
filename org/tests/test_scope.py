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
