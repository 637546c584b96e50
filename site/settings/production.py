"""Production: HTTPS only, hashed and compressed static files, MFA for staff."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, env, env_bool

DEBUG = False

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    # The proxy terminates TLS and tells us so; it must strip this header from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's page preview frames our own pages, so framing stays allowed for the same origin
# (CSP frame-ancestors 'self' says the same to current browsers).
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not SECURE_SSL_REDIRECT:
    # Redirecting to HTTPS is then the TLS-terminating proxy's job.
    SILENCED_SYSTEM_CHECKS.append("security.W008")

WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS else ""
)
TORGET_REQUIRE_STAFF_MFA = env_bool("TORGET_REQUIRE_STAFF_MFA", True)
