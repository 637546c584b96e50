import mimetypes
import sys

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from home.cache import active_locale, deferred, public, structure_part
from home.languages import language_name

SEARCH_RESULTS_PER_PAGE = 10


@never_cache
def healthz(request):
    """For load balancers and operators: 200 when the database answers, whatever Redis does
    (the site works without it, slower); the body says how each part is, one per line."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database: unavailable\n", status=503, content_type="text/plain")
    lines = ["database: ok"]
    if settings.REDIS_URL:
        lines.append("redis: ok" if caches["default"].ping() else "redis: unavailable")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def serve(request, path):
    """Wagtail's page view, starting from the home page in the active language as kept in
    the cache of page parts: Wagtail looks it up with two queries on every request."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        home = structure_part("home-page", lambda: site.root_page.localized.specific, site.pk)
        try:
            route = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
    return wagtail_serve(request, path)


def search(request):
    """Pages in the visitor's language; when none matches there, the default language's.
    Searched only when the page's shared part is not in the cache."""
    query = request.GET.get("q", "").strip()[:200]
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            **deferred(lambda: _search(request, query), "results", "fallback_language"),
            "pagination_params": urlencode({"q": query}),
        },
    )


def _search(request, query) -> dict:
    results = None
    fallback = ""
    if query:
        locale = active_locale()
        paginator = Paginator(
            public(Page.objects.live()).filter(locale=locale).search(query),
            SEARCH_RESULTS_PER_PAGE,
        )
        if not paginator.count and locale.language_code != settings.LANGUAGE_CODE:
            default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            paginator = Paginator(
                public(Page.objects.live()).filter(locale=default).search(query),
                SEARCH_RESULTS_PER_PAGE,
            )
            fallback = language_name(settings.LANGUAGE_CODE) if paginator.count else ""
        results = paginator.get_page(request.GET.get("page"))
    return {"results": results, "fallback_language": fallback}


def media(request, path):
    """An uploaded file (images, documents) from the default storage, whatever it is (a folder,
    memory in the tests)."""
    try:
        found = default_storage.exists(path)
    except SuspiciousFileOperation:
        found = False
    if not found:
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(path), content_type=content_type)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """A plain page, rendered without a request context: the database or a context processor
    may be the fault. When the database does not answer (it restarts, a failover), the page says
    so with 503 and when to try again, and the next request connects afresh."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
