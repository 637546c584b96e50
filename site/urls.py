from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from accounts import urls as account_urls
from home import views as home_views
from opendata import views as opendata_views
from opendata.api import api_router

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("", include("opendata.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
]

if settings.TORGET_SERVE_MEDIA:  # make run and the tests; in production the web server does
    urlpatterns += [re_path(r"^media/(?P<path>.+)$", home_views.media, name="media")]

urlpatterns += i18n_patterns(
    path("sok/", home_views.search, name="search"),
    path("", include("events.urls")),
    path("", include("forums.urls")),
    path("", include("moderation.urls")),
    path("", include("reports.urls")),
    path("", include("updates.urls")),
    path("", include("proposals.urls")),
    path("", include("polls.urls")),
    path("oppna-data/", opendata_views.open_data, name="open_data"),
    path("konto/", include(account_urls)),
    # allauth's pages for linking outside accounts: Torget links none (accounts.eid).
    re_path(r"^konto/3rdparty/", home_views.page_not_found),
    path("konto/", include("allauth.urls")),
    # Wagtail serves every other path from the page tree; it must come last.
    re_path(serve_pattern, home_views.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
