"""api.E001: a rate limit of the API (API_RATE_TOKEN, API_RATE_OPEN) that cannot be read stops
start-up, rather than answering 500 at the first call."""

from django.conf import settings
from django.core import checks

from api.throttling import SETTINGS, parse_rate


@checks.register(checks.Tags.security)
def rate_settings_check(app_configs, **kwargs):
    errors = []
    for name in SETTINGS:
        value = getattr(settings, name, None)
        try:
            parse_rate(value)
        except ValueError:
            errors.append(
                checks.Error(
                    f"{name} = {value!r} is not a rate.",
                    hint='Write calls per period ("1200/min", "20/s", "5000/hour", "0/min" to '
                    'refuse every call) or "off" for no limit.',
                    obj=name,
                    id="api.E001",
                )
            )
    return errors
