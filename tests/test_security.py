import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from org.tests.factories import UserFactory, user_with_role
from plans.models import Plan

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(settings):
    from thidua import settings as production

    # The test run hashes with MD5 for speed (thidua/test_settings.py); production with Argon2.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory(username="hashme")
    assert get_user_model().objects.get(pk=user.pk).password.startswith("argon2")


def test_post_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_with_role(world.commune))
    response = client.post(reverse("plans:create"), {"issuer": world.commune.pk, "title": "KH"})
    assert response.status_code == 403
    assert Plan.objects.count() == 0


def test_login_is_throttled_after_repeated_failures(client, settings):
    UserFactory(username="xa_throttle")
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "xa_throttle", "password": "sai"})
    response = client.post(url, {"username": "xa_throttle", "password": "thidua2026"})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()


def test_correct_password_logs_in(client):
    UserFactory(username="xa_ok")
    response = client.post(reverse("login"), {"username": "xa_ok", "password": "thidua2026"})
    assert response.status_code == 302
