"""The meeting index (/moten/): the list of meetings, by district, upcoming and past."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models.pages import ContentPage


class EventIndexPage(RoutablePageMixin, ContentPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    PER_PAGE = 10

    class Meta:
        verbose_name = _("meeting index page")

    @path("")
    def index(self, request):
        from events.views import meeting_list_context

        return self.render(request, context_overrides=meeting_list_context(self, request))
