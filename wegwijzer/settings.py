"""Settings for Wegwijzer, read from the environment.

Without any environment the app runs as a local development install: DEBUG on, a SQLite file
in the project folder and a secret that is obviously not meant for production. With
DJANGO_DEBUG=0 the secret must be set and strong, and the security settings are those
`manage.py check --deploy` asks for.
"""

import datetime
import hashlib
import os
import tempfile
from pathlib import Path

import dj_database_url
import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# The source checkout: the site runs from it (templates/ and fixtures/ live at its top level),
# and the default SQLite database and collected static files are written into it.
BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

_LOCAL_SECRET = "django-insecure-local-development-only-never-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG=0) needs a long random "
            "secret, for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = _LOCAL_SECRET
elif not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 50 random characters, "
        "for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. Production needs the host name(s) the app is served "
        "on, comma-separated, for example: DJANGO_ALLOWED_HOSTS=wegwijzer.bibliotheek.nl"
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # The shared base (app label "wegwijzer"), then the domain apps, then the project
    # package itself, installed only for its management commands.
    "core",
    "themes",
    "quickscan",
    "referrals",
    "training",
    "notifications",
    "beheer",
    "wegwijzer",
    # Before the contrib apps: the role sync after each app's migrate then sees the task
    # permissions that beheer gets.
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "axes",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.middleware.security_headers",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in user unless a view is explicitly marked otherwise.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # request.user.is_verified(): signed in with the second step (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.two_factor",
    "core.middleware.no_store_for_signed_in",
    "core.middleware.current_library",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change in the audit trail.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A save that waited too long for a lock: "probeer het opnieuw", with the input kept.
    "core.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wegwijzer.urls"
WSGI_APPLICATION = "wegwijzer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Every template of the project lives in templates/, one folder per app; DIRS is searched
        # before the apps, so its registration/ and admin/ templates override Django's own.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wegwijzer.context_processors.wegwijzer",
                "notifications.context_processors.bell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'wegwijzer.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# How long a save waits for a colleague's lock before the user gets "probeer het opnieuw"
