"""With REDIS_URL set, sessions are read from Redis and written through to the database
(thidua/settings.py); this runs against the machine's Redis, as CI's machine has one."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_login_lives_in_redis_and_in_the_database(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
            "KEY_PREFIX": "thidua-test",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    from django.contrib.sessions.models import Session

    UserFactory(username="phien")
    client.post(reverse("login"), {"username": "phien", "password": "thidua2026"})
    key = client.cookies["sessionid"].value
    assert caches["default"].get(f"django.contrib.sessions.cached_db{key}") is not None
    assert Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("home")).status_code == 200
    caches["default"].clear()
