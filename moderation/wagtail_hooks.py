from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from moderation import admin_views, services
from moderation.models import WatchedWord

admin_urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("logg/", admin_views.log, name="log"),
    path("godkann/", admin_views.bulk_approve, name="bulk_approve"),
    path("<str:kind>/<int:pk>/", admin_views.item_action, name="item"),
    path("person/<int:pk>/", admin_views.user_action, name="user"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderering/", include((admin_urlpatterns, "moderation_admin")))]


class WatchedWordViewSet(SnippetViewSet):
    model = WatchedWord
    icon = "warning"
    menu_label = _("Watched words")
    add_to_admin_menu = False
    list_display = ["word", "action"]
    list_filter = ["action"]
    search_fields = ["word"]


register_snippet(WatchedWordViewSet)


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(services.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_moderation_menu():
    menu = Menu(
        items=[
            ModeratorMenuItem(_("Queue"), reverse("moderation_admin:queue"), icon_name="warning"),
            ModeratorMenuItem(_("Log"), reverse("moderation_admin:log"), icon_name="history"),
            ModeratorMenuItem(
                _("Watched words"),
                reverse("wagtailsnippets_moderation_watchedword:list"),
                icon_name="warning",
            ),
        ]
    )
    return SubmenuMenuItem(_("Moderation"), menu, icon_name="warning", order=205)


class ModerationPanel(Component):
    name = "moderation"
    order = 50
    template_name = "moderation/admin/panel.html"

    def get_context_data(self, parent_context):
        return {"counts": services.queue_counts()}


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm(services.PERMISSION):
        panels.append(ModerationPanel())
