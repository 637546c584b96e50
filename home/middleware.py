import hashlib
import math
from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import get_resolver
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.models import Site

from home.cache import (
    content_version,
    notices_not_ended,
    page_cache,
    reader_values_put,
    reader_values_remove,
    site_root_paths,
    structure_part,
)
from home.models.notices import next_notice_change

ADMIN_PREFIX = "/admin/"
CACHE_STATUS_HEADER = "X-Torget-Cache"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere; Wagtail's own admin still needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            return PolicyParts(
                config=parts.config,
                update=parts.update,
                replace={
                    "script-src": [SELF, UNSAFE_INLINE],
                    "style-src": [SELF, UNSAFE_INLINE],
                    "img-src": [SELF, "data:", "blob:"],
                },
                nonce=None,
            )
        if broker := settings.TORGET_EID_OIDC_URL:
            # The e-identification button's form is redirected on to the broker (accounts.eid),
            # and a browser holds each hop of a form's redirects to form-action.
            origin = urlsplit(broker)
            parts.update = {
                **(parts.update or {}),
                "form-action": [f"{origin.scheme}://{origin.netloc}"],
            }
        return parts


class NulRefusedMiddleware:
    """A request with a NUL character wherever a view or the database may read it (the
    address, the query, form fields and file names, cookies, headers) is answered 400 Bad
    Request, with the site's plain error page in the visitor's language (templates/400.html).

    Refused, not stripped, as Django's own form fields refuse it: no browser sends NUL from what
    a person types or picks, so it comes from a probe or a broken client, and quietly removing
    it would change what was asked ("report.pdf\\0.html" is how checks on a name's ending were
    once passed). PostgreSQL refuses NUL in text outright, so it must never reach a query; one
    check here covers every view, also those that read a parameter directly (the site search,
    the API's ?search=) and the session cookie. It comes after the locale middleware, which
    chose the language, and before anything reads the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            handler = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(400)
            return handler(request, SuspiciousOperation("A NUL character in the request"))
        return self.get_response(request)


def _carries_nul(request) -> bool:
    texts = [request.path]
    texts += [text for key, values in request.GET.lists() for text in (key, *values)]
    if request.method == "POST":
        texts += [text for key, values in request.POST.lists() for text in (key, *values)]
        texts += [file.name or "" for _key, files in request.FILES.lists() for file in files]
    texts += [text for item in request.COOKIES.items() for text in item]
    texts += [value for key, value in request.META.items() if key.startswith("HTTP_")]
    return any("\x00" in text for text in texts)


class CachedSiteMiddleware:
    """Wagtail's site and site root paths for the request, from the cache of page parts:
    a query or two less on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0][:200]
        port = request.get_port()
        request._wagtail_site = structure_part(
            "site", lambda: Site._find_for_request(request), hostname, port
        )
        # What Wagtail looks up (in the shared cache) for the first page URL of a request.
        request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)


class PublicCacheMiddleware:
    """Serves anonymous pages from the page cache and lets browsers keep them a few seconds.

    A visitor without a session (no login, no pending message; a session cookie the server does
    not know counts as none, and is deleted) gets the same page as every other such visitor,
    so the rendered page is kept per host, language and address, under the content version
    (see `home.cache`). Two things differ per response and are put back
    into a cached page: the CSRF token in forms and the nonce of inline scripts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._cache_key(request) if self._request_is_cacheable(request) else None
        if key:
            entry = page_cache().get(key)
            if entry is not None:
                return self._response_from(request, entry)
        response = self.get_response(request)
        if self._is_public(request, response):
            max_age = self._max_age()
            if key and not response.streaming and self._nothing_personal(request, response):
                page_cache().set(key, self._entry_from(request, response), timeout=max_age[1])
                response[CACHE_STATUS_HEADER] = "miss"
            # Not for browsers and proxies to keep when a cookie is set or deleted (a stale
            # session's is): handed to someone else, it would end their session.
            if not response.cookies and settings.SESSION_COOKIE_NAME not in request.COOKIES:
                patch_cache_control(response, public=True, max_age=max_age[0])
        return response

    def _request_is_cacheable(self, request):
        return (
            settings.TORGET_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith(ADMIN_PREFIX)
            and set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
            and not self._has_session(request)
        )

    def _has_session(self, request) -> bool:
        """Whether the request carries a session the server knows. A cookie it does not know
        (expired, ended elsewhere, signed before a new secret key) counts as none: loading it
        empties the session, and the session middleware then deletes the cookie in the
        response. A session it knows is loaded here once for the whole request."""
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        return bool(request.session.keys())

    def _cache_key(self, request):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"torget:page:{content_version()}:{get_language()}:{digest}"

    def _is_public(self, request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
            and not request.path_info.startswith(ADMIN_PREFIX)
            and not request.user.is_authenticated
        )

    def _nothing_personal(self, request, response):
        # A message shown on this very page (not after a redirect) was meant for one visitor.
        return not getattr(request, "_messages", None)

    def _max_age(self):
        """Seconds for browsers and for the page cache, never past a notice's start or end."""
        now = timezone.now()
        browser, server = settings.PUBLIC_CACHE_SECONDS, settings.TORGET_PAGE_CACHE_SECONDS
        next_change = next_notice_change(notices_not_ended(), now)
        if next_change:
            until = math.ceil((next_change - now).total_seconds())
            browser, server = min(browser, until), min(server, until)
        return max(browser, 0), max(server, 1)

    def _entry_from(self, request, response):
        content = reader_values_remove(response.content, request)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-security-policy", "set-cookie", "content-length")
        ]
        return {"status": response.status_code, "headers": headers, "content": content}

    def _response_from(self, request, entry):
        content = reader_values_put(entry["content"], request)
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[CACHE_STATUS_HEADER] = "hit"
        if request.method == "HEAD":
            response.content = b""
        return response
