"""ASVS level 2 basics (issue 13, Low 13): passwords of 12+ characters, a page to change one's
password, idle and absolute session timeouts, a Content-Security-Policy with no inline script."""

import re
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.middleware import LOGIN_AT, SEEN_AT
from org.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
NEW_PASSWORD = "Thống-Nhất#2026"


def test_a_password_of_eleven_characters_is_refused_and_twelve_accepted():
    with pytest.raises(ValidationError):
        validate_password("Xk7#pq2!Lm9")
    validate_password("Xk7#pq2!Lm9z")


def test_a_person_changes_their_password_on_the_sites_page(client):
    user = UserFactory(username="doi_mk")
    client.force_login(user)
    page = client.get(reverse("password_change")).content.decode()
    assert "Đổi mật khẩu" in page and "navbar" in page
    response = client.post(
        reverse("password_change"),
        {"old_password": "thidua2026", "new_password1": "ngan123", "new_password2": "ngan123"},
    )
    assert "12 ký tự" in response.content.decode()
    assert get_user_model().objects.get(pk=user.pk).check_password("thidua2026")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "thidua2026",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == reverse("password_change_done")
    assert get_user_model().objects.get(pk=user.pk).check_password(NEW_PASSWORD)


def signed_in(client, **stamps):
    client.force_login(UserFactory(username="phien"))
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    now = int(time.time())
    for key, ago in stamps.items():
        session[key] = now - ago
    session.save()
    return client


def test_a_session_idle_for_more_than_30_minutes_ends(client):
    signed_in(client, **{SEEN_AT: 31 * 60})
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get(reverse("home")).status_code == 302  # signed out, not just redirected


def test_activity_keeps_a_session_alive(client):
    signed_in(client, **{SEEN_AT: 20 * 60})
    assert client.get(reverse("home")).status_code == 200
    assert int(time.time()) - client.session[SEEN_AT] < 5


def test_a_session_ends_12_hours_after_sign_in_whatever_its_activity(client):
    signed_in(client, **{LOGIN_AT: 12 * 3600 + 60, SEEN_AT: 10})
    assert client.get(reverse("home")).status_code == 302


def test_every_page_sends_a_policy_that_runs_only_the_sites_own_scripts(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def project_files(suffix: str):
    skip = {".venv", "node_modules", "vendor", ".git", "var"}
    for path in ROOT.rglob(f"*{suffix}"):
        if not skip.intersection(path.relative_to(ROOT).parts) and "tests" not in path.parts:
            yield path


def test_no_template_holds_an_inline_script_or_an_event_handler():
    found = []
    for path in [*project_files(".html"), *project_files(".py")]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py" and "<" not in text:
            continue
        for pattern in (INLINE_SCRIPT, HANDLER):
            if path.suffix == ".py" and pattern is HANDLER:
                pattern = re.compile(r"""\son[a-z]+=["']""", re.I)
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert found == []
