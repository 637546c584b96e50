"""Wagtail: the admin, search, documents and pictures, and its API for open data (opendata)."""

from .environment import env

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Torget")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = []  # nothing from other hosts reaches a page
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third party in the admin
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Image renditions: small enough for a phone (each at most about 120 KB at 1200 px wide).
WAGTAILIMAGES_JPEG_QUALITY = 78
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_AVIF_QUALITY = 55
# Renditions are made by the task worker when an image is saved (home.images), never on a page.
TORGET_RENDITIONS_AHEAD = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Open data (opendata): Wagtail's API v2, requests per address and minute.
TORGET_API_REQUESTS_PER_MINUTE = int(env("TORGET_API_REQUESTS_PER_MINUTE", "120"))
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public and read-only: no session, no CSRF
}
