"""Voting: the one way a vote is cast."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Verification, has_verified_email
from home.services import RuleError
from polls.models import Poll, PollOption, Vote


class PollError(RuleError):
    """A vote the rules refuse."""


def vote_cast(*, poll: Poll, user, option: PollOption, district=None, at=None) -> Vote:
    """One vote per confirmed account while the poll is open; the district, when given, is
    one of the poll's."""
    at = at or timezone.now()
    if not has_verified_email(user):
        raise PermissionDenied
    if option.poll_id != poll.pk:
        raise PermissionDenied
    if district is not None and district.pk not in {d.pk for d in poll.districts.all()}:
        raise PermissionDenied
    if not poll.is_open(at):
        if poll.is_closed(at):
            raise PollError("closed", _("The poll has closed; the results are below."))
        raise PollError("not_open", _("The poll has not opened yet."))
    verified = Verification.objects.filter(user=user).exists()
    if poll.verified_only and not verified:
        raise PollError(
            "not_verified",
            _(
                "Only residents verified as one person can vote in this poll. You can verify "
                "yourself on your profile, or by showing an identity document at the check-in "
                "of a meeting."
            ),
        )
    try:
        with transaction.atomic():
            return Vote.objects.create(
                poll=poll,
                option=option,
                user=user,
                district=district,
                verified=verified,
                created_at=at,
            )
    except IntegrityError:
        raise PollError("voted", _("You have already voted in this poll.")) from None


def votes_unlink(*, before, at=None) -> int:
    """Votes in polls that closed before `before` lose the account that gave them; they stay
    in the results (home.retention)."""
    return Vote.objects.filter(poll__closes_at__lt=before, user__isnull=False).update(user=None)


def votes_of_person_unlink(*, user, at=None) -> None:
    """The person's account goes: their votes stay in the results, without them."""
    Vote.objects.filter(user=user).update(user=None)
