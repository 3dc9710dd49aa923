"""The one settings module. Everything that differs between machines comes from the
environment; see docs/configuration.md for each variable."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from esitlik.env import Env, data_dir

env = Env()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
env.read.add("ESITLIK_DATA_DIR")

DEBUG = env.bool("DEBUG", default=False)
# Set by `esitlik demo`: shows a demo notice on the sign-in page.
DEMO = env.bool("ESITLIK_DEMO", default=False)

SECRET_KEY = env.str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value before starting esitlik "
            "in production (for example: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'). `esitlik demo` makes one for you."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

# Behind TLS (the production default) cookies are secure and plain HTTP is redirected.
# The demo turns this off because it serves http://127.0.0.1:8000 directly.
HTTPS = env.bool("ESITLIK_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Marks the site as eligible for browsers' preload lists; nothing is submitted automatically.
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env.bool("ESITLIK_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env.int("ESITLIK_SESSION_HOURS", 8) * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "esitlik.core",
    "esitlik.frameworks",
    "esitlik.plans",
    "esitlik.participation",
    "esitlik.training",
    "esitlik.datasets",
    "esitlik.reports",
    "esitlik.api",
    "esitlik.network",
    "esitlik.portal",
    "esitlik.privacy",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content Security Policy and the other security headers, static files included.
    "esitlik.core.csp.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "esitlik.core.middleware.TurkishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified (user.is_verified()) when this session passed the code step.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "esitlik.core.middleware.AuditContextMiddleware",
    # After the password, a user with an authenticator answers its code before anything else;
    # a user whose role requires one is sent to set it up (docs/security.md, "Sign-in").
    "esitlik.core.two_factor.TwoFactorMiddleware",
    # Axes must come last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "esitlik.urls"
WSGI_APPLICATION = "esitlik.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "esitlik.core.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'esitlik.sqlite3'}",
        conn_max_age=env.int("ESITLIK_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; IMMEDIATE avoids "database is locked"
    # surprises when two requests upgrade a read to a write at once.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# Lockout after repeated failed logins, per user name and address together, so one person
# mistyping cannot lock out a whole office behind one NAT address.
AXES_FAILURE_LIMIT = env.int("ESITLIK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.int("ESITLIK_LOGIN_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "esitlik.core.middleware.client_ip"
AXES_VERBOSE = False
# A wrong two-step code counts as a failed sign-in too (esitlik/core/two_factor.py); it is
# never written into axes' record of the attempt.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]

# Two-step sign-in (TOTP, django-otp). Members holding one of these roles anywhere, and
# superusers, must set up an authenticator app; everyone else may. "none": nobody must.
# The demo sets "none" (esitlik/cli.py) so its printed logins are enough to try it.
TWO_FACTOR_REQUIRED_ROLES = [
    role
    for role in env.list("ESITLIK_2FA_REQUIRED_ROLES", default=["equality_admin"])
    if role.lower() != "none"
]
OTP_TOTP_ISSUER = "esitlik"

LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
# Imported datasets as Parquet, one file per import run (see esitlik/datasets/storage.py).
DATASETS_ROOT = DATA_DIR / "datasets"
# Uploads waiting for their preview, mapping and confirmation.
UPLOADS_ROOT = DATA_DIR / "uploads"
# The largest dataset file the import page accepts, in MB (the command line has no limit).
# Django spools uploads above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file, so a large
# upload is never held in memory.
UPLOAD_MAX_MB = env.int("ESITLIK_UPLOAD_MAX_MB", 200)
# A spreadsheet (a zip) whose sheet unpacks to more than this many times its packed size is
# refused as a zip bomb; a sheet of more cells than this is refused before it is read
# (esitlik/datasets/ingest/reading.py says why these numbers).
UPLOAD_MAX_ZIP_RATIO = env.int("ESITLIK_UPLOAD_MAX_ZIP_RATIO", 100)
UPLOAD_MAX_CELLS = env.int("ESITLIK_UPLOAD_MAX_CELLS", 1_048_576 * 24)
# `esitlik upkeep`: an import still running this long after it started was interrupted (a
# 10-million-row file takes well under a minute); an upload not confirmed in this many days
# is deleted.
IMPORT_STALE_MINUTES = env.int("ESITLIK_IMPORT_STALE_MINUTES", 120)
UPLOAD_KEEP_DAYS = env.int("ESITLIK_UPLOAD_KEEP_DAYS", 7)
# How long personal data is kept (esitlik/privacy/retention.py, run by `esitlik upkeep`);
# 0 keeps it for ever. See docs/privacy.md, "Retention".
RETAIN_AUDIT_IP_DAYS = env.int("ESITLIK_RETAIN_AUDIT_IP_DAYS", 365)
RETAIN_DECLINED_INPUT_DAYS = env.int("ESITLIK_RETAIN_DECLINED_INPUT_DAYS", 730)
RETAIN_TOKEN_LAST_USED_DAYS = env.int("ESITLIK_RETAIN_TOKEN_LAST_USED_DAYS", 365)
RETAIN_LOGIN_RECORDS_DAYS = env.int("ESITLIK_RETAIN_LOGIN_RECORDS_DAYS", 90)
# Where Ibis runs the computations: "duckdb" (embedded, the default) or "pyspark" (needs the
# optional "spark" dependencies and Java 17).
ANALYTICS_BACKEND = env.str("ESITLIK_ANALYTICS_BACKEND", "duckdb")
# Disclosure control of every figure that leaves the unit: counts below the threshold are
# hidden; services marked sensitive (violence support, shelters) use the stricter one.
DISCLOSURE_THRESHOLD = env.int("ESITLIK_DISCLOSURE_THRESHOLD", 5)
DISCLOSURE_THRESHOLD_SENSITIVE = env.int("ESITLIK_DISCLOSURE_THRESHOLD_SENSITIVE", 10)
# Messages a client may send through a portal's citizen form per hour (ESITLIK_PORTAL_SEND_RATE).
PORTAL_SEND_RATE = env.int("ESITLIK_PORTAL_SEND_RATE", 5)
# The JSON API (docs/api.md): page sizes and rate limits ("<count>/<second|minute|hour|day>",
# counted in the database by core/ratelimit.py, so every worker shares them; per token with a
# token, per client address without; empty: no limit).
API_PAGE_SIZE = 50
API_PAGE_MAX = 200
API_RATE_ANON = "120/minute"
API_RATE_TOKEN = "600/minute"  # noqa: S105 (a rate, not a secret)
# A push of service counts with more rows than this is queued and runs in the background
# (202 with the import to follow); up to it, it lands or is refused during the request (201).
API_PUSH_SYNC_ROWS = env.int("ESITLIK_API_PUSH_SYNC_ROWS", 5000)
# An import whose share of people (or records) of "not stated" sex is above this lands with a
# warning: its figures by sex say little.
DATASETS_NOT_STATED_SHARE = 0.10

# Long work (imports, later report rendering) runs as Django tasks, stored in the database
# and run by `esitlik db_worker`; `esitlik serve` starts one beside the web server.
TASKS = {
    "default": {
        "BACKEND": env.str("ESITLIK_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_HOST = env.str("EMAIL_HOST")
EMAIL_PORT = env.int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "esitlik@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The public address used in e-mailed links (invitations, password reset) when no request
# is at hand, e.g. from a management command.
SITE_URL = env.str("ESITLIK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"disallowed_host": {"()": "esitlik.core.logs.DisallowedHostAsWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("ESITLIK_LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step of every PDF at INFO, and fontTools every font it
    # subsets into one; their warnings still show.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Scanners ask for other hosts all day: one WARNING line each (host and path), not an
        # ERROR with a traceback that drowns real errors.
        "django.security.DisallowedHost": {"filters": ["disallowed_host"]},
    },
}
