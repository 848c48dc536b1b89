"""The site's own error pages under DEBUG too.

Without DEBUG, Django answers a wrong id, a missing page, a bad request or a crash with the
templates 404.html, 400.html and 500.html (templates/). With DEBUG on, as `make run` serves the
demo, it shows its technical pages in English instead, so a person trying the demo would meet
pages the product never shows. This middleware renders the site's pages under DEBUG as well,
unless TECHNICAL_ERROR_PAGES asks for Django's (a developer chasing a bug); a crash is still
logged with its traceback on the console.
"""

import logging

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import get_resolver, get_urlconf

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
