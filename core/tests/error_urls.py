"""The site's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from thidua.urls import urlpatterns as site_urlpatterns


def crash(request):
    raise RuntimeError("a bug in a view")


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise BadRequest("malformed")


urlpatterns = [
    *site_urlpatterns,
    path("thu-loi/500/", crash),
    path("thu-loi/403/", forbidden),
    path("thu-loi/400/", bad_request),
]
