from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from polls import admin_views
from polls.models import Poll

admin_urlpatterns = [
    path("<int:pk>/", admin_views.results, name="results"),
    path("<int:pk>.csv", admin_views.results_csv, name="results_csv"),
]


@hooks.register("register_admin_urls")
def register_poll_urls():
    return [path("omrostningar/", include((admin_urlpatterns, "polls_admin")))]


class ResultsColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse("polls_admin:results", args=[instance.pk]), _("Results")
        )


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Polls")
    menu_order = 226
    add_to_admin_menu = True
    list_display = ["question", "page", "opens_at", "closes_at", ResultsColumn("results")]


register_snippet(PollViewSet)
