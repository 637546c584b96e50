"""Every rule that changes the forum: threads, posts, thanks, follows, associations.
Views, the admin, commands and the demo call these; nothing else writes those tables."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forums.markdown import links_in, render_markdown
from forums.models import (
    Association,
    AssociationMembership,
    Category,
    Follow,
    Post,
    PostRevision,
    Reaction,
    Thread,
)
from home.services import RuleError, counted_marks_remove, counted_toggle
from moderation import services as moderation
from moderation.models import LogEntry


class ForumError(RuleError):
    """Something the forum's rules refuse."""


def _check_association(author, association: Association | None) -> None:
    if association is None:
        return
    if (
        not association.verified
        or not AssociationMembership.objects.filter(association=association, user=author).exists()
    ):
        raise PermissionDenied("Not a member of a verified association")


def _check_pace(author, at) -> None:
    """One post per TORGET_FORUM_SECONDS_BETWEEN_POSTS, so that nobody floods a thread."""
    seconds = settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS
    if not seconds:
        return
    latest = (
        Post.objects.filter(
            author=author, created_at__gt=at - timedelta(seconds=seconds), created_at__lte=at
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if latest:
        wait = max(1, seconds - int((at - latest).total_seconds()))
        raise ForumError(
            "too_fast",
            ngettext(
                "You posted a moment ago. Please wait %(count)d second and send again.",
                "You posted a moment ago. Please wait %(count)d seconds and send again.",
                wait,
            )
            % {"count": wait},
        )


def _check_new_account_threads(author, at) -> None:
    if author.date_joined < at - timedelta(days=settings.TORGET_FORUM_NEW_ACCOUNT_DAYS):
        return
    today = Thread.objects.filter(
        author=author, created_at__gt=at - timedelta(days=1), created_at__lte=at
    ).count()
    if today >= settings.TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY:
        raise ForumError(
            "too_many_threads",
            _(
                "New accounts may start %(count)d threads a day. You can reply in existing "
                "threads, or start a new one tomorrow."
            )
            % {"count": settings.TORGET_FORUM_NEW_ACCOUNT_THREADS_PER_DAY},
        )


def _follow(user, *, thread=None, category=None) -> Follow:
    follow, _created = Follow.objects.get_or_create(user=user, thread=thread, category=category)
    return follow


def _mark_news(follows, at) -> None:
    """Note that followers have news; the notifier sends it (transaction.on_commit)."""
    follows.filter(pending_since__isnull=True).update(pending_since=at)
    transaction.on_commit(_enqueue_notifications)


def _enqueue_notifications():
    from forums.tasks import notifications_send

    notifications_send.enqueue()


def _post_create(thread, author, association, text: str, at, status) -> Post:
    # Rendered once here; pages show the stored HTML.
    return Post.objects.create(
        thread=thread,
        author=author,
        association=association,
        source=text,
        html=render_markdown(text),
        status=status,
        created_at=at,
    )


def thread_create(
    *,
    category: Category,
    author,
    title: str,
    text: str,
    tags: list[str] | None = None,
    association: Association | None = None,
    at=None,
) -> Thread:
    """Start a thread with its first post; the author follows it, category followers hear."""
    at = at or timezone.now()
    _check_association(author, association)
    verdict = _gate(author, text, at)
    _check_pace(author, at)
    _check_new_account_threads(author, at)
    with transaction.atomic():
        thread = Thread.objects.create(
            category=category,
            title=title.strip(),
            author=author,
            association=association,
            status=verdict.status,
            created_at=at,
            last_activity_at=at,
        )
        if tags:
            thread.tags.set(tags)
        post = _post_create(thread, author, association, text, at, verdict.status)
        thread.last_post = post
        thread.save(update_fields=["last_post"])
        _follow(author, thread=thread)
        if verdict.status == Post.Status.VISIBLE:
            _tell_category_followers(thread, at)
        else:
            moderation.record_hold(item=post, verdict=verdict)
    return thread


def _gate(author, text: str, at):
    try:
        return moderation.gate(author=author, text=text, links=links_in(text), at=at)
    except moderation.ModerationError as error:
        raise ForumError(error.code, error.message) from None


def _tell_category_followers(thread: Thread, at) -> None:
    _mark_news(
        Follow.objects.filter(category__translation_key=thread.category.translation_key).exclude(
            user=thread.author
        ),
        at,
    )


def post_reply(
    *, thread: Thread, author, text: str, association: Association | None = None, at=None
) -> Post:
    at = at or timezone.now()
    if thread.is_locked:
        raise PermissionDenied("The thread is locked")
    if thread.status != Thread.Status.VISIBLE:
        raise PermissionDenied("The thread is not visible")
    _check_association(author, association)
    verdict = _gate(author, text, at)
    _check_pace(author, at)
    with transaction.atomic():
        post = _post_create(thread, author, association, text, at, verdict.status)
        _follow(author, thread=thread)
        if verdict.status == Post.Status.VISIBLE:
            followers_tell(post=post, at=at)
        else:
            moderation.record_hold(item=post, verdict=verdict)
    return post


def followers_tell(*, post: Post, at) -> None:
    """A post became visible: count it in its thread and tell the thread's followers (or, for
    a thread's first post, the category's)."""
    thread = post.thread
    thread_counts_refresh(thread)
    if thread.posts.order_by("created_at", "pk").values_list("pk", flat=True).first() == post.pk:
        _tell_category_followers(thread, at)
    else:
        _mark_news(Follow.objects.filter(thread=thread).exclude(user=post.author), at)


def thread_counts_refresh(thread: Thread) -> None:
    """Replies and latest activity count visible posts only."""
    visible = thread.posts.visible()
    last = visible.order_by("-created_at", "-pk").first()
    Thread.objects.filter(pk=thread.pk).update(
        last_post=last,
        last_activity_at=last.created_at if last else thread.created_at,
        reply_count=max(visible.count() - 1, 0),
    )


def thread_set(*, thread: Thread, moderator, locked=None, pinned=None, category=None) -> None:
    """A moderator locks or unlocks, pins or unpins, or moves a thread; each change is in the
    moderation log."""
    moderation.moderator_require(moderator)
    Action = LogEntry.Action
    changes = []
    with transaction.atomic():
        if locked is not None and locked != thread.is_locked:
            thread.is_locked = locked
            changes.append((Action.LOCKED if locked else Action.UNLOCKED, ""))
        if pinned is not None and pinned != thread.is_pinned:
            thread.is_pinned = pinned
            changes.append((Action.PINNED if pinned else Action.UNPINNED, ""))
        if category is not None and category.translation_key != thread.category.translation_key:
            changes.append((Action.MOVED, f"{thread.category.name} → {category.name}"))
            thread.category = category
        thread.save(update_fields=["is_locked", "is_pinned", "category"])
        for action, reason in changes:
            moderation.decision_record(
                actor=moderator, action=action, item=thread, subject=thread.author, reason=reason
            )


def post_edit(*, post: Post, editor, text: str, at=None) -> Post:
    """The author changes their text; the earlier version is kept."""
    if post.author_id != editor.pk or post.status == Post.Status.REMOVED:
        raise PermissionDenied("Only the author edits a post")
    if text == post.source:
        return post
    with transaction.atomic():
        PostRevision.objects.create(
            post=post, source=post.source, created_at=post.edited_at or post.created_at
        )
        post.source = text
        post.html = render_markdown(text)
        post.edited_at = at or timezone.now()
        post.save(update_fields=["source", "html", "edited_at"])
    return post


def post_delete(*, post: Post, by) -> Post:
    """The author removes their post; the thread keeps a line saying so."""
    if post.author_id != by.pk:
        raise PermissionDenied("Only the author deletes a post")
    if post.status == Post.Status.REMOVED:
        return post
    with transaction.atomic():
        post.status = Post.Status.REMOVED
        post.removed_by = Post.RemovedBy.AUTHOR
        post.save(update_fields=["status", "removed_by"])
        thread_counts_refresh(post.thread)
    return post


def thanks_toggle(*, post: Post, user) -> bool:
    """Say "Tack" once, or take it back; True when the user now thanks the post."""
    if post.author_id == user.pk:
        raise ForumError("own", _("You cannot thank yourself."))
    if post.status != Post.Status.VISIBLE:
        raise PermissionDenied
    return counted_toggle(mark=Reaction, target=post, counter="thanks_count", post=post, user=user)


def thanks_take_back(*, user, at=None) -> None:
    """The person's account goes: their thanks leave each post's count."""
    counted_marks_remove(mark=Reaction, target="post", counter="thanks_count", user=user)


def posts_remove(*, user, at=None) -> dict[str, int]:
    """The person chose to take their posts along when their account goes: each becomes a
    "removed by the author" line with no text left; a thread nobody else wrote in goes as a
    whole (with a proposal it carried)."""
    with transaction.atomic():
        others = Post.objects.exclude(author=user)
        alone = Thread.objects.filter(author=user).exclude(posts__in=others)
        threads_deleted = alone.count()
        alone.delete()
        posts = Post.objects.filter(author=user)
        PostRevision.objects.filter(post__in=posts).delete()
        threads = list(Thread.objects.filter(posts__in=posts).distinct())
        posts.update(
            status=Post.Status.REMOVED, removed_by=Post.RemovedBy.AUTHOR, source="", html=""
        )
        for thread in threads:
            thread_counts_refresh(thread)
    return {"threads_deleted": threads_deleted}


def follow_toggle(*, user, thread: Thread | None = None, category: Category | None = None) -> bool:
    """Follow a thread or a category, or stop; True when the user now follows it."""
    existing = Follow.objects.filter(user=user, thread=thread, category=category)
    if category is not None:
        existing = Follow.objects.filter(
            user=user, category__translation_key=category.translation_key
        )
    deleted, _rows = existing.delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Follow.objects.create(user=user, thread=thread, category=category)
    except IntegrityError:
        pass
    return True


def follow_end(*, follow: Follow) -> None:
    follow.delete()


# Associations


def association_member_add(*, association: Association, by, email: str, role: str) -> None:
    """An association's administrator adds someone who has an account."""
    from allauth.account.models import EmailAddress

    _check_association_admin(association, by)
    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=True)
        .select_related("user")
        .first()
    )
    if address is None:
        raise ForumError(
            "no_account",
            _("Nobody with a confirmed account has that email. Ask them to create one first."),
        )
    AssociationMembership.objects.update_or_create(
        association=association, user=address.user, defaults={"role": role}
    )


def association_member_remove(*, association: Association, by, membership) -> None:
    _check_association_admin(association, by)
    admins = association.memberships.filter(role=AssociationMembership.Role.ADMIN)
    if membership.role == AssociationMembership.Role.ADMIN and admins.count() == 1:
        raise ForumError("last_admin", _("An association needs at least one administrator."))
    membership.delete()


def _check_association_admin(association, user) -> None:
    if not association.memberships.filter(
        user=user, role=AssociationMembership.Role.ADMIN
    ).exists():
        raise PermissionDenied("Only the association's administrators manage members")


def association_verification_record(*, association: Association, by, was_verified: bool) -> None:
    """Staff set the verified flag in the admin; remember who and when it was set."""
    if association.verified and not was_verified:
        association.verified_by = by
        association.verified_at = timezone.now()
    elif not association.verified:
        association.verified_by = None
        association.verified_at = None
    Association.objects.filter(pk=association.pk).update(
        verified_by=association.verified_by, verified_at=association.verified_at
    )
