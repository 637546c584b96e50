from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from updates.forms import FilterForm
from updates.models import UpdatePage


class UpdatesRssFeed(Feed):
    """All updates, or those of one district or category (`?district=`, `?category=`)."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return FilterForm.checked(request.GET, locale=self.index_page.locale)

    def title(self, filters):
        parts = [self.index_page.title]
        parts += [
            filters[key].name if key == "category" else filters[key].title
            for key in ("district", "category")
            if filters.get(key)
        ]
        return " – ".join(parts)

    def link(self, filters):
        return self.index_page.url

    def description(self, filters):
        return _("Measures and news about safety in the districts.")

    def items(self, filters):
        return (
            UpdatePage.objects.listed(self.index_page.locale_id)
            .filtered(**filters)
            .newest_change_first()[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        status = f"{item.get_status_display()}. " if item.status else ""
        return status + item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"update-{item.translation_key}-{item.locale.language_code}"

    item_guid_is_permalink = False


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesRssFeed.description
