"""Production-safe defaults; every secret and host comes from the environment.

This module holds what every Django site has (apps, middleware, templates, languages, files);
each integration keeps its settings in a module of its own, imported here, so that `from .base
import *` in dev, test and production sees them all.
"""

from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from .accounts import *  # noqa: F403
from .caches import *  # noqa: F403
from .cms import *  # noqa: F403
from .database import *  # noqa: F403
from .eid import *  # noqa: F403
from .environment import BASE_DIR, env, env_bool, env_list
from .limits import *  # noqa: F403
from .mail import *  # noqa: F403
from .retention import *  # noqa: F403
from .security import *  # noqa: F403

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
    "home.middleware.NulRefusedMiddleware",
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
