"""Settings, read from the environment.

Two ways to run, one code base (see README "Running"):
- embedded default: no DATABASE_URL / REDIS_URL -> SQLite under var/, Celery tasks run eagerly in-process,
  local-memory cache. `make run` uses this with PORTAL_ENV=development.
- production-like: DATABASE_URL (PostgreSQL via psycopg 3) and REDIS_URL (Celery broker + cache) set.

PORTAL_ENV is one of production (the default, so a forgotten variable fails safe), development, test.
"""

import contextlib
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Under pytest the default is "test", so `pytest` alone never runs with production settings.
PORTAL_ENV = os.environ.get("PORTAL_ENV") or ("test" if "pytest" in sys.modules else "production")
if PORTAL_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(f"PORTAL_ENV must be production, development or test, not {PORTAL_ENV!r}")
DEVELOPMENT = PORTAL_ENV == "development"
TESTING = PORTAL_ENV == "test"
PRODUCTION = PORTAL_ENV == "production"

# DEBUG is only ever on for `make run`; never in tests (they must see what production shows).
DEBUG = DEVELOPMENT and env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    # Only for development and tests: a fixed key keeps sessions across `make run` restarts.
    SECRET_KEY = "insecure-development-key-never-used-in-production-" + PORTAL_ENV

# A separate key signs certificate verification codes, so rotating the session key does not
# invalidate every certificate ever issued.
CERTIFICATE_SIGNING_KEY = os.environ.get("PORTAL_CERTIFICATE_KEY", SECRET_KEY)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "formtools",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "coverage_portal",
    "accounts",
    "postings",
    "casework",
    "selfcheck",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coverage_portal.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "coverage_portal.middleware.permission_memo",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "coverage_portal.middleware.signed_in_person",  # after both of the above (why: there)
    "coverage_portal.middleware.private_answers",  # Cache-Control: no-store for people and the API
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes last, as its documentation asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coverage_portal.urls"
WSGI_APPLICATION = "coverage_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% form_field %} on every form page and {% site_header %} on every page, without a
            # {% load %} (coverage_portal/templatetags).
            "builtins": [
                "coverage_portal.templatetags.form_field",
                "coverage_portal.templatetags.site_chrome",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coverage_portal.context_processors.portal",
            ],
        },
    },
]

# Django's widget templates, written by Python (same HTML; coverage_portal/form_renderer.py).
FORM_RENDERER = "coverage_portal.form_renderer.PortalFormRenderer"

# --- Database -----------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    # Parameters bound by the server, so psycopg prepares a statement after its fifth use on a
    # connection (they live as long as it does, CONN_MAX_AGE): planning was more than half of
    # PostgreSQL's CPU per page (benchmarks/load.py, pg_stat_statements). DATABASE_SERVER_SIDE_BINDING
    # =false turns it off, e.g. behind a pooler in transaction mode, which cannot keep them.
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "DATABASE_SERVER_SIDE_BINDING", True
    ):
        DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3")),
            # WAL and a busy timeout let the in-process tasks and the dev server share the file.
            "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and cache ---------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # Tests run tasks in-process by default, so each test sees what its own actions caused; the
    # tests that prove the real pipeline (tests/pipeline, marked "services") turn this off and run
    # a real worker against Redis. Everywhere else a worker process runs the tasks.
    CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", TESTING)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    # Embedded mode: tasks run in-process, right after the transaction that queued them commits.
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = env_bool("CELERY_TASK_EAGER_PROPAGATES", TESTING)
# Never lose a task: acknowledge after it ran, requeue when the worker dies, one task at a time.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task's outcome is in the database (the request's status, its certificate), not in a result
# nobody reads: storing one in Redis after every task was a write for nothing. A task whose return
# value is read (the sweep's counts) says ignore_result=False.
CELERY_TASK_IGNORE_RESULT = True
# Celery's Django fixup closes the database connections around every task unless this is set; the
# worker manages them as the web does instead (coverage_portal/celery.py), so it never needs to.
CELERY_DB_REUSE_MAX = 1_000_000_000
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_DEFAULT_QUEUE = "portal"
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE: dict = {}  # apps add their periodic tasks in coverage_portal/celery.py

