"""core.cache.RedisCache: Django's Redis cache with one redis-py client per connection pool.
Runs against the machine's Redis (CI's machine has one, .ci/run starts it)."""

import threading

import pytest
from django.core.cache import caches


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": "thidua-test-cache",
        },
    }
    cache = caches["shared"]
    cache.clear()
    yield cache
    cache.clear()


def test_every_call_uses_the_same_client(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    assert redis_cache._cache.get_client("some key") is client


def test_it_is_still_a_full_cache(redis_cache):
    assert redis_cache.add("phiên", {"vai trò": ["báo cáo"]}, 60)
    assert not redis_cache.add("phiên", "khác", 60)
    assert redis_cache.get("phiên") == {"vai trò": ["báo cáo"]}
    redis_cache.set_many({"a": 1, "b": 2})
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert redis_cache.incr("a", 5) == 6
    redis_cache.delete("phiên")
    assert redis_cache.get("phiên", "không còn") == "không còn"


def test_each_thread_has_its_own_cache_and_client(redis_cache):
    # Django gives each thread its own cache object (caches is thread-local); sharing one
    # client inside a thread must not leak it to another.
    mine = redis_cache._cache.get_client()
    theirs = []
    thread = threading.Thread(target=lambda: theirs.append(caches["shared"]._cache.get_client()))
    thread.start()
    thread.join()
    assert theirs and theirs[0] is not mine
