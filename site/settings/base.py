"""Production-safe defaults; every secret and host comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (see the README's table).")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "events",
    "forums",
    "moderation",
    "reports",
    "updates",
    "proposals",
    "polls",
    "surveys",
    "opendata",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail_localize.locales",  # in place of wagtail.locales: languages with "sync from"
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",  # e-identification only; see accounts.eid
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Last, so that its post_migrate handler finds every other app's permissions.
    "accounts",
    # Wagtail's API. Not "rest_framework": it would bring its own wording of Django's messages
    # ("Ange en giltig mejladress."), and the API answers in JSON only, without its templates.
    "wagtail.api.v2",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "accounts.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.AdminForStaffOnlyMiddleware",
    "accounts.middleware.RequireStaffMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.PublicCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "torget.urls"
WSGI_APPLICATION = "torget.wsgi.application"

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
            ],
        },
    },
]

# Database: SQLite on one machine, PostgreSQL in production (DATABASE_URL).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Health checks only for a connection that has been idle (home/postgresql).
    DATABASES["default"]["ENGINE"] = "home.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Immediate transactions make concurrent writers wait their turn instead of failing with
    # "database is locked", queued by the kernel (home/sqlite) rather than by SQLite's busy
    # loop; WAL lets readers continue meanwhile.
    DATABASES["default"]["ENGINE"] = "home.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's, taking the account read with the session (accounts.sessions).
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]

# Languages: Swedish without a prefix, every other language under its own prefix, each named
# in itself (the language switch and the profile show these names). Adding a language is a
# line here, locale/<code>/LC_MESSAGES/django.po and the content; a language Django does not
# know also gets a line in EXTRA_LANG_INFO.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", "Svenska"),
    ("en", "English"),
    ("fi", "Suomi"),
    ("ar", "العربية"),
    ("so", "Soomaali"),
    ("tr", "Türkçe"),
]
EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
}
LANG_INFO.update({code: info for code, info in EXTRA_LANG_INFO.items() if code not in LANG_INFO})
# Our translations first; then Django's, allauth's and Wagtail's own for the languages they
# lack (locale/third_party: Somali).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "third_party"]
FORMAT_MODULE_PATH = ["torget.formats"]
# Every language keeps an alias of each page until it is translated (home.translations).
TORGET_SYNC_LANGUAGE_TREES = env_bool("TORGET_SYNC_LANGUAGE_TREES", True)
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Uploaded files are served by the web server (deploy/nginx) or an object store, not Django.
TORGET_SERVE_MEDIA = False
# Image renditions: small enough for a phone (each at most about 120 KB at 1200 px wide).
WAGTAILIMAGES_JPEG_QUALITY = 78
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_AVIF_QUALITY = 55

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Caches. "default" holds rate limits and must be shared by every worker: Redis when there is
# one, otherwise the database. "pages" holds rendered anonymous pages and the parts pages
# share: Redis too, or each worker's own memory, made stale together through a version file
# (see home/cache.py). "renditions" is Wagtail's record of picture renditions.
# Redis may go away (home/redis_cache.py): rate limits then count in the database, pages are
# rendered for every request, and the site goes on.
_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "torget_cache",
}
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    _REDIS = {"BACKEND": "home.redis_cache.ResilientRedisCache", "LOCATION": REDIS_URL}
    CACHES = {
        "default": {**_REDIS, "OPTIONS": {"FALLBACK": "database"}},
        "database": _DATABASE_CACHE,
        "pages": {**_REDIS, "KEY_PREFIX": "pages"},
        "renditions": {**_REDIS, "KEY_PREFIX": "renditions"},
    }
    TORGET_CONTENT_VERSION_FILE = ""
else:
    CACHES = {
        "default": _DATABASE_CACHE,
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "torget-pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        # Which rendition of a picture exists. Wagtail writes what it reads back to this cache
        # on every page, so it is not the database's; a rendition's key holds the picture's
        # file hash and focal point, so no worker can keep a wrong one.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "torget-renditions",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
    TORGET_CONTENT_VERSION_FILE = env(
        "TORGET_CONTENT_VERSION_FILE", str(BASE_DIR / "var" / "content-version")
    )
# Sessions live in the database only, with or without Redis: a session kept in Redis too would
# outlive a sign-out made while Redis was away, and come back with it. Each row names its
# account, read with it in one query (accounts.sessions).
SESSION_ENGINE = "accounts.sessions"
TORGET_PAGE_CACHE = "pages"
# Seconds a rendered anonymous page is kept at most; any change to public content ends it at
# once, so this only bounds how late a time-driven change shows (registration opening).
TORGET_PAGE_CACHE_SECONDS = int(env("TORGET_PAGE_CACHE_SECONDS", "60"))
# Seconds an anonymous page may be kept by browsers and proxies, which nothing can make stale.
PUBLIC_CACHE_SECONDS = int(env("PUBLIC_CACHE_SECONDS", "5"))

# Email
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Torget <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: run at once by default, a database-backed worker in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if env("TASKS_BACKEND") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds an attempt to reach the mail server may take; an email claimed by a worker longer
# ago than TORGET_EMAIL_CLAIM_SECONDS is taken to be left by a worker that died, and sent again.
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
TORGET_EMAIL_CLAIM_SECONDS = int(env("TORGET_EMAIL_CLAIM_SECONDS", str(3 * EMAIL_TIMEOUT)))
# Minutes to wait before each new attempt at a failed email; then it is marked failed.
TORGET_EMAIL_RETRY_MINUTES = [1, 5, 15, 60, 240, 720]
# Behind a load balancer, the header that carries the client's address (for rate limits),
# such as HTTP_X_FORWARDED_FOR. Empty: use the connection's address.
TORGET_TRUSTED_PROXY_HEADER = env("TORGET_TRUSTED_PROXY_HEADER", "")

# Meetings
TORGET_GUEST_REGISTRATIONS_PER_HOUR = int(env("TORGET_GUEST_REGISTRATIONS_PER_HOUR", "20"))
TORGET_QUESTIONS_PER_HOUR = int(env("TORGET_QUESTIONS_PER_HOUR", "10"))

# Moderation
TORGET_POSTS_BEFORE_TRUST = int(env("TORGET_POSTS_BEFORE_TRUST", "3"))  # held until approved
TORGET_NEW_ACCOUNT_MAX_LINKS = int(env("TORGET_NEW_ACCOUNT_MAX_LINKS", "2"))
TORGET_REPORTS_TO_HIDE = int(env("TORGET_REPORTS_TO_HIDE", "3"))  # distinct reporters
TORGET_REPORTS_PER_DAY = int(env("TORGET_REPORTS_PER_DAY", "20"))

# Observation reports (lägesbild)
TORGET_OBSERVATIONS_PER_HOUR = int(env("TORGET_OBSERVATIONS_PER_HOUR", "10"))  # per IP address

# Proposals: how many a person may support in a calendar month, so support stays meaningful.
TORGET_PROPOSAL_SUPPORTS_PER_MONTH = int(env("TORGET_PROPOSAL_SUPPORTS_PER_MONTH", "10"))
TORGET_PROPOSALS_PER_PAGE = 20

# Forum
TORGET_FORUM_POSTS_PER_PAGE = int(env("TORGET_FORUM_POSTS_PER_PAGE", "20"))
TORGET_FORUM_THREADS_PER_PAGE = 25
TORGET_FORUM_SECONDS_BETWEEN_POSTS = int(env("TORGET_FORUM_SECONDS_BETWEEN_POSTS", "30"))
TORGET_FORUM_NEW_ACCOUNT_DAYS = 7  # an account this young is "new" for the limit below
TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY = int(env("TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY", "5"))
TORGET_UNCONFIRMED_HOURS = 24  # a guest's registration lapses unless confirmed within this
TORGET_REMINDER_HOURS = 24  # the reminder goes out this long before the start

# Retention: how many days each kind of personal data is kept. home/retention.py holds the
# rules, `purge_personal_data` applies them daily and the privacy page shows them.
# Registrations lose names, emails and needs this long after the meeting ends; counts stay.
TORGET_REGISTRATION_RETENTION_DAYS = int(env("TORGET_REGISTRATION_RETENTION_DAYS", "30"))
# ... and this long after a guest's confirmation link lapsed unused.
TORGET_UNCONFIRMED_REGISTRATION_DAYS = int(env("TORGET_UNCONFIRMED_REGISTRATION_DAYS", "1"))
TORGET_OBSERVATION_CONTACT_DAYS = int(env("TORGET_OBSERVATION_CONTACT_DAYS", "90"))
TORGET_OBSERVATION_RETENTION_DAYS = int(env("TORGET_OBSERVATION_RETENTION_DAYS", "365"))
TORGET_SENT_EMAIL_RETENTION_DAYS = int(env("TORGET_SENT_EMAIL_RETENTION_DAYS", "30"))
TORGET_UNCONFIRMED_ALERT_DAYS = int(env("TORGET_UNCONFIRMED_ALERT_DAYS", "7"))
TORGET_UNCONFIRMED_ACCOUNT_DAYS = int(env("TORGET_UNCONFIRMED_ACCOUNT_DAYS", "14"))
# Poll votes lose the account that gave them this long after the poll closes.
TORGET_POLL_VOTE_ACCOUNT_DAYS = int(env("TORGET_POLL_VOTE_ACCOUNT_DAYS", "30"))
# Backups (make backup, nightly by deploy/systemd/torget-backup.timer) hold personal data too:
# only the newest this many are kept, so nothing outlives its retention rule by more than that
# many days (deploy/README.md).
TORGET_BACKUP_DIR = Path(env("TORGET_BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
TORGET_BACKUP_KEEP = int(env("TORGET_BACKUP_KEEP", "14"))
# What a backup's manifest counts, and a restore compares: name and model.
TORGET_BACKUP_COUNTS = {
    "pages": "wagtailcore.Page",
    "registrations": "events.Registration",
    "posts": "forums.Post",
    "reports": "moderation.Report",
    "observations": "reports.Observation",
}

# Security headers
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames our own pages.
CSRF_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [SELF],
    },
}

# Accounts (django-allauth)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Each sign-in is recorded so that a person can see where they are signed in and sign out
# everywhere else (/konto/sessions/). Not on every request: no write per page view.
USERSESSIONS_TRACK_ACTIVITY = False
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
ACCOUNT_USER_DISPLAY = "accounts.models.user_display"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", "Torget")
# Anyone who can open the Wagtail admin must have set up two-factor authentication first.
TORGET_REQUIRE_STAFF_MFA = True

# Open data (opendata): Wagtail's API v2, requests per address and minute.
TORGET_API_REQUESTS_PER_MINUTE = int(env("TORGET_API_REQUESTS_PER_MINUTE", "120"))
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public and read-only: no session, no CSRF
}

# E-identification (accounts.eid): any OpenID Connect broker, from the environment alone.
# Without TORGET_EID_OIDC_URL the site says nothing about it.
TORGET_EID_NAME = env("TORGET_EID_NAME", "BankID")
TORGET_EID_OIDC_URL = env("TORGET_EID_OIDC_URL", "")  # the issuer; discovery finds the rest
TORGET_EID_CLIENT_ID = env("TORGET_EID_CLIENT_ID", "")
TORGET_EID_CLIENT_SECRET = env("TORGET_EID_CLIENT_SECRET", "")
TORGET_EID_PERSON_CLAIM = env("TORGET_EID_PERSON_CLAIM", "sub")  # in the ID token
TORGET_EID_SCOPES = env_list("TORGET_EID_SCOPES", "openid")
TORGET_VERIFICATION_SECRET = env("TORGET_VERIFICATION_SECRET", "")
if TORGET_EID_OIDC_URL and not (
    TORGET_EID_CLIENT_ID and TORGET_EID_CLIENT_SECRET and TORGET_VERIFICATION_SECRET
):
    raise ImproperlyConfigured(
        "TORGET_EID_OIDC_URL needs TORGET_EID_CLIENT_ID, TORGET_EID_CLIENT_SECRET and "
        "TORGET_VERIFICATION_SECRET"
    )
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
# The one app is built from the settings above by accounts.eid.social_app; none in the database.
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "accounts.eid.provider.EidProvider",
        "OAUTH_PKCE_ENABLED": True,
    }
}

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Torget")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = []  # nothing from other hosts reaches a page
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third party in the admin
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"level": env("DJANGO_LOG_LEVEL", "INFO")},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
