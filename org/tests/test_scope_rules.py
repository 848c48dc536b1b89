"""The scope's rules on plain grants, without a database: fast enough to run once per mutant
(scripts/mutation.py). Paths follow treebeard's materialised path, four characters a level."""

from types import SimpleNamespace

from django.db.models import Q

from org.models import Role
from org.scope import Grant, UserScope

PROVINCE, DEPARTMENT, COMMUNE, VILLAGE = "0001", "00010001", "00010002", "000100020001"
OTHER_PROVINCE = "0002"


def grant(path: str, role: str = Role.COORDINATOR) -> Grant:
    return Grant(role=role, unit_id=int(path[-4:]), unit_path=path, unit_name=path)


def scope_of(*grants: Grant, superuser: bool = False) -> UserScope:
    return UserScope(user_id=1, is_superuser=superuser, grants=grants)


def unit(path: str):
    return SimpleNamespace(path=path)


def test_the_first_grant_is_the_primary_one_and_nobody_without_grants_has_one():
    first, second = grant(COMMUNE), grant(PROVINCE, Role.LEADER)
    assert scope_of(first, second).primary == first
    assert scope_of().primary is None


def test_roles_are_the_roles_of_every_grant():
    scope = scope_of(grant(COMMUNE, Role.REPORTER), grant(PROVINCE, Role.LEADER))
    assert scope.roles == {Role.REPORTER, Role.LEADER}


def test_a_role_is_held_through_any_grant_and_a_superuser_holds_every_role():
    scope = scope_of(grant(COMMUNE, Role.REPORTER))
    assert scope.has_role(Role.COORDINATOR, Role.REPORTER)
    assert not scope.has_role(Role.COORDINATOR)
    assert scope_of(superuser=True).has_role(Role.COORDINATOR)


def test_a_subtree_inside_another_grant_is_covered_by_the_outer_one():
    scope = scope_of(grant(VILLAGE), grant(PROVINCE), grant(COMMUNE))
    assert scope.root_paths() == [PROVINCE]


def test_sibling_subtrees_are_kept_apart_even_when_one_path_prefixes_the_others_text():
    # "00010002" starts with "0001000" but not with the department's full path "00010001".
    scope = scope_of(grant(DEPARTMENT), grant(COMMUNE), grant(OTHER_PROVINCE))
    assert scope.root_paths() == [DEPARTMENT, COMMUNE, OTHER_PROVINCE]


def test_the_same_subtree_granted_twice_is_one_root():
    scope = scope_of(grant(COMMUNE, Role.REPORTER), grant(COMMUNE, Role.HEAD))
    assert scope.root_paths() == [COMMUNE]


def test_roots_can_be_limited_to_some_roles():
    scope = scope_of(grant(PROVINCE, Role.LEADER), grant(COMMUNE, Role.COORDINATOR))
    assert scope.root_paths([Role.COORDINATOR]) == [COMMUNE]
    assert scope.root_paths([Role.LEADER]) == [PROVINCE]
    assert scope.root_paths([Role.REPORTER]) == []
    assert scope.root_paths() == [PROVINCE]


def test_the_unit_filter_is_one_condition_per_subtree_on_the_path():
    scope = scope_of(grant(DEPARTMENT), grant(COMMUNE))
    expected = Q(pk__in=[]) | Q(path__startswith=DEPARTMENT) | Q(path__startswith=COMMUNE)
    assert scope.unit_q() == expected


def test_the_unit_filter_follows_a_relation_when_given_one():
    scope = scope_of(grant(COMMUNE))
    assert scope.unit_q("report__unit") == Q(pk__in=[]) | Q(report__unit__path__startswith=COMMUNE)


def test_the_unit_filter_of_some_roles_uses_only_their_grants():
    scope = scope_of(grant(PROVINCE, Role.LEADER), grant(COMMUNE, Role.COORDINATOR))
    assert scope.unit_q(roles=[Role.COORDINATOR]) == Q(pk__in=[]) | Q(path__startswith=COMMUNE)


def test_nobody_without_grants_matches_any_unit_and_a_superuser_matches_all():
    assert scope_of().unit_q() == Q(pk__in=[])
    assert scope_of(superuser=True).unit_q() == Q()
    assert scope_of(superuser=True).unit_q("unit") == Q()


def test_ancestors_are_every_level_above_each_root_and_not_the_root_itself():
    scope = scope_of(grant(VILLAGE))
    assert scope.ancestor_q() == Q(path__in=[PROVINCE, COMMUNE])
    assert scope.ancestor_q("issuer") == Q(issuer__path__in=[PROVINCE, COMMUNE])


