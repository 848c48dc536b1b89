"""Settings of Thi đua số, read once from the environment.

DATABASE_URL selects the database (embedded SQLite by default, PostgreSQL in production and CI);
SECRET_KEY, DEBUG, ALLOWED_HOSTS and EMAIL_URL-style settings come from the environment too.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("THIDUA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
# Django's technical error pages under DEBUG; otherwise the site's own Vietnamese pages, DEBUG or
# not (core/middleware.py), so that the demo (`make run`, DEBUG on) shows what users will see.
TECHNICAL_ERROR_PAGES = env_bool("TECHNICAL_ERROR_PAGES", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("THIDUA_REQUIRE_SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set in production")
    # Development and tests only; production sets SECRET_KEY (docs/install.md).
    SECRET_KEY = "dev-insecure-thidua-so-change-me"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "treebeard",
    "axes",
    "simple_history",
    "core",
    "org",
    "movements",
    "indicators",
    "plans",
    "reporting",
    "initiatives",
    "registrations",
    "monitoring",
    "evaluation",
    "documents",
    "jobs",
    "awards",
    "nominations",
    "council",
    "decisions",
    "ninja",
    "api",
    "portal",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which answers static files with its own compressed copies.
    "core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Vietnamese unless the person chose English (not the browser's language): core/language.py.
    "core.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Inside CommonMiddleware, so that a missing trailing slash is still redirected.
    "core.middleware.SiteErrorPagesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.context_processors.scope",
            ],
        },
    },
]

# A kept connection is checked before a request reuses it (conn_health_checks): after a restart
# of PostgreSQL the next request opens a new one instead of failing (bench/faults.py).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a report is saved; the timeout waits out a short write lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
# A read replica for the dashboards (docs/scaling.md): DATABASE_REPLICA_URL names it.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DASHBOARD_DATABASE = "replica" if "replica" in DATABASES else "default"

DATABASE_ROUTERS = ["monitoring.routers.DashboardReplicaRouter"]

# Redis (REDIS_URL, docs/scaling.md) holds the sessions (written through to the database) and
# each user's roles, shared by every app process, so a request does not query the database for
# either; a change of roles or of the tree clears them at once (org/signals.py). The benchmark
# measured +13 % submissions a second with it (bench/README.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Parts of a page that are the same for everyone of a language, e.g. the menu's links
    # (templates/base.html): kept in each process, never shared, never stale past a restart.
    # Not kept under DEBUG, where a template edited shows at the next request.
    "fragments": {
        "BACKEND": "django.core.cache.backends."
        + ("dummy.DummyCache" if DEBUG else "locmem.LocMemCache"),
        "LOCATION": "fragments",
        "TIMEOUT": None,
    },
}
if REDIS_URL:
    CACHES["default"] = {"BACKEND": "core.cache.RedisCache", "LOCATION": REDIS_URL}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SCOPE_CACHE_SECONDS = 600 if REDIS_URL else 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Five wrong passwords lock the account-and-address pair for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language switch (templates/_language_switch.html) is remembered for a year on this browser.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = env_bool("HTTPS", False)
FORMAT_MODULE_PATH = ["thidua.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Off: with it on, every integer a template prints is grouped, so ids, years and versions in
# links and form names come out as "12.345" and break. Figures are grouped where they are shown
# (the vi_number filter, floatformat's "g").
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic writes every file under a name with its content hash, plus .gz and .br copies;
    # WhiteNoise serves the hashed names with a ten-year cache and the compressed copy the browser
    # accepts (the Makefile and docs/install.md run collectstatic). core/static_storage.py.
    "staticfiles": {"BACKEND": "core.static_storage.CompressedManifestStaticStorage"},
}
# Word templates an office has customised (documents/README.md): they override the built-in ones.
DOCUMENT_TEMPLATES_DIR = Path(
    os.environ.get("DOCUMENT_TEMPLATES_DIR", VAR_DIR / "document_templates")
)
# Uploaded plan documents: a plan of 30 pages is far below this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Evidence files (reporting/services/drafts.py): each at most 20 MB, and at most this many per
# task of a report, per report, and bytes in total per unit; the proxy's body limit
# (docs/security.md) caps one request.
EVIDENCE_MAX_FILES_PER_TASK = int(os.environ.get("EVIDENCE_MAX_FILES_PER_TASK", "10"))
EVIDENCE_MAX_FILES_PER_REPORT = int(os.environ.get("EVIDENCE_MAX_FILES_PER_REPORT", "30"))
EVIDENCE_MAX_BYTES_PER_UNIT = int(
    os.environ.get("EVIDENCE_MAX_BYTES_PER_UNIT", str(2 * 1024 * 1024 * 1024))
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "thiduaso@localhost")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Absolute links in e-mails (reminders) point here.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# A schedule's indicators and tasks are kept this long per process
# (reporting/selectors/schedules.py).
REPORTING_SCHEDULE_CACHE_SECONDS = int(os.environ.get("REPORTING_SCHEDULE_CACHE_SECONDS", "60"))
# Reminders: this many days before the due day, and again this many days after it.
REMINDER_DAYS_BEFORE = int(os.environ.get("REMINDER_DAYS_BEFORE", "3"))
REMINDER_DAYS_AFTER = int(os.environ.get("REMINDER_DAYS_AFTER", "1"))

# Background jobs (jobs/, docs/workers.md). The broker is Redis when CELERY_BROKER_URL or
# REDIS_URL names it (production, CI); on the embedded default it is kombu's filesystem
# transport in var/celery: a folder of message files that `make run`'s worker and the web
# process share, so the demo needs no server. Its messages are not redelivered after a worker
# is killed; the lost-job rule below (jobs/services.py) covers that on every broker.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL or "filesystem://"
CELERY_FILESYSTEM_DIR = Path(os.environ.get("CELERY_FILESYSTEM_DIR", VAR_DIR / "celery"))
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
    }
else:
    # Redis hands an unacknowledged message to another worker after this many seconds: longer
    # than any job, so a slow job is not run twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
    }
# A job's state lives in the Job table (jobs.models.Job), not in a result backend.
CELERY_TASK_IGNORE_RESULT = True
# A message is acknowledged when its job ends, and given back when the worker process running
# it dies, so a killed worker's job runs again elsewhere.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Replaces the cron line: reminders once a day (each reminder still goes once).
    "send-reminders": {
        "task": "reporting.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=15),
    },
    # An award round stops taking proposals once its deadline has passed (the rule itself is
    # AwardRound.nominations_open; this makes the round read "closed" by the system too).
    "close-expired-rounds": {
        "task": "nominations.tasks.close_expired_rounds",
        "schedule": crontab(hour=0, minute=5),
    },
    # A running job whose worker stopped beating is run again, or failed after its last try.
    "recover-lost-jobs": {"task": "jobs.tasks.recover_lost_jobs", "schedule": 60.0},
    # Result files older than JOB_RESULT_DAYS are deleted (the shared media folder stays small).
    "purge-old-job-results": {
        "task": "jobs.tasks.purge_old_results",
        "schedule": crontab(hour=3, minute=30),
    },
}
# A running job's worker writes a heartbeat this often; a job without one for JOB_LOST_AFTER
# seconds is lost (its worker was killed) and is run again, up to JOB_MAX_ATTEMPTS times.
JOB_HEARTBEAT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_SECONDS", "15"))
JOB_LOST_AFTER_SECONDS = float(os.environ.get("JOB_LOST_AFTER_SECONDS", "90"))
JOB_MAX_ATTEMPTS = int(os.environ.get("JOB_MAX_ATTEMPTS", "3"))
JOB_RESULT_DAYS = int(os.environ.get("JOB_RESULT_DAYS", "30"))
# No job holds a worker for ever: past the soft limit the job fails with its reason (the worker
# goes on), past the hard one Celery replaces the worker process (the job is then retried or
# failed by the lost-job rule). A province's exports take about a minute.
CELERY_TASK_SOFT_TIME_LIMIT = int(os.environ.get("JOB_TIME_LIMIT_SECONDS", "1800"))
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
# Reading an uploaded plan runs in a child process of the worker under these limits
# (core/sandbox.py); the upload itself is checked first (core/uploads.py).
PLAN_IMPORT_TIMEOUT_SECONDS = int(os.environ.get("PLAN_IMPORT_TIMEOUT_SECONDS", "120"))
PLAN_IMPORT_MEMORY_MB = int(os.environ.get("PLAN_IMPORT_MEMORY_MB", "1024"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# ==== Security (issue 13; docs/security.md) ==================================================
# One block, kept apart from the rest of the settings. The WSGI entry point (thidua/wsgi.py) sets
# THIDUA_REQUIRE_SECRET_KEY, so a production server refuses to start without SECRET_KEY outside
# DEBUG (the check at the top of this file); management commands of a checkout run without one.

# Behind the documented TLS proxy (docs/install.md): HTTPS=1 turns on HSTS, the redirect to HTTPS
# and cookies sent only over HTTPS; `manage.py check --deploy` is then clean (tests/test_deploy.py).
HTTPS = env_bool("HTTPS", False)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)

# How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the header is
# ignored). The client's address, for django-axes and the audit log alike, is core.http.client_ip.
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"

# Rate limits of /api/v1/ (api/throttling.py, docs/api.md): calls per token, and calls per client
# address (core.http.client_ip) on the open-data endpoints, counted in the cache above (Redis in
# production, shared by every process). "N/s", "N/min", "N/hour", "N/day"; "off" lifts a limit;
# "0/min" refuses every call; anything else stops start-up (system check api.E001).
API_RATE_TOKEN = os.environ.get("API_RATE_TOKEN", "1200/min")
API_RATE_OPEN = os.environ.get("API_RATE_OPEN", "120/min")

# ASVS level 2 basics. Passwords of 12 characters or more, not common, not all digits, not like
# the username (the demo accounts keep "thidua2026": they are created from a precomputed hash).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A session ends after 30 minutes without a request, and 12 hours after sign-in in any case
# (core/middleware.py); the cookie itself lasts no longer than that.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_ABSOLUTE_TIMEOUT", str(12 * 3600)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
# Pages load nothing from elsewhere and run no inline script (scripts are static files; data for
# the charts comes through json_script, which is never executed). Inline style attributes stay
# allowed: bars and charts take computed widths and heights (docs/security.md).
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "core.middleware.SessionTimeoutMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "core.middleware.ContentSecurityPolicyMiddleware",
)

# Dữ liệu mở (opendata/): the licence named on the public pages and in every file. An office
# publishing under another licence sets both.
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "Creative Commons Ghi công 4.0 (CC BY 4.0)")
OPEN_DATA_LICENCE_URL = os.environ.get(
    "OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.vi"
)
