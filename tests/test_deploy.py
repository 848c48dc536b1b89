"""Production settings (issue 13, Medium 7): a server without SECRET_KEY outside DEBUG refuses to
start, and `manage.py check --deploy` is clean in the documented production settings
(docs/install.md: DEBUG off, SECRET_KEY, ALLOWED_HOSTS, HTTPS=1 behind the TLS proxy)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "n8#Vq2!xL0m$Zr7@pW4^tY6&hB1*eK9(sD3)fG5_jC8+uA0=oI2",
    "ALLOWED_HOSTS": "thiduaso.example.gov.vn",
    "HTTPS": "1",
}


def run(code_or_args: list[str], env: dict) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE: set by the end-to-end tests in this process, never in production.
    unset = {"SECRET_KEY", "DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, *code_or_args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_server_refuses_to_start_without_secret_key_outside_debug():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run(["-c", "import thidua.wsgi"], env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_server_starts_with_a_secret_key():
    result = run(["-c", "import thidua.wsgi"], PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_a_started_server_keeps_what_it_loaded_out_of_the_garbage_collectors_way():
    """thidua/wsgi.py freezes what is loaded at start: a full collection then scans what the
    requests made, not the whole of Django and the apps (bench/README.md)."""
    code = "import gc, thidua.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))"
    result = run(["-c", code], PRODUCTION)
    assert result.returncode == 0, result.stderr
    frozen, still_watched = map(int, result.stdout.split())
    assert frozen > 100_000 and still_watched < frozen / 10, (frozen, still_watched)


def test_check_deploy_is_clean_in_the_documented_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_kept_database_connection_is_checked_before_a_request_reuses_it():
    """After a restart of PostgreSQL a request reusing a worker's kept connection reconnects
    instead of failing with a 500 (bench/run.py --faults: only requests made while the server
    was down failed, bench/README.md)."""
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
