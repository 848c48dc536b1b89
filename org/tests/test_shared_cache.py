"""With a shared cache (REDIS_URL in production), sessions and users' roles are read from
Redis; a change of roles or of the tree is seen on the next request. Runs against the
machine's Redis (CI's machine has one, .ci/run starts it)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from org.models import OrgUnit, Role, RoleAssignment
from org.scope import user_scope
from org.tests.factories import OrgUnitFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": "thidua-test",
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SCOPE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def fresh(user):
    user = type(user).objects.get(pk=user.pk)  # a new request: a new user object
    return user_scope(user)


def test_a_login_lives_in_redis_and_in_the_database(client, redis):
    from django.contrib.sessions.models import Session

    UserFactory(username="phien")
    client.post(reverse("login"), {"username": "phien", "password": "thidua2026"})
    key = client.cookies["sessionid"].value
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None
    assert Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("home")).status_code == 200


def test_roles_are_kept_and_a_change_is_seen_at_once(redis, world, django_assert_num_queries):
    user = user_with_role(world.commune, Role.REPORTER)
    assert fresh(user).roles == {"reporter"}
    with django_assert_num_queries(1):  # the user row; the roles come from Redis
        fresh(user)
    RoleAssignment.objects.create(user=user, unit=world.commune, role=Role.HEAD)
    assert fresh(user).roles == {"reporter", "head"}
    RoleAssignment.objects.filter(user=user, role=Role.REPORTER).delete()
    assert fresh(user).roles == {"head"}


def test_a_unit_moved_retires_every_kept_scope(redis, world):
    user = user_with_role(world.village, Role.REPORTER)
    before = fresh(user).grants[0].unit_path
    department = type(world.department).objects.get(pk=world.department.pk)
    village = type(world.village).objects.get(pk=world.village.pk)
    OrgUnit.objects.move(village, department, "last-child")
    after = fresh(user).grants[0].unit_path
    assert after != before and after.startswith(department.path)
    OrgUnitFactory(parent=world.province)  # any unit saved also retires them
    assert fresh(user).grants[0].unit_path == after


def test_the_trees_stamp_never_expires_and_moves_on_from_its_first_value(redis, world):
    # A stamp that expired would start again at its first value and bring back the scopes kept
    # under it before the tree changed. The cache is emptied (as after a Redis restart), so the
    # first scope read is what writes the stamp.
    user = user_with_role(world.village, Role.REPORTER)
    cache.clear()
    before = fresh(user).grants[0].unit_path
    key = cache.make_key("scope:stamp")
    assert cache._cache.get_client(key).ttl(key) == -1
    village = type(world.village).objects.get(pk=world.village.pk)
    OrgUnit.objects.move(village, OrgUnit.objects.get(pk=world.department.pk), "last-child")
    assert fresh(user).grants[0].unit_path != before


def test_a_kept_scope_is_the_one_computed_for_that_user(redis, world, django_assert_num_queries):
    user = user_with_role(world.commune, Role.REPORTER)
    computed = fresh(user)
    with django_assert_num_queries(1):
        user = type(user).objects.get(pk=user.pk)
        kept = user_scope(user)
    assert kept == computed
    assert kept.user_id == user.pk
    assert user_scope(user) is kept  # then kept on the request's user, not read again


def test_a_kept_scope_expires_after_the_settings_seconds(redis, world, settings):
    from org.scope import scope_cache_key

    user = user_with_role(world.commune, Role.REPORTER)
    fresh(user)
    key = cache.make_key(scope_cache_key(user.pk))
    assert 0 < cache._cache.get_client(key).ttl(key) <= settings.SCOPE_CACHE_SECONDS
