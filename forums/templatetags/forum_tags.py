from django import template
from django.utils.translation import gettext as _
from wagtail.models import Locale

from forums.models import Category, ForumPage, Thread
from forums.views import localize_categories

register = template.Library()


@register.inclusion_tag("forums/includes/thread_list.html", takes_context=True)
def active_threads(context, district=None, limit=5, card_heading="h3"):
    """Recently active threads in the active language's forum: all, or one district's."""
    locale = Locale.get_active()
    forum_page = ForumPage.objects.live().filter(locale=locale).first()
    threads = Thread.objects.none()
    if district is not None:
        empty = _("No discussions about %(district)s yet.") % {"district": district.title}
        categories = Category.objects.for_district(district)
        if forum_page and categories.exists():
            keys = categories.values_list("translation_key", flat=True)
            threads = Thread.objects.active().filter(category__translation_key__in=keys)
    else:
        empty = _("No discussions yet.")
        if forum_page:
            threads = Thread.objects.active()
    threads = localize_categories(list(threads[:limit]), locale)
    return {
        "threads": threads,
        "forum_page": forum_page,
        "empty_text": empty,
        "card_heading": card_heading,
        "show_category": district is None,
        "request": context.get("request"),
    }


@register.simple_tag
def forum_page():
    return ForumPage.objects.live().filter(locale=Locale.get_active()).first()