def test_a_top_level_root_has_no_ancestors_and_a_superuser_is_not_limited():
    assert scope_of(grant(PROVINCE)).ancestor_q() == Q(pk__in=[])
    assert scope_of().ancestor_q() == Q(pk__in=[])
    assert scope_of(superuser=True).ancestor_q() == Q()


def test_covering_a_unit_means_being_inside_one_of_the_subtrees():
    scope = scope_of(grant(COMMUNE, Role.REPORTER))
    assert scope.covers(unit(COMMUNE))
    assert scope.covers(unit(VILLAGE))
    assert not scope.covers(unit(PROVINCE))
    assert not scope.covers(unit(DEPARTMENT))
    assert not scope.covers(None)


def test_covering_for_some_roles_uses_only_their_grants():
    scope = scope_of(grant(PROVINCE, Role.LEADER), grant(COMMUNE, Role.COORDINATOR))
    assert scope.covers(unit(DEPARTMENT))
    assert not scope.covers(unit(DEPARTMENT), [Role.COORDINATOR])
    assert scope.covers(unit(VILLAGE), [Role.COORDINATOR])


def test_a_superuser_covers_every_unit_even_none():
    assert scope_of(superuser=True).covers(unit(OTHER_PROVINCE))
    assert scope_of(superuser=True).covers(None)


def test_only_a_coordinator_of_the_subtree_manages_it():
    scope = scope_of(grant(PROVINCE, Role.LEADER), grant(COMMUNE, Role.COORDINATOR))
    assert scope.can_manage(unit(VILLAGE))
    assert not scope.can_manage(unit(DEPARTMENT))
    assert not scope_of(grant(PROVINCE, Role.HEAD)).can_manage(unit(COMMUNE))


def system() -> UserScope:
    return UserScope(user_id=None, is_superuser=True)


def test_a_workflow_grant_is_a_role_by_a_grant_and_the_application_itself_passes():
    scope = scope_of(grant(COMMUNE, Role.REPORTER))
    assert scope.has_grant(Role.COORDINATOR, Role.REPORTER)
    assert not scope.has_grant(Role.COORDINATOR)
    assert system().has_grant(Role.COORDINATOR)
    # The catalogue admin, a superuser person, reads everything but holds no grant by it.
    assert not scope_of(superuser=True).has_grant(Role.COORDINATOR)
    assert scope_of(grant(COMMUNE), superuser=True).has_grant(Role.COORDINATOR)


def test_the_granted_scope_is_the_same_person_without_the_superusers_reach():
    admin = UserScope(user_id=7, is_superuser=True, grants=(grant(COMMUNE),))
    granted = admin.granted()
    assert (granted.user_id, granted.grants, granted.is_superuser) == (7, admin.grants, False)
    assert not granted.covers(unit(DEPARTMENT))


def test_the_application_itself_manages_every_unit_and_a_superuser_person_none():
    assert system().can_manage(unit(OTHER_PROVINCE))
    assert system().can_manage(None)
    assert not scope_of(superuser=True).can_manage(unit(COMMUNE))


class SharedCache:
    """The shared cache's calls, with Django's default timeout (300 s) when none is given."""

    def __init__(self):
        self.kept = {}

    def get_or_set(self, key, default, timeout=300):
        return self.kept.setdefault(key, (default, timeout))[0]

    def get(self, key):
        return self.kept.get(key, (None, None))[0]

    def set(self, key, value, timeout=300):
        self.kept[key] = (value, timeout)


def test_a_users_scope_is_kept_in_the_shared_cache_for_the_configured_time(settings, monkeypatch):
    import django.core.cache

    from org import scope as scope_module

    shared = SharedCache()
    monkeypatch.setattr(django.core.cache, "cache", shared)
    settings.SCOPE_CACHE_SECONDS = 600
    computed = scope_of(grant(COMMUNE))
    monkeypatch.setattr(scope_module, "_scope_from_database", lambda user: computed)
    user = SimpleNamespace(pk=1, is_authenticated=True)
    assert scope_module.user_scope(user) is computed
    key = scope_module.scope_cache_key(1)
    assert shared.kept[key] == (computed, 600)
    assert shared.kept["scope:stamp"][1] is None  # the tree's stamp never expires
    # The next request reads it from there.
    assert scope_module.user_scope(SimpleNamespace(pk=1, is_authenticated=True)) is computed
