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
# Tests reuse ids after a rollback: a schedule's lines are not cached across them.
REPORTING_SCHEDULE_CACHE_SECONDS = 0
