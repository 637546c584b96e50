from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import DisruptionNotice


class DisruptionNoticeViewSet(SnippetViewSet):
    model = DisruptionNotice
    icon = "warning"
    menu_label = _("Disruption notices")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["message", "starts_at", "ends_at", "locale"]
    list_filter = ["locale"]
    ordering = ["-starts_at"]


register_snippet(DisruptionNoticeViewSet)
