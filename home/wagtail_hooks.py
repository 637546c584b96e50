from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.dashboard import Row, TodayPanel, with_total
from home.models import DisruptionNotice
from home.translations import sources_out_of_date


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


@hooks.register("construct_homepage_summary_items", order=1000)
def no_site_summary(request, items):
    """Wagtail's counts of pages, images and documents (five queries) give way to what needs
    each person today: each app's panel below."""
    items.clear()


@hooks.register("construct_homepage_panels")
def translations_panel(request, panels):
    """For editors: the pages whose translations are out of date."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        return
    stale, total = with_total(sources_out_of_date())
    rows = [
        Row(
            label=source.object_repr,
            url=reverse("wagtail_localize:update_translations", args=[source.pk]),
            note=_("changed %(date)s")
            % {"date": date_format(timezone.localtime(source.changed_at), "j F H:i")},
        )
        for source in stale
    ]
    panels.append(
        TodayPanel(
            name="translations",
            order=65,
            heading=_("Translations out of date"),
            summary=ngettext(
                "%(count)s page changed after it was translated.",
                "%(count)s pages changed after they were translated.",
                total,
            )
            % {"count": total},
            rows=rows,
            empty=_("Every translation is up to date."),
        )
    )
