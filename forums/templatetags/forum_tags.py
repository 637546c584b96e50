from django import template
from django.utils.translation import gettext as _

from forums.models import Category, Follow, ForumPage, Thread
from forums.views import localize_categories
from home.cache import active_locale, section_page

register = template.Library()


@register.inclusion_tag("forums/includes/thread_list.html", takes_context=True)
def active_threads(context, district=None, limit=5, card_heading="h3"):
    """Recently active threads in the active language's forum: all, or one district's."""
    locale = active_locale()
    forum_page = section_page(ForumPage)
    threads = Thread.objects.none()
    if district is not None:
        empty = _("No discussions about %(district)s yet.") % {"district": district.title}
        if forum_page:
            keys = Category.objects.for_district(district).values("translation_key")
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
    return section_page(ForumPage)


@register.inclusion_tag("forums/includes/my_follows.html", takes_context=True)
def my_follows(context):
    """On "My emails": the threads and categories the person follows, each with a way out."""
    forum = section_page(ForumPage)
    follows = list(Follow.objects.of_user(context["request"].user))
    for follow in follows:
        if follow.thread_id:
            follow.shown_title = follow.thread.title
            follow.shown_url = forum.thread_url(follow.thread) if forum else ""
        else:
            category = follow.category
            follow.shown_title = category.name
            follow.shown_url = forum.category_url(category) if forum else ""
    return {"follows": follows, "request": context["request"]}
