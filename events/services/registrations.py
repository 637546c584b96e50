"""Every rule that changes a registration: places taken one writer at a time, the waiting line,
guests' confirmation, cancelling, check-in, and the organisers' log."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Verification
from accounts.services import verification_record
from events import emails
from events.models import (
    EventPage,
    Meeting,
    Registration,
    RegistrationLogEntry,
)
from home.services import RuleError


class MeetingError(RuleError):
    """A registration or question that the rules refuse; with the registration it is about."""

    def __init__(self, code: str, message, registration: Registration | None = None):
        super().__init__(code, message)
        self.registration = registration


STATE_MESSAGES = {
    "cancelled": _("This meeting has been cancelled."),
    "past": _("This meeting has already started or taken place."),
    "not_open": _("Registration has not opened yet."),
    "closed": _("Registration for this meeting has closed."),
}


def meeting_lock(meeting: Meeting) -> Meeting:
    """Hold the meeting's row until the transaction ends, so that places are counted and taken
    by one writer at a time. PostgreSQL locks the row; SQLite's IMMEDIATE transactions already
    let only one writer in."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _places_taken(meeting: Meeting) -> int:
    return meeting.registrations.confirmed().places()


def _place(registration: Registration, page: EventPage, at) -> None:
    """Confirm the registration if its party fits, otherwise put it last in line."""
    taken = _places_taken(registration.meeting)
    if page.capacity is None or taken + registration.places <= page.capacity:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = at
    else:
        registration.status = Registration.Status.WAITLISTED
        registration.waitlisted_at = at


def waiting_line_promote(meeting: Meeting, page: EventPage, at) -> list[Registration]:
    """Confirm people from the waiting list, in order, while their party fits the free places.

    A party too large for the places left keeps its position; smaller parties behind it may be
    confirmed so that no place stays empty.
    """
    if page.status == EventPage.Status.CANCELLED or at >= page.start:
        return []
    free = None if page.capacity is None else page.capacity - _places_taken(meeting)
    promoted = []
    for registration in meeting.registrations.waiting_line():
        if free is not None and registration.places > free:
            continue
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = at
        registration.save(update_fields=["status", "confirmed_at"])
        emails.promoted(registration, page)
        promoted.append(registration)
        if free is not None:
            free -= registration.places
            if free <= 0:
                break
    return promoted


def _expire_lapsed(meeting: Meeting, at) -> None:
    meeting.registrations.lapsed(at).update(status=Registration.Status.EXPIRED)


def _announce_placement(registration: Registration, page: EventPage) -> None:
    if registration.status == Registration.Status.CONFIRMED:
        emails.confirmed(registration, page)
    else:
        emails.waitlisted(registration, page)


def _check_open(page: EventPage, at) -> None:
    state = page.registration_state(at)
    if state != "open":
        raise MeetingError(state, STATE_MESSAGES[state])


def registration_create(
    *,
    page: EventPage,
    name: str,
    email: str,
    language: str,
    user=None,
    interpretation_language: str = "",
    accessibility_needs: str = "",
    companions: int = 0,
    consent: bool = False,
    source: str = Registration.Source.GUEST,
    actor=None,
    at=None,
) -> Registration:
    """Register a person. Account holders and staff additions take a place (or join the waiting
    list) at once; a guest's place is taken only when they confirm through the emailed link."""
    at = at or timezone.now()
    email = email.strip().lower()
    if source != Registration.Source.STAFF:
        _check_open(page, at)
    if source == Registration.Source.GUEST and not consent:
        raise MeetingError("consent", _("Please accept how we keep your details."))
    if interpretation_language and interpretation_language not in page.interpretation_languages:
        raise MeetingError("language", _("That interpretation is not offered."))

    with transaction.atomic():
        meeting = meeting_lock(page.meeting)
        _expire_lapsed(meeting, at)
        existing = meeting.registrations.active()
        duplicate = (email and existing.filter(email=email).first()) or (
            user and existing.filter(user=user).first()
        )
        if duplicate:
            raise MeetingError(
                "duplicate", _("You are already registered for this meeting."), duplicate
            )
        registration = Registration(
            meeting=meeting,
            user=user,
            name=name.strip(),
            email=email,
            language=language,
            interpretation_language=interpretation_language,
            accessibility_needs=accessibility_needs.strip(),
            companions=companions,
            source=source,
            created_at=at,
            consented_at=at if consent else None,
        )
        if source == Registration.Source.GUEST:
            registration.status = Registration.Status.UNCONFIRMED
            registration.expires_at = min(
                at + timedelta(hours=settings.TORGET_UNCONFIRMED_HOURS), page.start
            )
        else:
            _place(registration, page, at)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # The same email registered in a parallel request a moment ago.
            raise MeetingError(
                "duplicate",
                _("You are already registered for this meeting."),
                existing.filter(email=email).first(),
            ) from None
        if actor is not None:
            _log(meeting, RegistrationLogEntry.Action.ADDED, actor, registration, at)
        reader_page = meeting.page_in(language)
        if registration.status == Registration.Status.UNCONFIRMED:
            emails.confirmation_request(registration, reader_page)
        elif registration.email:
            _announce_placement(registration, reader_page)
    return registration


