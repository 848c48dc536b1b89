"""Rules of the web request that hold on every page: the site's own error pages under DEBUG too,
the session's idle and absolute timeouts and the Content-Security-Policy (issue 13, ASVS level 2).

Error pages: without DEBUG, Django answers a wrong id, a missing page, a bad request or a crash
with the templates 404.html, 400.html and 500.html (templates/). With DEBUG on, as `make run`
serves the demo, it shows its technical pages in English instead, so a person trying the demo
would meet pages the product never shows. This middleware renders the site's pages under DEBUG
as well, unless TECHNICAL_ERROR_PAGES asks for Django's (a developer chasing a bug); a crash is
still logged with its traceback on the console.
"""

import logging
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import get_resolver, get_urlconf

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


logger = logging.getLogger("django.request")


def _site_pages_wanted() -> bool:
    return settings.DEBUG and not settings.TECHNICAL_ERROR_PAGES


def error_page(request, status: int, exception: Exception | None = None):
    """The response of the project's handler for `status` (handler404 … of the URLconf)."""
    callback = get_resolver(get_urlconf()).resolve_error_handler(status)
    if status == 500:
        return callback(request)
    return callback(request, exception=exception)


class SiteErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A path that matches no URL never reaches a view (no resolver_match), so no
        # process_exception either: Django's technical 404 comes back as a response.
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is None
            and _site_pages_wanted()
        ):
            return error_page(request, 404, Http404())
        return response

    def process_exception(self, request, exception):
        if not _site_pages_wanted():
            return None
        if isinstance(exception, Http404):
            return error_page(request, 404, exception)
        if isinstance(exception, PermissionDenied):
            return None  # Django already uses handler403, DEBUG or not
        if isinstance(exception, BadRequest | SuspiciousOperation):
            logger.warning("Bad request: %s (%s)", request.path, exception)
            return error_page(request, 400, exception)
        signals.got_request_exception.send(sender=None, request=request)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=(type(exception), exception, exception.__traceback__),
            extra={"status_code": 500, "request": request},
        )
        return error_page(request, 500)
