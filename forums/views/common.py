"""What the forum's views share: the page they render in, who may write, categories in the
reader's language."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from accounts.models import has_verified_email
from forums.models import Category
from home.cache import cached_part
from moderation import services as moderation

WAITING_MESSAGE = gettext_lazy(
    "Thank you! A moderator reads the first posts of new accounts before others see them, "
    "usually within a day. You see yours marked “Waiting for a moderator”."
)


def render_in_forum(request, forum_page, template, status=200, **context):
    context.setdefault("page", forum_page)
    context["forum_page"] = forum_page
    response = TemplateResponse(request, template, context, status=status)
    return response


def require_poster(request, page):
    """Writing (posts, proposals) needs a verified email (others are sent to log in and come
    back) and no suspension (the person is told why and until when, with a way back to
    `page`)."""
    if not has_verified_email(request.user):
        login = reverse("account_login")
        return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
    suspension = moderation.active_suspension(request.user)
    if suspension:
        return TemplateResponse(
            request,
            "forums/suspended.html",
            {"page": page, "message": moderation.suspension_message(suspension)},
            status=403,
        )
    return None


def category_in_language(forum_page, slug) -> Category:
    """The category in the forum page's language, or in the default one until translated."""
    locale = forum_page.locale_id
    category = Category.objects.in_language(locale).filter(slug=slug).first()
    if category is None:
        # A link from another language: the same category under its name here.
        other = get_object_or_404(Category, slug=slug)
        category = other.in_language(locale)
    return category


def localize_categories(threads, locale):
    """Show each thread's category in the reader's language (one query for all of them)."""
    names = cached_part(
        "categories",
        lambda: {c.translation_key: c for c in Category.objects.filter(locale=locale)},
        getattr(locale, "pk", locale),
    )
    for thread in threads:
        thread.shown_category = names.get(thread.category.translation_key, thread.category)
    return threads
