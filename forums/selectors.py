"""Reads that span apps: what a thread page shows differently for the person reading it."""

from dataclasses import dataclass

from accounts.readers import reader_row, suspension_found
from forums.models import Thread
from moderation.models import Suspension

# One statement, written out (see accounts.readers). The last two spare most readers two
# more queries: which posts they thanked, and the associations they may write for.
READER_SQL = """
  EXISTS (SELECT 1 FROM forums_follow f WHERE f.user_id = %(user)s AND f.thread_id = %(thread)s),
  EXISTS (SELECT 1 FROM forums_post p
          WHERE p.author_id = %(user)s AND p.thread_id = %(thread)s AND p.status = 'pending'),
  EXISTS (SELECT 1 FROM forums_reaction r JOIN forums_post p ON p.id = r.post_id
          WHERE r.user_id = %(user)s AND p.thread_id = %(thread)s),
  EXISTS (SELECT 1 FROM forums_associationmembership m
          JOIN forums_association a ON a.id = m.association_id
          WHERE m.user_id = %(user)s AND a.verified)
"""


@dataclass(frozen=True)
class ThreadReader:
    can_post: bool = False  # logged in with a confirmed email address
    suspension: Suspension | None = None
    following: bool = False
    has_pending_posts: bool = False  # their own posts waiting for a moderator
    has_thanked_here: bool = False  # pressed "Tack" on some post of this thread
    writes_for_associations: bool = False  # a member of a verified association


def thread_reader(*, thread: Thread, user) -> ThreadReader:
    """Everything about the reader the thread page needs, in one query."""
    if not user.is_authenticated:
        return ThreadReader()
    can_post, suspension_id, following, pending, thanked, member = reader_row(
        user, READER_SQL, thread=thread.pk
    )
    return ThreadReader(
        can_post=bool(can_post),
        suspension=suspension_found(can_post, suspension_id),
        following=bool(following),
        has_pending_posts=bool(pending),
        has_thanked_here=bool(thanked),
        writes_for_associations=bool(member),
    )
