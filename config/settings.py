"""Settings, read from the environment. Every value has a safe development default.

Production sets at least SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("BIMKEMAS_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Commands and tests may run on the development key; the web server refuses to start on it
# unless DEBUG is on (config/startup.py). `make serve` keeps a generated key in var/secret_key.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves the API explorer's assets locally, not from a CDN
    "axes",
    "csp",
    "huey.contrib.djhuey",
    "simple_history",  # admin edits of roles, offices, absences, programmes
    "bimkemas.core",
    "bimkemas.accounts",
    "bimkemas.audit",
    "bimkemas.notifications",
    "bimkemas.clients",
    "bimkemas.documents",
    "bimkemas.violations",
    "bimkemas.reporting",
    "bimkemas.assessments",
    "bimkemas.visits",
    "bimkemas.guidance",
    "bimkemas.tpp",
    "bimkemas.termination",
    "bimkemas.litmas",
    "bimkemas.revocation",
    "bimkemas.linkage",
    "bimkemas.api",
    "bimkemas.dashboards",
    "bimkemas.portal",
    "bimkemas.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bimkemas.core.middleware.IndonesianUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "bimkemas.audit.context.AuditContextMiddleware",
    "bimkemas.core.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "bimkemas" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bimkemas.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Database: SQLite in WAL mode under var/ unless DATABASE_URL says otherwise.
SQLITE_PATH = VAR_DIR / "bimkemas.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"),
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("SQLITE_TEST_NAME", "") or None}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Per session, for this application's short queries on SSD storage: PostgreSQL's
    # defaults (JIT, random_page_cost 4 for spinning disks) chose a 2.6 s parallel scan of
    # every office's check-ins for one office's statistics, 44 ms by the index with these
    # (bench/RESULTS.md). An empty POSTGRES_SESSION_OPTIONS keeps the server's settings.
    session_options = env_str("POSTGRES_SESSION_OPTIONS", "-c jit=off -c random_page_cost=1.1")
    if session_options:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = session_options
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failures (django-axes), per username and address, plus a ceiling
# per username from all addresses together (bimkemas/accounts/lockout.py).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_USERNAME_FAILURE_CEILING = env_int("AXES_USERNAME_FAILURE_CEILING", 30)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = "bimkemas.accounts.lockout.lockout_parameters"
# Behind a reverse proxy, the request header (as in request.META, e.g. HTTP_X_REAL_IP or
# HTTP_X_FORWARDED_FOR) that the proxy sets to the client's address. Empty: REMOTE_ADDR.
# Set it only when every request passes through that proxy: clients can send it too.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")
AXES_CLIENT_IP_CALLABLE = "bimkemas.accounts.lockout.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 403  # the lockout page is a refusal, like other 403s
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Internationalisation: Indonesian by default, English available.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "bimkemas" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
# Uploaded documents are personal data: never served by a public URL, only through
# views that check access (see clients.views.document_download).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Security: secure cookies and strict headers. SECURE_COOKIES=0 only for plain-HTTP dev.
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 10) * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# HTTPS only unless DEBUG; `make serve` (plain HTTP on 127.0.0.1) turns these off explicitly.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # The Huey consumer (`run_huey`) adds its own handler: not twice through the root's.
    "loggers": {"huey": {"propagate": False}},
}

# Background jobs (Huey): SQLite file by default, Redis when HUEY_REDIS_URL is set.
HUEY = {
    "huey_class": "huey.RedisHuey" if os.environ.get("HUEY_REDIS_URL") else "huey.SqliteHuey",
    "name": "bimkemas",
    "immediate": env_bool("HUEY_IMMEDIATE", False),
    **(
        {"url": os.environ["HUEY_REDIS_URL"]}
        if os.environ.get("HUEY_REDIS_URL")
        else {"filename": str(VAR_DIR / "huey.sqlite3")}
    ),
}
# The nightly compliance scan: offices scanned at once, each in its own process
# (PostgreSQL only; about one per core).
COMPLIANCE_SCAN_WORKERS = max(1, env_int("COMPLIANCE_SCAN_WORKERS", 1))

# Notifications (bimkemas/notifications): the transport of each channel. The console
# transport logs and appends to NOTIFICATION_CONSOLE_FILE; e-mail goes out by SMTP only
# when EMAIL_HOST is set; an empty path turns a channel off. WhatsApp and SMS gateways
# plug in here (see transports.py).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")  # for links in e-mails
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "bimkemas <noreply@localhost>")
NOTIFICATION_CONSOLE_FILE = VAR_DIR / "notifications.log"
_CONSOLE = "bimkemas.notifications.transports.ConsoleTransport"
# Client reminders (bimkemas/reporting/reminders.py) over WhatsApp and SMS. WhatsApp Business
# Cloud API: on when WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set; WHATSAPP_TEMPLATE is
# the approved template (one body parameter) that may start a conversation. Generic HTTP SMS
# gateway: on when SMS_GATEWAY_URL is set; field names, method and auth header as the
# gateway wants them. Without either, reminders go to the console transport.
GATEWAY_TIMEOUT = float(env_str("GATEWAY_TIMEOUT", "10"))  # seconds per HTTP call
WHATSAPP_API_URL = env_str("WHATSAPP_API_URL", "https://graph.facebook.com")
WHATSAPP_API_VERSION = env_str("WHATSAPP_API_VERSION", "v21.0")
WHATSAPP_PHONE_NUMBER_ID = env_str("WHATSAPP_PHONE_NUMBER_ID", "")
WHATSAPP_TOKEN = env_str("WHATSAPP_TOKEN", "")
WHATSAPP_TEMPLATE = env_str("WHATSAPP_TEMPLATE", "")
WHATSAPP_TEMPLATE_LANGUAGE = env_str("WHATSAPP_TEMPLATE_LANGUAGE", "id")
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL", "")
SMS_GATEWAY_METHOD = env_str("SMS_GATEWAY_METHOD", "POST")
SMS_GATEWAY_FORMAT = env_str("SMS_GATEWAY_FORMAT", "json")  # json | form (POST bodies)
SMS_GATEWAY_AUTH_HEADER = env_str("SMS_GATEWAY_AUTH_HEADER", "Authorization")
SMS_GATEWAY_AUTH_VALUE = env_str("SMS_GATEWAY_AUTH_VALUE", "")
SMS_GATEWAY_TO_FIELD = env_str("SMS_GATEWAY_TO_FIELD", "to")
SMS_GATEWAY_TEXT_FIELD = env_str("SMS_GATEWAY_TEXT_FIELD", "text")
SMS_GATEWAY_SENDER_FIELD = env_str("SMS_GATEWAY_SENDER_FIELD", "from")
SMS_GATEWAY_SENDER = env_str("SMS_GATEWAY_SENDER", "")
SMS_GATEWAY_REFERENCE_FIELD = env_str("SMS_GATEWAY_REFERENCE_FIELD", "")
SMS_GATEWAY_ID_FIELD = env_str("SMS_GATEWAY_ID_FIELD", "message_id")
SMS_GATEWAY_REJECTED_MARKERS = env_list(
    "SMS_GATEWAY_REJECTED_MARKERS", "invalid number,invalid_number,invalid msisdn"
)
# A gateway that rejects a client's number marks that phone unreachable.
NOTIFICATION_ADDRESS_REJECTED = ["bimkemas.reporting.reminders.phone_rejected"]
REMINDER_DAYS_BEFORE = env_int("REMINDER_DAYS_BEFORE", 2)
NOTIFICATION_TRANSPORTS = {
    "email": env_str(
        "EMAIL_TRANSPORT",
        "bimkemas.notifications.transports.EmailTransport" if EMAIL_HOST else _CONSOLE,
    ),
    "whatsapp": env_str(
        "WHATSAPP_TRANSPORT",
        "bimkemas.notifications.transports.WhatsAppCloudTransport"
        if WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID
        else _CONSOLE,
    ),
    "sms": env_str(
        "SMS_TRANSPORT",
        "bimkemas.notifications.transports.HttpSmsTransport" if SMS_GATEWAY_URL else _CONSOLE,
    ),
}

# Record linkage: the model trained on this register's own clients and records on the first
# large enough run, then reused by the nightly and after-import runs (retrain: delete it, or
# `bimkemas link --retrain`). Empty: always the default model shipped with the package.
_linkage_model = env_str("LINKAGE_MODEL_PATH", str(VAR_DIR / "linkage" / "model.json"))
LINKAGE_MODEL_PATH = Path(_linkage_model) if _linkage_model else None

VAR_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
