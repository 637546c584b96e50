"""Caches and sessions: Redis when there is one, otherwise the database and local memory.

"default" holds rate limits and must be shared by every worker: Redis when there is one,
otherwise the database. "pages" holds rendered anonymous pages and the parts pages share: Redis
too, or each worker's own memory, made stale together through a version file (see
home/cache.py). "renditions" is Wagtail's record of picture renditions.
Redis may go away (home/redis_cache.py): rate limits then count in the database, pages are
rendered for every request, and the site goes on.
"""

from .environment import BASE_DIR, env

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
