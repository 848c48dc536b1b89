"""The rate limits of /api/v1/ (issue #18 §4), with django-ninja's own throttling.

Every call with a token counts against that token (keyed by its prefix, never its secret):
API_RATE_TOKEN, 1200 a minute by default. The open-data endpoints, which take no token, count
per client address (core.http.client_ip, the address the trusted proxies saw): API_RATE_OPEN,
120 a minute by default. Both settings read "N/s", "N/min", "N/hour", "N/day" (ninja's format),
or "off" to lift the limit; a malformed value stops start-up (api.E001, api/checks.py).

The counts live in the project's cache ("default": Redis in production, so every app process
shares them; without Redis each process counts alone). As ninja's (and DRF's) throttles, a count
is read and written back without a lock: two calls at the same instant may both pass the last
place — a limit to protect the service, not a quota to the call.

A call over its limit gets 429 with `Retry-After` (whole seconds until the oldest call of the
window leaves it) and `{"detail": "Quá nhiều yêu cầu: thử lại sau N giây."}`; every throttled
operation documents that answer in the OpenAPI description.
"""

import math
import threading

from django.conf import settings
from django.utils.translation import gettext_lazy, ngettext
from ninja import NinjaAPI, Schema
from ninja.errors import Throttled
from ninja.openapi.schema import OpenAPISchema
from ninja.throttling import SimpleRateThrottle

from api.schemas import Problem
from core.http import client_ip

OFF = "off"
SETTINGS = ("API_RATE_TOKEN", "API_RATE_OPEN")


def parse_rate(value) -> tuple[int, int] | None:
    """'1200/min' → (1200 calls, 60 seconds); 'off' → None. Anything else is a ValueError."""
    if isinstance(value, str) and value.strip().lower() == OFF:
        return None
    if not isinstance(value, str):
        raise ValueError(f"Invalid rate format: {value!r}")
    calls, seconds = SimpleRateThrottle.parse_rate(SimpleRateThrottle, value.strip())
    if calls < 0 or seconds <= 0:
        raise ValueError(f"Invalid rate format: {value!r}")
    return calls, seconds


def _per_thread(name: str) -> property:
    return property(
        lambda self: getattr(self._state, name),
        lambda self, value: setattr(self._state, name, value),
    )


class SettingRateThrottle(SimpleRateThrottle):
    """ninja's SimpleRateThrottle with its rate read from a Django setting at each call (so a
    change of settings, in a test or a deployment, needs no re-import), and the state it keeps
    between `allow_request` and `wait` held per thread: one throttle object serves every
    request of the process, and a threaded server runs several at once."""

    setting: str

    key = _per_thread("key")
    history = _per_thread("history")
    now = _per_thread("now")
    num_requests = _per_thread("num_requests")
    duration = _per_thread("duration")

    def __init__(self):
        self._state = threading.local()
        self.rate = None  # read from the setting at each call

    def allow_request(self, request) -> bool:
        limit = parse_rate(getattr(settings, self.setting))
        if limit is None:
            return True
        self.num_requests, self.duration = limit
        return super().allow_request(request)


class TokenThrottle(SettingRateThrottle):
    """Each token its own budget, whoever calls with it."""

    scope = "api_token"
    setting = "API_RATE_TOKEN"

    def get_cache_key(self, request) -> str | None:
        token = getattr(request, "auth", None)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.prefix}


class OpenThrottle(SettingRateThrottle):
    """The open-data endpoints: each client address its own budget."""

    scope = "api_open"
    setting = "API_RATE_OPEN"

    def get_cache_key(self, request) -> str:
        ident = client_ip(request) or "unknown"
        return self.cache_format % {"scope": self.scope, "ident": ident}


def too_many_requests_detail(seconds: int) -> str:
    return ngettext(
        "Quá nhiều yêu cầu: thử lại sau %(n)s giây.",
        "Quá nhiều yêu cầu: thử lại sau %(n)s giây.",
        seconds,
    ) % {"n": seconds}


TOO_MANY_REQUESTS = gettext_lazy("Quá nhiều yêu cầu trong khoảng thời gian cho phép")
RETRY_AFTER = gettext_lazy("Số giây cần chờ trước khi gọi lại")


class _TooManyRequestsResponse(Schema):
    """ninja describes an answer through a model holding it as `response` (as its operations'
    response models do), so that the description refers to the named Problem schema."""

    response: Problem


class _ThrottledSchema(OpenAPISchema):
    def responses(self, operation) -> dict:
        result = super().responses(operation)
        if operation.throttle_objects:
            problem = self._create_schema_from_model(
                _TooManyRequestsResponse, by_alias=operation.by_alias, mode="serialization"
            )[0]
            result[429] = {
                "description": str(TOO_MANY_REQUESTS),
                "headers": {
                    "Retry-After": {
                        "description": str(RETRY_AFTER),
                        "schema": {"type": "integer", "minimum": 0},
                    }
                },
                "content": {self.api.renderer.media_type: {"schema": problem}},
            }
        return result


class ThrottledAPI(NinjaAPI):
    """A NinjaAPI whose 429 speaks Vietnamese and whose description says when it comes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_exception_handler(Throttled, self._too_many_requests)

    def _too_many_requests(self, request, exc: Throttled):
        seconds = max(1, math.ceil(exc.wait)) if exc.wait is not None else 1
        response = self.create_response(
            request, {"detail": too_many_requests_detail(seconds)}, status=429
        )
        response["Retry-After"] = str(seconds)
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return _ThrottledSchema(api=self, path_prefix=path_prefix)
