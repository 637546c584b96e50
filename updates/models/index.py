"""The safety work's page (/trygghet/): the list of measures and news, its feeds and alerts."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models.pages import ContentPage


class UpdateIndexPage(RoutablePageMixin, ContentPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["updates.UpdatePage", "surveys.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("safety work index page")

    @path("", name="list")
    def list_view(self, request):
        from updates import views

        return views.update_list(request, self)

    @path("rss/", name="rss")
    def rss(self, request):
        from updates.feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from updates.feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    @path("bevakning/", name="subscribe")
    def subscribe(self, request):
        from updates import views

        return views.subscribe(request, self)
