"""Signing in and loading the signed-in user, with the user's row kept in the shared cache
(REDIS_URL) between requests: every page otherwise reads it from the database. The row is
dropped the moment it changes (org/signals.py), so a changed password or a deactivated account
takes effect on the next request."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache


def user_cache_key(user_id) -> str:
    return f"user:{user_id}"


class CachedModelBackend(ModelBackend):
    def get_user(self, user_id):
        if not settings.SCOPE_CACHE_SECONDS:
            return super().get_user(user_id)
        key = user_cache_key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(key, user, settings.SCOPE_CACHE_SECONDS)
        return user
