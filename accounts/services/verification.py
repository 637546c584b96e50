"""Verification that an account is one person, and the content apps that count it."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.services import RuleError

# What counts verified people (proposals' supporters, polls' votes) lives in content apps;
# each registers here, in its AppConfig.ready(), what to do when a person's verification comes
# or goes, so that accounts imports none of them.
_verification_listeners = []


def on_verification_changed(listener) -> None:
    """`listener(user=...)` runs, in the same transaction, after a verification of `user`
    is recorded or removed."""
    if listener not in _verification_listeners:
        _verification_listeners.append(listener)


def _verification_changed(user) -> None:
    for listener in _verification_listeners:
        listener(user=user)


def verification_record(*, user, method: str, person_hash: str | None = None, at=None):
    """Mark the account verified by `method`, replacing an earlier verification of it; a
    verification at the door leaves an e-identification in place (it says more)."""
    from accounts.models import Verification

    current = Verification.objects.filter(user=user).first()
    if current and current.method == Verification.Method.EID and method != current.method:
        return current
    with transaction.atomic():
        verification, _created = Verification.objects.update_or_create(
            user=user,
            defaults={
                "method": method,
                "verified_at": at or timezone.now(),
                "person_hash": person_hash,
            },
        )
        if current is None:
            _verification_changed(user)
    return verification


class VerificationError(RuleError):
    """A verification the rules refuse: one person, one verified account."""


def verification_record_eid(*, user, person_hash: str, at=None):
    """The person has identified themselves with e-identification. Refused when another
    account already holds this person's verification; the message names that account's
    address, masked, so its owner knows where to remove it first."""
    from accounts import eid
    from accounts.models import Verification

    def refusal(holder):
        return VerificationError(
            "held_elsewhere",
            _(
                "This e-identification already verifies the account %(email)s. One person can "
                "verify one account: to move the verification here, log in to that account, "
                "remove the verification on its profile, and verify again from this account."
            )
            % {"email": eid.masked_email(holder.user.email)},
        )

    holder = Verification.objects.held_by(person_hash)
    if holder is not None and holder.user_id != user.pk:
        raise refusal(holder)
    try:
        with transaction.atomic():
            return verification_record(
                user=user, method=Verification.Method.EID, person_hash=person_hash, at=at
            )
    except IntegrityError:  # another account took it in the same moment
        raise refusal(Verification.objects.held_by(person_hash)) from None


def verification_remove(*, user) -> bool:
    """The person removes their verification (or moves it to another account of theirs)."""
    from accounts.models import Verification

    with transaction.atomic():
        removed, _kinds = Verification.objects.filter(user=user).delete()
        if removed:
            _verification_changed(user)
    return bool(removed)


def verification_forget(*, user, at=None) -> None:
    """The account goes: its verification first of all, so that supports and votes counted as
    a verified person's count again without it (home.personal_data.Stage.VERIFICATION)."""
    verification_remove(user=user)
