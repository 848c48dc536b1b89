"""Two rules of the web session that hold on every page (issue 13, ASVS level 2 basics)."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

LOGIN_AT = "_thidua_login_at"
SEEN_AT = "_thidua_seen_at"
# A session is written at most this often just to note activity (not on every request).
SEEN_RESOLUTION = 60


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """Start both clocks at sign-in, in the session the sign-in saves anyway: the next pages
    then write nothing just to note activity."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


class SessionTimeoutMiddleware:
    """Ends a session idle for SESSION_IDLE_TIMEOUT seconds, and any session older than
    SESSION_ABSOLUTE_TIMEOUT seconds, whatever its activity; the person signs in again and comes
    back to the page they asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.setdefault(LOGIN_AT, now)
            seen_at = session.get(SEEN_AT, now)
            idle = now - seen_at > settings.SESSION_IDLE_TIMEOUT
            too_old = now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT
            if idle or too_old:
                logout(request)
                return redirect_to_login(request.get_full_path())
            if SEEN_AT not in session or now - seen_at >= SEEN_RESOLUTION:
                session[SEEN_AT] = now
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Sends the site's Content-Security-Policy (settings.CONTENT_SECURITY_POLICY) on every
    response that does not set its own. One fixed policy with no nonces: a constant header, so a
    few lines here rather than a dependency (Django 5.2 has no built-in CSP)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
