from datetime import timedelta

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from home.dashboard import ROWS, Row, TodayPanel
from reports import admin_views
from reports.models import Observation

admin_urlpatterns = [
    path("", admin_views.observation_list, name="list"),
    path("<int:pk>/", admin_views.observation_detail, name="detail"),
    path("diagram/", admin_views.chart, name="chart"),
    path("diagram.csv", admin_views.chart_csv, name="chart_csv"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("lagesbild/", include((admin_urlpatterns, "reports_admin")))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_observation")


@hooks.register("register_admin_menu_item")
def register_report_menu():
    menu = Menu(
        items=[
            CoordinatorMenuItem(_("Reports"), reverse("reports_admin:list"), icon_name="list-ul"),
            CoordinatorMenuItem(
                _("Per district and week"), reverse("reports_admin:chart"), icon_name="table"
            ),
        ]
    )
    return SubmenuMenuItem(_("Situation picture"), menu, icon_name="warning", order=215)


@hooks.register("construct_homepage_panels")
def add_reports_panel(request, panels):
    """For safety coordinators: new reports since Monday, per district."""
    if not request.user.has_perm("reports.view_observation"):
        return
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    counts = list(Observation.objects.this_week_by_district())
    listing = reverse("reports_admin:list")
    rows = []
    for row in counts[:ROWS]:
        query = {"status": Observation.Status.NEW, "since": monday.isoformat()}
        if row["district"]:
            query["district"] = row["district"]
        rows.append(
            Row(
                label=row["district__title"] or str(_("No district")),
                url=f"{listing}?{urlencode(query)}",
                note=ngettext("%(count)s new", "%(count)s new", row["count"])
                % {"count": row["count"]},
            )
        )
    total = sum(row["count"] for row in counts)
    panels.append(
        TodayPanel(
            name="reports",
            order=80,
            heading=_("New reports this week"),
            summary=ngettext(
                "%(count)s report since Monday is not handled yet.",
                "%(count)s reports since Monday are not handled yet.",
                total,
            )
            % {"count": total},
            rows=rows,
            empty=_("No new reports since Monday."),
            all_url=reverse("reports_admin:chart"),
            all_label=_("Reports per district and week"),
        )
    )
