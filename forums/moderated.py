"""What moderation needs to know about forum posts; registered in ForumsConfig.ready()."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from home.cache import active_locale
from moderation.registry import AuthorTexts, ModeratedKind, register


def _page_url(post) -> str:
    from forums.models import ForumPage

    forum_page = ForumPage.objects.live().filter(locale=active_locale()).first()
    if forum_page is None:
        raise Http404
    return forum_page.post_url(post)


def _status_changed(post) -> None:
    """A thread is published with its first post, and counts only visible posts."""
    from forums.services import thread_counts_refresh

    thread = post.thread
    first = thread.posts.order_by("created_at", "pk").values_list("pk", flat=True).first()
    if (
        first == post.pk
        and thread.status == post.Status.PENDING
        and post.status == post.Status.VISIBLE
    ):
        thread.status = post.Status.VISIBLE
        thread.save(update_fields=["status"])
    thread_counts_refresh(thread)


def _published(post, at) -> None:
    from forums.services import followers_tell

    followers_tell(post=post, at=at)


def _erase(post) -> None:
    post.revisions.all().delete()
    post.source = post.html = ""
    post.removed_by = post.RemovedBy.MODERATOR
    post.save(update_fields=["source", "html", "removed_by"])


def _queue_context() -> dict:
    from forums.models import Category

    return {"categories": Category.objects.filter(locale__language_code="sv").order_by("order")}


def register_posts() -> None:
    from forums.models import Post

    register(
        ModeratedKind(
            model=Post,
            name="post",
            slug="inlagg",
            label=_("Forum posts"),
            template="forums/moderation/post.html",
            related=("thread", "thread__category", "association"),
            where=lambda post: post.thread.title,
            page_url=_page_url,
            erase=_erase,
            on_status_change=_status_changed,
            on_published=_published,
            actions_template="forums/moderation/thread_actions.html",
            queue_context=_queue_context,
            texts=AuthorTexts(
                hidden_subject=_("Your post has been hidden"),
                hidden=_("A moderator has hidden your post in “%(what)s”."),
                removed_subject=_("Your post has been removed"),
                removed=_("A moderator has removed your post in “%(what)s” for good."),
                auto_hidden=_(
                    "Several readers have reported your post in “%(what)s”, so it is hidden "
                    "until a moderator has looked at it."
                ),
            ),
        )
    )
