"""Reads that span apps: what a thread page shows differently for the person reading it."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery

from accounts.models import User, verified_email
from forums.models import Follow, Post, Thread
from moderation.models import Suspension


@dataclass(frozen=True)
class ThreadReader:
    can_post: bool = False  # logged in with a confirmed email address
    suspension: Suspension | None = None
    following: bool = False
    has_pending_posts: bool = False  # their own posts waiting for a moderator


def thread_reader(*, thread: Thread, user) -> ThreadReader:
    """Everything about the reader the thread page needs, in one query."""
    if not user.is_authenticated:
        return ThreadReader()
    facts = (
        User.objects.filter(pk=user.pk)
        .values(
            can_post=verified_email(),
            suspension_id=Subquery(Suspension.objects.current(OuterRef("pk")).values("pk")[:1]),
            following=Exists(Follow.objects.filter(user=OuterRef("pk"), thread=thread)),
            has_pending_posts=Exists(
                Post.objects.filter(
                    author=OuterRef("pk"), thread=thread, status=Post.Status.PENDING
                )
            ),
        )
        .get()
    )
    suspension_id = facts.pop("suspension_id")
    suspended = Suspension.objects.get(pk=suspension_id) if suspension_id else None
    return ThreadReader(suspension=suspended if facts["can_post"] else None, **facts)
