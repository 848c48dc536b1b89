"""Settings of the test run: the project's settings, plus a second connection named "replica"
that mirrors the test database, so the dashboards' replica routing is exercised on a real
second connection (monitoring/tests/test_replica.py). Dashboards still read "default" unless a
test sets DASHBOARD_DATABASE, because other tests' data is not committed."""

from thidua.settings import *  # noqa: F403
from thidua.settings import DATABASES

if "replica" not in DATABASES:
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DASHBOARD_DATABASE = "default"
# Argon2 is slow on purpose; tests create hundreds of users (test_security checks Argon2).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
# Tests do not run collectstatic: templates name static files as they are in static/
# (core/tests/test_static_files.py checks the production storage on a collected copy).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The API's rate limits count in the process's memory cache, which lives for the whole run: the
# other tests (and Schemathesis) call far more often than a client would, always from
# 127.0.0.1. Limits high enough never to be reached keep the throttles in every call;
# api/tests/test_throttling.py sets its own and checks the defaults of thidua/settings.py.
API_RATE_TOKEN = "100000/min"
API_RATE_OPEN = "100000/min"
# Tests reuse ids after a rollback: a schedule's lines are not cached across them.
REPORTING_SCHEDULE_CACHE_SECONDS = 0

# Background jobs: the worker tests (jobs/tests/test_worker.py, tests/e2e) start a real
# `celery -A thidua worker` process. It reads the test database, so on SQLite that database is a
# file rather than memory; the broker is Redis when CELERY_BROKER_URL or REDIS_URL names it (CI),
# else the filesystem transport in a folder of this run.
import os  # noqa: E402
import tempfile  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.path.join(
        tempfile.gettempdir(), f"thidua-test-{os.getpid()}.sqlite3"
    )
import atexit  # noqa: E402
import shutil  # noqa: E402

CELERY_FILESYSTEM_DIR = Path(tempfile.mkdtemp(prefix="thidua-celery-"))  # noqa: F405
atexit.register(shutil.rmtree, CELERY_FILESYSTEM_DIR, True)
if CELERY_BROKER_URL.startswith("filesystem"):  # noqa: F405
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
    }
