"""Settings for the quality customer service platform.

One module, read from the environment. With nothing set, the quick start runs on
SQLite with Celery tasks executed eagerly and e-mail printed to the console.
Production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and REDIS_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Without SECRET_KEY, development and tests use a fixed key; anything else gets a random key per
# process (safe, but sessions end on restart) and a system check warns (common/checks.py).
SECRET_KEY_FROM_ENVIRONMENT = bool(env("SECRET_KEY"))
if SECRET_KEY_FROM_ENVIRONMENT:
    SECRET_KEY = env("SECRET_KEY")
elif DEBUG or env_bool("TESTING"):
    SECRET_KEY = "django-insecure-quick-start-key-never-use-in-production"
else:
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Served behind a TLS-terminating reverse proxy in production; plain HTTP only
# in the quick start and the test suite (HTTPS_ONLY=0).
HTTPS_ONLY = env_bool("HTTPS_ONLY", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS_ONLY else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A signed-in session ends after this long without a request, and this long after signing in
# whatever the activity (common/sessions.py). The browser forgets the cookie after the idle time.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_MAX_AGE_SECONDS = env_int("SESSION_MAX_AGE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS

INSTALLED_APPS = [
    "common.app_configs.OperatorsAdminConfig",  # django.contrib.admin for operators, read-only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "guardian",
    "viewflow",
    "csp",
    "axes",
    "django_ratelimit",
    "common",
    "organisations",
    "action_plans",
    "standards",
    "accreditation",
    "certificates",
    "training",
    "feedback",
    "portal",
]
# Benchmarks and their large-data generator are development tools: installed only in development,
# in the test suite, or when asked for (BENCH=1, which `make bench` sets).
BENCH = DEBUG or env_bool("TESTING") or env_bool("BENCH")
if BENCH:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "common.sessions.SessionLifetimeMiddleware",
    "axes.middleware.AxesMiddleware",
    "common.middleware.NoStoreWhenSignedInMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTHENTICATION_BACKENDS = [
    "common.throttling.SignInThrottleBackend",  # first: refuses a locked-out address + IP before any password check
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
if env_bool("TESTING"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing for the test suite only
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:index"
LOGOUT_REDIRECT_URL = "portal:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 7  # invitations use the reset link too

# Sign-in throttling (django-axes, common/throttling.py): a handful of wrong passwords for one
# e-mail address from one IP address locks that pair for a while. Attempts live in the database.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "common.throttling.axes_username"
AXES_LOCKOUT_CALLABLE = "common.throttling.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are in the audit log
AXES_VERBOSE = False  # no start-up banner; lock-outs are logged as warnings
AXES_ENABLE_ADMIN = False  # its admin deletes attempts; operators read them read-only (common/admin.py)
# Password-reset requests (django-ratelimit) per e-mail address and per IP address.
PASSWORD_RESET_RATE_PER_EMAIL = env("PASSWORD_RESET_RATE_PER_EMAIL", "3/h")
PASSWORD_RESET_RATE_PER_IP = env("PASSWORD_RESET_RATE_PER_IP", "20/h")
# Public certificate verification (django-ratelimit), per IP address: enough for people, not for guessing codes.
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", "30/m")
RATELIMIT_USE_CACHE = "throttle"
# Both throttles count the client's address from one function. TRUSTED_PROXY_COUNT: how many
# reverse proxies in front of gunicorn append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "common.throttling.client_ip"
RATELIMIT_IP_META_KEY = "common.throttling.client_ip"

# Object permissions live in direct foreign-key tables (organisations.models);
# guardian's anonymous user is not needed because the public has no account.
GUARDIAN_USER_OBJ_PERMS_MODEL = "organisations.OrganisationUserObjectPermission"
GUARDIAN_GROUP_OBJ_PERMS_MODEL = "organisations.OrganisationGroupObjectPermission"
ANONYMOUS_USER_NAME = None

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ga", _("Irish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Dublin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "common.static_finders.AppDirectoriesFinder",  # leaves out vendor files no page loads
]
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Source maps (read only by developer tools) and legacy font formats (modern browsers load woff2) are
# served as they are: compressing them with brotli was most of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map", "eot", "ttf", "otf"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Development, the test suite and benchmarks need no collectstatic; production serves the
        # hashed, compressed files collectstatic wrote (common/storage.py).
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if BENCH
        else "common.storage.VendorTolerantManifestStorage"
    },
}

_CACHE = (
    {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
    if env("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
)
# "throttle" holds the password-reset counters, apart so that tests can clear them.
# "fragments" holds template fragments that are the same for every visitor in a language (`{% cache ...
# using="fragments" %}`) in each process's own memory: reading one costs no round trip to Redis, and a
# deploy, which starts new processes, never serves the previous release's fragments.
CACHES = {
    "default": _CACHE,
    "throttle": {**_CACHE, "KEY_PREFIX": "throttle"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments"},
}
# Django's Redis cache increments atomically, which django-ratelimit needs; the quick start's
# in-memory cache is per process, which is enough for one process.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + ([] if env("REDIS_URL") else ["django_ratelimit.E003"])

CELERY_BROKER_URL = env("CELERY_BROKER_URL", env("REDIS_URL"))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = TIME_ZONE
# Celery beat (`celery -A config beat`): periodic work. Without a broker run the management commands instead.
CELERY_BEAT_SCHEDULE = {
    "training-reminders": {
        "task": "training.tasks.send_training_reminders",
        "schedule": crontab(hour=7, minute=0),  # every morning; at most one e-mail a week per person
    },
    # plan: overdue and at-risk plan actions to heads of organisation, Monday mornings
    "action-plan-digest": {
        "task": "action_plans.tasks.send_action_plan_digest",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
    },
    # cases: escalate open cases past their deadlines, hourly (idempotent)
    "feedback-escalate-overdue-cases": {
        "task": "feedback.tasks.escalate_overdue_cases_task",
        "schedule": 60 * 60,
    },
    # figures: case and survey figures into the open returns of the current and previous period (idempotent)
    "feedback-feed-figures": {
        "task": "feedback.tasks.feed_feedback_figures_task",
        "schedule": crontab(hour=5, minute=30),
    },
}
FEEDBACK_HOLIDAY_COUNTRY = env("FEEDBACK_HOLIDAY_COUNTRY", "IE")
# Public charter PDFs per (hashed) address: each costs about half a second of CPU.
CHARTER_PDF_RATE = env("CHARTER_PDF_RATE", "30/m")
# Following a case with its receipt: receipt checks per (hashed) address, and how long the signed
# token carried in the page's form stays valid (feedback/follow.py).
FEEDBACK_FOLLOW_RATE = env("FEEDBACK_FOLLOW_RATE", "20/h")
FEEDBACK_FOLLOW_TOKEN_MAX_AGE = env_int("FEEDBACK_FOLLOW_TOKEN_MAX_AGE", 30 * 60)

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Quality Customer Service <no-reply@localhost>")

# Viewflow's Material pages use inline style attributes; scripts come only from us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
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
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Metric imports (standards/importing): size caps are checked before a file is read.
STANDARDS_IMPORT_MAX_BYTES = env_int("STANDARDS_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
STANDARDS_IMPORT_MAX_UNCOMPRESSED_BYTES = env_int("STANDARDS_IMPORT_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)
STANDARDS_IMPORT_MAX_ROWS = env_int("STANDARDS_IMPORT_MAX_ROWS", 200_000)
STANDARDS_IMPORT_BACKGROUND_ROWS = env_int("STANDARDS_IMPORT_BACKGROUND_ROWS", 2_000)
# Reference-data exports (django-import-export): a leading "=" is removed, so no cell is a formula.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False  # it drops a leading '='; exports use common/spreadsheet.py

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")  # absolute links in e-mails and on QR posters

# Red button (feedback): photos per report and their size; reports per address (salted hash, cache only).
FEEDBACK_PHOTO_MAX_FILES = env_int("FEEDBACK_PHOTO_MAX_FILES", 3)
FEEDBACK_PHOTO_MAX_BYTES = env_int("FEEDBACK_PHOTO_MAX_BYTES", 8 * 1024 * 1024)
FEEDBACK_REPORT_RATE = env("FEEDBACK_REPORT_RATE", "10/h")