def registration_link_resend(*, registration: Registration) -> None:
    """Email the link again: to confirm when unconfirmed, otherwise the current status."""
    page = registration.meeting.page_in(registration.language)
    with transaction.atomic():
        if registration.status == Registration.Status.UNCONFIRMED:
            emails.confirmation_request(registration, page)
        elif registration.is_active:
            _announce_placement(registration, page)


def registration_confirm(*, registration: Registration, at=None) -> Registration:
    """A guest confirms through the emailed link: they take a place or join the waiting list."""
    at = at or timezone.now()
    # Found before the lock, which is held as briefly as can be: the language never changes.
    page = registration.meeting.page_in(registration.language)
    with transaction.atomic():
        meeting = meeting_lock(registration.meeting)
        registration = Registration.objects.select_related("meeting").get(pk=registration.pk)
        registration.meeting = meeting
        if registration.status != Registration.Status.UNCONFIRMED:
            if registration.status == Registration.Status.EXPIRED:
                raise MeetingError("expired", _("This link has expired."), registration)
            if registration.status == Registration.Status.CANCELLED:
                raise MeetingError("cancelled", _("This registration was cancelled."), registration)
            return registration  # confirmed twice: nothing changes
        lapsed = registration.expires_at and registration.expires_at <= at
        if lapsed:
            registration.status = Registration.Status.EXPIRED
            registration.save(update_fields=["status"])
        else:
            _confirm_placed(registration, page, at)
    if lapsed:  # raised after the commit, so that the expiry is kept
        raise MeetingError("expired", _("This link has expired."), registration)
    return registration


def _confirm_placed(registration: Registration, page: EventPage, at) -> None:
    state = page.registration_state(at)
    if state in ("cancelled", "past"):
        raise MeetingError(state, STATE_MESSAGES[state], registration)
    _place(registration, page, at)
    registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
    _announce_placement(registration, page)


def registration_cancel(*, registration: Registration, actor=None, at=None) -> Registration:
    """Cancel and give the freed places to the waiting list, in one transaction."""
    at = at or timezone.now()
    with transaction.atomic():
        meeting = meeting_lock(registration.meeting)
        registration = Registration.objects.get(pk=registration.pk)
        registration.meeting = meeting
        if not registration.is_active:
            return registration
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = at
        registration.save(update_fields=["status", "cancelled_at"])
        page = meeting.page_in(registration.language)
        if actor is not None:
            _log(meeting, RegistrationLogEntry.Action.CANCELLED, actor, registration, at)
        if registration.email:
            emails.cancelled(registration, page)
        if was_confirmed:
            waiting_line_promote(meeting, page, at)
    return registration


def registration_check_in(*, registration: Registration, actor, undo: bool = False, at=None):
    at = at or timezone.now()
    with transaction.atomic():
        registration.attended_at = None if undo else at
        registration.save(update_fields=["attended_at"])
        action = (
            RegistrationLogEntry.Action.CHECK_IN_UNDONE
            if undo
            else RegistrationLogEntry.Action.CHECKED_IN
        )
        _log(registration.meeting, action, actor, registration, at)
    return registration


def registration_verify_in_person(
    *, registration: Registration, actor, document: str, at=None
) -> Registration:
    """An organiser at the door has seen the identity document of an account holder who is
    registered: their account is verified in person. The log keeps who, when and the kind of
    document; nothing from the document itself is kept."""
    if registration.user_id is None:
        raise MeetingError("no_account", _("Only someone with an account can be verified."))
    at = at or timezone.now()
    with transaction.atomic():
        verification_record(user=registration.user, method=Verification.Method.IN_PERSON, at=at)
        RegistrationLogEntry.objects.create(
            meeting=registration.meeting,
            registration=registration,
            actor=actor,
            action=RegistrationLogEntry.Action.VERIFIED_IN_PERSON,
            document=document,
            at=at,
        )
    return registration


def registration_list_exported(*, meeting: Meeting, actor) -> None:
    _log(meeting, RegistrationLogEntry.Action.EXPORTED, actor, None, timezone.now())


def _log(meeting, action, actor, registration, at) -> None:
    RegistrationLogEntry.objects.create(
        meeting=meeting, registration=registration, actor=actor, action=action, at=at
    )