# (core.middleware.DatabaseBusyMiddleware) instead of an endless spinner.
DB_LOCK_TIMEOUT_SECONDS = env_int("DJANGO_DB_LOCK_TIMEOUT", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue up instead of failing at once with "database is locked" when colleagues
    # save at the same moment.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": DB_LOCK_TIMEOUT_SECONDS}
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c lock_timeout={DB_LOCK_TIMEOUT_SECONDS * 1000}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Per-process memory cache; only the referral figures use it, with keys that change whenever
# the data does, so workers never disagree about what is current.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "core.passwords.DemoPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a login for a username and address with too many failed attempts.
    "axes.backends.AxesStandaloneBackend",
    "core.backends.StaffBackend",
]
AXES_FAILURE_LIMIT = env_int("WEGWIJZER_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("WEGWIJZER_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The lockout counts per visitor address (django-ipware). Without a proxy that is the
# connection's own address and X-Forwarded-For is ignored: anyone can send that header.
# Behind DJANGO_TRUSTED_PROXY_COUNT proxies (DJANGO_BEHIND_TLS_PROXY=1) the visitor is the
# address the outermost of them saw: counted from the right of X-Forwarded-For, where each
# proxy appends, so a forged entry a visitor adds on the left is never used.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 1)
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT must be 1 or more.")
AXES_IPWARE_META_PRECEDENCE_ORDER: tuple[str, ...] = ("REMOTE_ADDR",)
AXES_IPWARE_PROXY_ORDER = "left-most"
# ipware's strict mode refuses a chain longer than the proxy count (a visitor who sends
# their own X-Forwarded-For) and falls back to the proxy's address, which would put all
# such visitors in one bucket again; counted from the right, the extra entries are harmless.
IPWARE_STRICT = False

# Two-step sign-in (core/twofactor.py) for beheer and everyone who can see contact details.
WEGWIJZER_REQUIRE_2FA = env_bool("DJANGO_REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Wegwijzer"
OTP_TOTP_TOLERANCE = 1

# Invitation and password-reset links (Django's token) expire after three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# A working day at the desk; after that staff sign in again.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 10 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
# The source strings are Dutch and Django brings its own Dutch catalogue. locale/ only holds the
# few of Django's texts that say "u", rewritten with "je" like the rest of the app.
LOCALE_PATHS = [BASE_DIR / "locale"]
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Refuse absurd requests early instead of parsing them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Security. Production (DEBUG off) gets everything `check --deploy` asks for.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    # Behind a proxy that terminates TLS and already redirects to https, switch this off
    # and let the proxy say which requests came in over https.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
        AXES_IPWARE_PROXY_COUNT = max(0, TRUSTED_PROXY_COUNT - 1)
        if not SECURE_SSL_REDIRECT:
            # The proxy does the redirect; the check cannot see that.
            SILENCED_SYSTEM_CHECKS = ["security.W008"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Wegwijzer's own settings.
WEGWIJZER_DEMO_PASSWORD = "wegwijzer-demo"
# Only a development install (DEBUG on) may hold the demo; elsewhere an account with the
# demo password is refused at sign-in (core.forms.LoginForm).
WEGWIJZER_DEMO_ALLOWED = DEBUG
# Content loaded by `manage.py load_content` into an empty table: (model, fixture name).
WEGWIJZER_CONTENT_FIXTURES: list[tuple[str, str]] = [
    ("themes.Theme", "wegwijzer_inhoud"),
    ("quickscan.Item", "quickscan_vragenlijst"),
    ("training.Module", "leergang_e-learnings"),
]

# PDFs being made at once, per user and in total on this host (core.pdf.render_slot); the
# locks live in WEGWIJZER_LOCK_DIR, private to the app's system user.
WEGWIJZER_PDF_RENDERS_PER_USER = env_int("WEGWIJZER_PDF_RENDERS_PER_USER", 1)
WEGWIJZER_PDF_RENDERS_TOTAL = env_int("WEGWIJZER_PDF_RENDERS_TOTAL", 2)
WEGWIJZER_LOCK_DIR = Path(
    os.environ.get("WEGWIJZER_LOCK_DIR")
    or Path(tempfile.gettempdir())
    / f"wegwijzer-locks-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]}"
)

# Warm referrals: days until a referral should have been followed up, and how long contact
# details and notes are kept (AVG) before `erase_referral_personal_data` wipes them.
WEGWIJZER_REFERRAL_FOLLOW_UP_DAYS = env_int("WEGWIJZER_REFERRAL_FOLLOW_UP_DAYS", 14)
WEGWIJZER_REFERRAL_RETENTION_DAYS = env_int("WEGWIJZER_REFERRAL_RETENTION_DAYS", 183)

# E-mail, from one URL: smtp://user:pass@host:port, smtp+tls://… (STARTTLS) or smtp+ssl://…
# Without it mail goes to the console, which is what a development machine wants.
EMAIL_URL = os.environ.get("EMAIL_URL", "").strip()
if EMAIL_URL:
    try:
        _email = environ.Env.email_url_config(EMAIL_URL)
    except Exception as exc:
        raise ImproperlyConfigured(
            "EMAIL_URL is not a valid e-mail URL; use for example "
            "smtp+tls://user:password@mail.example.org:587"
        ) from exc
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
    EMAIL_PORT = _email.get("EMAIL_PORT") or 25
    EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
    EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
    EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
    if _email.get("EMAIL_FILE_PATH"):
        EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that hangs must not hold the worker (and its lock on the row) for long.
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Wegwijzer <wegwijzer@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where staff open the app; links in e-mails start with it.
WEGWIJZER_BASE_URL = os.environ.get(
    "WEGWIJZER_BASE_URL", "http://127.0.0.1:8000" if DEBUG else ""
).rstrip("/")

# Background tasks (e-mail) in the database; `manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
