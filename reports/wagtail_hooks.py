from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from reports import admin_views

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
