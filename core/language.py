"""The language of the pages: Vietnamese unless the person chose English with the switch.

Django's LocaleMiddleware also follows the browser's Accept-Language, so an officer whose Chrome
is set to English would get English pages without asking for them. Here only the person's choice
counts: the cookie Django's set_language view writes (templates/_language_switch.html posts to
it); with no cookie, or one naming a language the site does not offer, LANGUAGE_CODE ("vi").
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request) -> str:
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware with the browser's language left out (process_response is Django's)."""

    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
