"""Emails to followers: new replies in a thread, new threads in a category. At most one email
per followed thread an hour, or one summary a day; never about one's own posts."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forums.models import Follow, ForumPage, Post, Thread
from home.links import absolute_url, object_from_token, signed_token
from home.services import email_queue

UNFOLLOW_SALT = "forums.follow"


def unfollow_token(follow: Follow) -> str:
    return signed_token(follow, UNFOLLOW_SALT)


def follow_from_token(token: str) -> Follow | None:
    return object_from_token(
        Follow.objects.select_related("thread", "category"), token, UNFOLLOW_SALT
    )


def _news(follow: Follow) -> list:
    """What happened since the follower last heard: posts in the thread, or new threads."""
    since = follow.pending_since
    if follow.thread_id:
        return list(
            Post.objects.visible()
            .filter(thread=follow.thread, created_at__gte=since)
            .exclude(author=follow.user)
            .select_related("author", "association")
            .order_by("created_at")[:20]
        )
    return list(
        Thread.objects.visible()
        .filter(category__translation_key=follow.category.translation_key, created_at__gte=since)
        .exclude(author=follow.user)
        .order_by("created_at")[:20]
    )


def _claim(follow: Follow, at) -> bool:
    """Take this follow's news for one email; a parallel run gets nothing."""
    return bool(
        Follow.objects.filter(pk=follow.pk, pending_since=follow.pending_since).update(
            pending_since=None, last_notified_at=at
        )
    )


def _forum_page(language: str):
    pages = ForumPage.objects.live()
    return pages.filter(locale__language_code=language).first() or pages.first()


def _item(follow: Follow, news: list, forum_page) -> dict:
    unfollow_url = absolute_url(reverse("forums:unfollow", args=[unfollow_token(follow)]))
    if follow.thread_id:
        title, url = follow.thread.title, forum_page.post_url(news[0])
    else:
        category = follow.category.in_language(forum_page.locale)
        title, url = category.name, forum_page.category_url(category)
        for thread in news:
            thread.email_url = absolute_url(forum_page.thread_url(thread))
    return {
        "follow": follow,
        "title": title,
        "url": absolute_url(url),
        "news": news,
        "unfollow_url": unfollow_url,
        "forum_page": forum_page,
    }


def notifications_send(*, at=None) -> int:
    """Send what is due; safe to run often and in parallel. Returns how many emails."""
    at = at or timezone.now()
    sent = 0
    for follow in Follow.objects.due(at, digest=False):
        news = _news(follow)
        with transaction.atomic():
            if not _claim(follow, at) or not news:
                continue
            language = follow.user.preferred_language
            forum_page = _forum_page(language)
            if forum_page is None:
                continue
            with translation.override(language):
                item = _item(follow, news, forum_page)
                _send(follow.user, "forums/email/news", {"item": item}, item["unfollow_url"])
            sent += 1
    digests: dict = {}
    for follow in Follow.objects.due(at, digest=True):
        digests.setdefault(follow.user, []).append(follow)
    for user, follows in digests.items():
        with transaction.atomic():
            language = user.preferred_language
            forum_page = _forum_page(language)
            items = []
            with translation.override(language):
                for follow in follows:
                    news = _news(follow)
                    if _claim(follow, at) and news and forum_page:
                        items.append(_item(follow, news, forum_page))
                if items:
                    _send(user, "forums/email/digest", {"items": items}, None)
                    sent += 1
    return sent


def _send(user, template: str, context: dict, unfollow_url: str | None) -> None:
    context = {**context, "user": user, "emails_url": absolute_url(reverse("my_emails"))}
    headers = {}
    if unfollow_url:
        headers = {
            "List-Unsubscribe": f"<{unfollow_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    email_queue(
        to=user.email,
        subject=render_to_string(f"{template}_subject.txt", context),
        body=render_to_string(f"{template}.txt", context),
        headers=headers,
    )