# --- Auth -----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.PortalModelBackend",
]
PASSWORD_HASHERS = [
    "accounts.hashers.PortalArgon2PasswordHasher",  # Argon2id at OWASP's parameters (why: there)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Hashing cost dominates a test run of many logins; tests of the hasher itself set it back.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# --- Internationalisation -------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch")), ("fr", _("French")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates day first with a 24-hour clock (coverage_portal/formats/en/formats.py): Django's are American.
FORMAT_MODULE_PATH = ["coverage_portal.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# WhiteNoise warns on every start when the folder is missing (a fresh checkout before collectstatic);
# a read-only image has run collectstatic already.
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@coverage-portal.example")

# --- Security -------------------------------------------------------------------------------------
# Production defaults are strict (check --deploy passes with no warnings); development and tests
# run over plain http on loopback, so they relax only what http cannot do.
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_ENGINE = "coverage_portal.session_store"
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind the TLS load balancer: trust its X-Forwarded-Proto, and count rate limits by the address
# it appends to X-Forwarded-For (the last one; anything before it is the client's to forge).
PORTAL_BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY")
if PORTAL_BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- REST framework -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "anon": "120/min",
        "user": "600/min",
        "verification": "30/min",
        # The public engine (api.throttling.AddressRateThrottle says why only in production).
        "determinations": os.environ.get("API_DETERMINATIONS_RATE", "600/min")
        if PORTAL_ENV == "production"
        else None,
    },
    # The address a rate limit counts: behind the TLS proxy the last X-Forwarded-For entry (the one
    # the proxy appends), else REMOTE_ADDR. DRF's default (None) would take the whole header, which
    # the client writes: a new value per call would escape the limit.
    "NUM_PROXIES": 1 if PORTAL_BEHIND_TLS_PROXY else 0,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coverage portal API",
    "DESCRIPTION": "Request A1 / certificates of coverage, keep the personnel directory, and ask the "
    "applicable-legislation engine which state's social security legislation applies.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # One name per choice set: every country field shares the ISO list, and the status fields of
    # different models get names that say whose status they are.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "django_countries.countries",
        "RequestStatusEnum": "postings.status.Status",
        "OrganisationStatusEnum": "accounts.models.Organisation.Status",
        "CertificateStatusEnum": ["valid", "provisional", "withdrawn"],
    },
}

# --- The issuing institution ----------------------------------------------------------------------
_INSTITUTIONS = {
    "NL": {
        "state": "NL",
        "name": "Sociale Verzekeringsbank",
        "short_name": "SVB",
        "street": "Van Heuven Goedhartlaan 1",
        "postal_code": "1181 LE",
        "town": "Amstelveen",
        "institution_id": "NL:SVB01",
        "phone": "+31 20 656 5656",
        "fax": "",  # PD A1 field 6.7 (legislation.md 4.7); empty: printed blank
        "email": "a1@svb.example",
        "person_id": "BSN",
        "certificate_languages": ["nl", "en"],
    },
    "BE": {
        "state": "BE",
        "name": "National Social Security Office",
        "short_name": "NSSO",
        "street": "Place Victor Horta 11",
        "postal_code": "1060",
        "town": "Brussels",
        "institution_id": "BE:RSZONSS",
        "phone": "+32 2 509 59 59",
        "fax": "",  # PD A1 field 6.7 (legislation.md 4.7); empty: printed blank
        "email": "a1@nsso.example",
        "person_id": "SSIN",
        "certificate_languages": ["fr", "de", "nl"],
    },
}
_state = os.environ.get("PORTAL_INSTITUTION_STATE", "NL").upper()
if _state not in _INSTITUTIONS:
    raise ImproperlyConfigured(f"PORTAL_INSTITUTION_STATE must be one of {sorted(_INSTITUTIONS)}")
PORTAL_INSTITUTION = _INSTITUTIONS[_state]
# Off by default: a caseworker looks at every request unless the institution decides otherwise.
PORTAL_AUTO_APPROVE_CLEAN_POSTINGS = env_bool("PORTAL_AUTO_APPROVE_CLEAN_POSTINGS", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
