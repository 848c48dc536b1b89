import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
# A server refuses to start with the development key (thidua/settings.py, docs/security.md).
os.environ.setdefault("THIDUA_REQUIRE_SECRET_KEY", "1")
application = get_wsgi_application()


def load_what_requests_would() -> None:
    """Every URL module and its views, and each language's translations, loaded at start rather
    than by the first requests (which would wait for them)."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("home")


load_what_requests_would()
# What is loaded by now (Django, the apps, their URLs and translations: most of a worker's
# objects) lives as long as the process. Moved out of the garbage collector's view, a full
# collection looks only at what requests made since, instead of scanning some 170,000 objects
# each time (bench/README.md, "Instructions per report").
gc.freeze()
