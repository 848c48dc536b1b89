import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
# A server refuses to start with the development key (thidua/settings.py, docs/security.md).
os.environ.setdefault("THIDUA_REQUIRE_SECRET_KEY", "1")
application = get_wsgi_application()
