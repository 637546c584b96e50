"""Local development: debug on, mail to the console, demo-friendly admin."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-secret-key-never-used-in-production")

from .base import *  # noqa: E402,F403
from .base import env, env_list  # noqa: E402

DEBUG = env("DJANGO_DEBUG", "true").lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
TORGET_CONTENT_VERSION_FILE = ""  # one process: the version lives in its cache
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TORGET_REQUIRE_STAFF_MFA = False
# `PORT=8123 make run` serves on 8123, so the links in its emails lead there too.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env('PORT', '8000')}")

# Uploaded images and documents served by Django itself (home.views.media).
TORGET_SERVE_MEDIA = True
