"""Operator-facing settings. Every value has a documented default and an environment override.

See docs/operating.md for a production template.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
# Where the SQLite database, uploads and generated files live unless told otherwise.
VAR_DIR = Path(os.environ.get("PUTRIGHT_VAR_DIR", Path.cwd() / "var")).resolve()

DEBUG = env_bool("DEBUG", False)

# The development key exists only with DEBUG=1. Anywhere else a missing, published or weak key
# stops start-up: every tracking link, session and password-reset token is signed with it
# (security review, finding 1).
DEVELOPMENT_SECRET_KEY = "putright-development-only-key-never-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG:
    from putright.system.secrets import require_production_key

    require_production_key(SECRET_KEY, development_key=DEVELOPMENT_SECRET_KEY)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "putright.accounts",
    "putright.landlord",
    "putright.codes",
    "putright.people",
    "putright.complaints",
    "putright.contractors",
    "putright.training",
    "putright.letters",
    "putright.oversight",
    "putright.selfassessment",
    "putright.surveys",
    "putright.governance",
    "putright.reminders",
    "putright.notifications",
    "putright.system",
    "putright.api",
    "putright.search",
    "putright.insight",
    "putright.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the body: an upload over the limit is refused unread (413).
    "putright.complaints.uploads.UploadSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "putright.web.middleware.ContentSecurityPolicyMiddleware",
    "putright.web.middleware.NoStoreMiddleware",
    # Last, so that it sees the views' database errors first-hand: 503 with Retry-After.
    "putright.system.outage.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "putright.urls"
WSGI_APPLICATION = "putright.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'putright.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the worker and the web server share the file without "database is locked".
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    if str(DATABASES["default"]["NAME"]) != ":memory:":
        VAR_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"

# At least 12 characters (OWASP ASVS 2.1.1), not a common password, not all digits, not like the
# user's name or e-mail; applied wherever a password is set, `putright adduser` included.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(os.environ.get("PUTRIGHT_PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Calendar dates are decided in Europe/London; instants are stored in UTC.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed copies beside the originals, served by WhiteNoise (`putright serve` collects).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Attachments on a case (5.12 full record): size and type limits.
# The dissatisfaction detector's model (docs/insight.md): the packaged one unless a landlord has
# trained its own (`putright dissatisfaction train --output FILE`).
PUTRIGHT_DISSATISFACTION_MODEL = os.environ.get("PUTRIGHT_DISSATISFACTION_MODEL", "")
PUTRIGHT_MAX_ATTACHMENT_BYTES = int(
    os.environ.get("PUTRIGHT_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
)
PUTRIGHT_ATTACHMENT_TYPES = env_list(
    "PUTRIGHT_ATTACHMENT_TYPES",
    "application/pdf,image/jpeg,image/png,image/gif,text/plain,message/rfc822,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
    "application/msword",
)

# A zip-based document (docx, xlsx) is refused when it would unpack to more than this.
PUTRIGHT_MAX_UNPACKED_BYTES = int(os.environ.get("PUTRIGHT_MAX_UNPACKED_BYTES", 50 * 1024 * 1024))
FILE_UPLOAD_HANDLERS = [
    "putright.complaints.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Reminders (docs/people.md): working days' notice before a deadline; and how often a resident
# with actions outstanding after a response is owed an update when no interval was agreed (6.6).
# A resident's tracking link stops working this many days after the complaint closes (refused,
# withdrawn or closed); a stage 2 request reopens the case and the link with it (finding 17).
PUTRIGHT_TRACKING_LINK_DAYS_AFTER_CLOSE = int(
    os.environ.get("PUTRIGHT_TRACKING_LINK_DAYS_AFTER_CLOSE", "180")
)
# Where residents reach the site, for links in messages and letters made outside a request.
# Required in production (`check --deploy` says so): there is no safe guess at the address.
PUTRIGHT_SITE_URL = os.environ.get("PUTRIGHT_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
# How messages to residents travel: each backend carries some contact methods (notifications).
PUTRIGHT_NOTIFICATION_BACKENDS = env_list(
    "PUTRIGHT_NOTIFICATION_BACKENDS", "putright.notifications.backends.EmailBackend"
)
# Roles that see residents' address, e-mail and phone (people.selectors.contact_details_visible).
PUTRIGHT_CONTACT_DETAILS_ROLES = env_list(
    "PUTRIGHT_CONTACT_DETAILS_ROLES", "handler,officer,manager,admin"
)
PUTRIGHT_REMINDER_WORKING_DAYS = int(os.environ.get("PUTRIGHT_REMINDER_WORKING_DAYS", "2"))
PUTRIGHT_ACTION_UPDATE_WORKING_DAYS = int(
    os.environ.get("PUTRIGHT_ACTION_UPDATE_WORKING_DAYS", "10")
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "putright.accounts.auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "putright.api.errors.exception_handler",
    # JSON nested more than a few levels is refused before it is decoded (finding 10).
    "DEFAULT_PARSER_CLASSES": [
        "putright.api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DATE_INPUT_FORMATS": ["%Y-%m-%d"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Putright API",
    "DESCRIPTION": "Complaint handling to the Housing Ombudsman's Complaint Handling Code.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a third-party site,
    # and only for signed-in staff (finding 11).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    # One name for a choice set that several serializers use.
    "ENUM_NAME_OVERRIDES": {
        "ComplaintStatusEnum": "putright.api.serializers.COMPLAINT_STATUSES",
        "ContactMethodEnum": "putright.people.models.ContactMethod",
        "ConsentMethodEnum": "putright.people.models.ConsentMethod",
        "LetterKindEnum": "putright.letters.models.LetterKind",
        "LetterStatusEnum": "putright.letters.models.LetterStatus",
        "SelfAssessmentStatusEnum": "putright.selfassessment.models.Status",
        "OrganisationalChangeKindEnum": "putright.governance.models.OrganisationalChange.Kind",
        "GovernanceReportKindEnum": "putright.governance.models.ReportKind",
        "FlagChoiceEnum": "putright.insight.models.FlagChoice",
        "CodeVersionEnum": "putright.codes.catalogue.VERSIONS",
        "SurveyFollowUpChoiceEnum": "putright.surveys.models.FollowUpChoice",
    },
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("PUTRIGHT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "complaints@landlord.example")

# Secure cookies and transport outside development.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("PUTRIGHT_BEHIND_TLS_PROXY", False) else None
)
# HTTPS only, outside development (security review, finding 12): plain HTTP is redirected, and
# browsers are told to use HTTPS for a year. The load balancer's health check may use HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The cache holds the public limits (web/throttle.py). Several web processes or machines must
# share one, or each counts alone: set CACHE_URL=redis://host:6379/0 (django-redis). Unset, each
# process keeps its own in memory, which is right for one process and for tests.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "putright",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Sign-in (docs/security.md "Sign-in"; settings in docs/operating.md) ----------------------
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "knox",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "putright.accounts.middleware.SignInPolicyMiddleware",  # idle timeout, MFA for roles
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # turns a lock into the 429 answer
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked pair before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# One lock-out for every way in (staff and admin sign-in, the API's sign-in, API tokens):
# 5 failures for one username from one client address lock that pair for 15 minutes. Counts are
# kept in the database (axes' database handler): every web process on every machine shares it,
# with no other service to configure, and a restart does not forget them.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("PUTRIGHT_LOGIN_MAX_FAILURES", "5"))
AXES_COOLOFF_TIME = dt.timedelta(
    seconds=int(os.environ.get("PUTRIGHT_LOGIN_LOCKOUT_SECONDS", str(15 * 60)))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "putright.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "putright.accounts.clientip.client_ip"
AXES_LOCKOUT_CALLABLE = "putright.accounts.lockout.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token", "code"]
AXES_VERBOSE = False
# How many reverse proxies that you run stand in front of the app: the client address is then
# the one that many places from the right of X-Forwarded-For. 0: REMOTE_ADDR, the header ignored.
PUTRIGHT_TRUSTED_PROXY_HOPS = int(os.environ.get("PUTRIGHT_TRUSTED_PROXY_HOPS", "0"))
# Two-factor sign-in (TOTP and recovery codes, django-otp): these roles must set it up before
# anything else. The admin site asks for it from everyone.
PUTRIGHT_MFA_REQUIRED_ROLES = env_list("PUTRIGHT_MFA_REQUIRED_ROLES", "admin")
OTP_TOTP_ISSUER = os.environ.get("PUTRIGHT_OTP_ISSUER", "Putright")
# Sessions end after this long without a request, and this long after signing in at most.
PUTRIGHT_SESSION_IDLE_SECONDS = int(os.environ.get("PUTRIGHT_SESSION_IDLE_SECONDS", "1800"))
PUTRIGHT_SESSION_MAX_SECONDS = int(os.environ.get("PUTRIGHT_SESSION_MAX_SECONDS", "43200"))
# No session row outlives the absolute limit, signed in or not: the daily sweep deletes expired
# rows (finding 4). A resident's complaint draft lasts a shorter time still.
SESSION_COOKIE_AGE = PUTRIGHT_SESSION_MAX_SECONDS
PUTRIGHT_PUBLIC_DRAFT_SECONDS = int(os.environ.get("PUTRIGHT_PUBLIC_DRAFT_SECONDS", "7200"))
# API tokens (django-rest-knox): stored hashed, several a user, each expiring (0: never).
KNOX_TOKEN_MODEL = "accounts.ApiToken"
# knox's own token table would be created by its migrations although the model is swapped out;
# with no migrations for knox, no table (and nothing for flush or TRUNCATE to trip over).
MIGRATION_MODULES = {"knox": None}
PUTRIGHT_API_TOKEN_DAYS = int(os.environ.get("PUTRIGHT_API_TOKEN_DAYS", "90"))
REST_KNOX = {
    "TOKEN_TTL": dt.timedelta(days=PUTRIGHT_API_TOKEN_DAYS) if PUTRIGHT_API_TOKEN_DAYS else None,
    "AUTH_HEADER_PREFIX": "Token",  # `Authorization: Token <key>`, as before
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every step of every PDF at INFO; only its problems matter to an operator.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
