"""Fast and isolated: MD5 hashing, local memory cache and mail, static files from finders."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")

from .base import *  # noqa: E402,F403
from .base import DATABASES, INSTALLED_APPS  # noqa: E402

DEBUG = False
# A content app that only the tests have: moderation's contract is tested on it.
INSTALLED_APPS = [*INSTALLED_APPS, "moderation.tests.toy"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
TORGET_CONTENT_VERSION_FILE = ""  # one process: the version lives in its cache
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Pages show the original until renditions exist; only the tests about pictures encode them.
TORGET_RENDITIONS_AHEAD = False
TORGET_REQUIRE_STAFF_MFA = False
# Tests build their own page trees; those that need every language's aliases ask for them.
TORGET_SYNC_LANGUAGE_TREES = False
if "sqlite" in DATABASES["default"]["ENGINE"]:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # In memory, one database per test worker (pytest-django leaves ":memory:" unsuffixed).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Uploaded images and documents served by Django itself (home.views.media).
TORGET_SERVE_MEDIA = True
