"""What the pages signed-in residents load most need to know about the person reading them,
asked in one written-out statement per page (forums.selectors, events.selectors): the ORM takes
a millisecond or more to compile the subqueries that then run in a few hundredths of one. The
answer is kept for the reader until something they could see changes (home.cache.reader_part),
so a page read again asks nothing.

The two rules every such statement starts with are also `accounts.models.verified_email()` and
`moderation.models.SuspensionQuerySet.active()`; accounts/tests/test_readers.py pins them to
the same answers.
"""

from django.db import connection
from django.utils import timezone

from home.cache import reader_part

# Logged in with a confirmed email address: may take part.
CAN_TAKE_PART_SQL = """
  EXISTS (SELECT 1 FROM account_emailaddress e
          WHERE e.user_id = %(user)s AND e.verified AND LOWER(e.email) = LOWER(%(email)s))"""
# The suspension that stops them writing now, if any.
SUSPENSION_SQL = """
  (SELECT s.id FROM moderation_suspension s
   WHERE s.user_id = %(user)s AND s.lifted_at IS NULL AND (s.until IS NULL OR s.until > %(now)s)
   ORDER BY s.created_at DESC LIMIT 1)"""


def reader_row(user, columns: str, *, request=None, **params) -> tuple:
    """One row for a signed-in `user`: whether they may take part, their suspension's id, then
    `columns` (SQL with %(user)s, %(email)s and `params`), kept for them (home.cache.reader_part;
    a suspension that has ended since is dropped by `suspension_found`). With the `request`,
    the first answer is kept for `can_take_part`."""

    def asked():
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        sql = f"SELECT {CAN_TAKE_PART_SQL},{SUSPENSION_SQL}{',' if columns else ''}{columns}"
        with connection.cursor() as cursor:
            cursor.execute(sql, {"user": user.pk, "email": user.email, "now": now, **params})
            return cursor.fetchone()

    row = reader_part(user, "row", asked, user.email, columns, sorted(params.items()))
    if request is not None:
        request._torget_can_take_part = bool(row[0])
    return row


def can_take_part(request) -> bool:
    """`accounts.models.has_verified_email` for the person making the request: the page's
    reader row, or the row of the two rules alone (kept like every reader row)."""
    if not hasattr(request, "_torget_can_take_part"):
        if request.user.is_authenticated:
            reader_row(request.user, "", request=request)
        else:
            request._torget_can_take_part = False
    return request._torget_can_take_part


def suspension_found(can_take_part, suspension_id):
    """The Suspension of a reader row while it lasts, loaded only for the few who have one."""
    from moderation.models import Suspension

    if not (can_take_part and suspension_id):
        return None
    found = Suspension.objects.active().filter(pk=suspension_id).first()
    if found is None:  # it has ended since the row was kept; another may still last
        owner = Suspension.objects.filter(pk=suspension_id).values("user")[:1]
        found = Suspension.objects.current(owner).first()
    return found


def is_verified(user) -> bool:
    """Whether the reader is verified as one person (issue 20), kept for them like their row;
    asked only on pages that need it (a poll for verified residents)."""
    from accounts.models import Verification

    if not user.is_authenticated:
        return False
    return reader_part(user, "verified", lambda: Verification.objects.filter(user=user).exists())
