from django import template
from django.utils.translation import gettext as _

from events.models import EventIndexPage, EventPage
from home.cache import active_locale, section_page

register = template.Library()


@register.inclusion_tag("includes/meeting_list.html")
def upcoming_meetings(district=None, limit=3, card_heading="h3"):
    """The next meetings in the active language, all or for one district."""
    locale = active_locale()
    meetings = EventPage.objects.listed(locale).upcoming()
    if district is not None:
        meetings = meetings.in_district(district)
        empty = _("No upcoming meetings in %(district)s right now.") % {"district": district.title}
    else:
        empty = _("No upcoming meetings right now.")
    return {
        "meetings": list(meetings.with_card_data()[:limit]),
        "empty_text": empty,
        "card_heading": card_heading,
    }


@register.simple_tag
def meeting_index():
    """The meeting index page in the active language, for "all meetings" links."""
    return section_page(EventIndexPage)
