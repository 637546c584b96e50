"""Every rule that changes a registration or a question. Views, the admin and commands call
these; nothing else writes those tables."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events import emails
from events.models import (
    EventPage,
    Meeting,
    Question,
    QuestionSupport,
    Registration,
    RegistrationLogEntry,
)
from events.models.pages import SHARED_FIELDS
from home.models import DistrictPage
from home.services import RuleError, counted_toggle


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


def _meeting_lock(meeting: Meeting) -> Meeting:
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


def _promote(meeting: Meeting, page: EventPage, at) -> list[Registration]:
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
        meeting = _meeting_lock(page.meeting)
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
    with transaction.atomic():
        meeting = _meeting_lock(registration.meeting)
        registration = Registration.objects.select_related("meeting").get(pk=registration.pk)
        registration.meeting = meeting
        if registration.status != Registration.Status.UNCONFIRMED:
            if registration.status == Registration.Status.EXPIRED:
                raise MeetingError("expired", _("This link has expired."), registration)
            if registration.status == Registration.Status.CANCELLED:
                raise MeetingError("cancelled", _("This registration was cancelled."), registration)
            return registration  # confirmed twice: nothing changes
        page = meeting.page_in(registration.language)
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
        meeting = _meeting_lock(registration.meeting)
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
            _promote(meeting, page, at)
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


def registration_list_exported(*, meeting: Meeting, actor) -> None:
    _log(meeting, RegistrationLogEntry.Action.EXPORTED, actor, None, timezone.now())


def _log(meeting, action, actor, registration, at) -> None:
    RegistrationLogEntry.objects.create(
        meeting=meeting, registration=registration, actor=actor, action=action, at=at
    )


def _schedule(page: EventPage) -> dict:
    return {
        "start": page.start.isoformat(),
        "end": page.end.isoformat(),
        "venue_name": page.venue_name,
        "street_address": page.street_address,
        "status": page.status,
    }


def meeting_published(*, page: EventPage, at=None) -> None:
    """After any language version is published: share time, place and capacity across the
    versions, tell registered people what changed, and fill raised capacity from the line."""
    at = at or timezone.now()
    default_locale = Locale.get_default()
    source = page if page.locale_id == default_locale.pk else None
    source = source or page.get_translation_or_none(default_locale) or page
    source = EventPage.objects.get(pk=source.pk)  # the published values, not a draft's
    with transaction.atomic():
        _share_fields(source)
        meeting = _meeting_lock(source.meeting)
        schedule = _schedule(source)
        changed = bool(meeting.announced) and meeting.announced != schedule
        if changed:
            meeting.sequence += 1
        meeting.announced = schedule
        meeting.save(update_fields=["sequence", "announced"])
        if changed:
            _announce_change(meeting, cancelled=source.status == EventPage.Status.CANCELLED)
        _promote(meeting, source, at)


def _announce_change(meeting: Meeting, *, cancelled: bool) -> None:
    """Tell everyone holding or waiting for a place; unconfirmed guests hear it if they confirm."""
    pages = {}
    for registration in meeting.registrations.active().exclude(email=""):
        if registration.language not in pages:
            pages[registration.language] = meeting.page_in(registration.language)
        reader_page = pages[registration.language]
        if cancelled:
            emails.meeting_cancelled(registration, reader_page)
        elif registration.status != Registration.Status.UNCONFIRMED:
            emails.meeting_changed(registration, reader_page)


def _share_fields(source: EventPage) -> None:
    values = {name: getattr(source, name) for name in SHARED_FIELDS}
    districts = list(source.districts.all())
    for translation in EventPage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    ):
        EventPage.objects.filter(pk=translation.pk).update(**values)
        keys = [district.translation_key for district in districts]
        localized = DistrictPage.objects.filter(
            translation_key__in=keys, locale_id=translation.locale_id
        )
        by_key = {district.translation_key: district for district in localized}
        translation.districts.set([by_key.get(d.translation_key, d) for d in districts])


def reminders_send(*, at=None) -> int:
    """Remind confirmed participants about a day before. Each reminder is claimed with one
    UPDATE, so running this often, or twice at once, sends each reminder once."""
    at = at or timezone.now()
    window_end = at + timedelta(hours=settings.TORGET_REMINDER_HOURS)
    pages = EventPage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE,
        start__gt=at,
        start__lte=window_end,
        status=EventPage.Status.SCHEDULED,
    )
    keys = list(pages.values_list("translation_key", flat=True))
    due = (
        Registration.objects.confirmed()
        .filter(meeting__translation_key__in=keys, reminder_sent_at__isnull=True)
        .exclude(email="")
        .exclude(user__reminder_emails=False)  # switched off on "My emails"
        .select_related("meeting")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=at)
            if claimed:
                emails.reminder(registration, registration.meeting.page_in(registration.language))
                sent += 1
    return sent


def registrations_forget(*, registrations, at) -> int:
    """Blank who registered and what they need; the rows stay, so the counts do."""
    return registrations.filter(purged_at__isnull=True).update(
        name="",
        email="",
        user=None,
        accessibility_needs="",
        interpretation_language="",
        purged_at=at,
    )


def registrations_purge_ended(*, before, at) -> int:
    """Names, emails and needs go from registrations for meetings that ended before `before`;
    the registrations stay as counts (home.retention holds the period)."""
    keys = EventPage.objects.filter(end__lt=before).values_list("translation_key")
    return registrations_forget(
        registrations=Registration.objects.filter(meeting__translation_key__in=keys), at=at
    )


def registrations_purge_unconfirmed(*, before, at) -> int:
    """Guests whose confirmation link lapsed before `before` lose their details."""
    Registration.objects.lapsed(before).update(status=Registration.Status.EXPIRED)
    return registrations_forget(
        registrations=Registration.objects.filter(status=Registration.Status.EXPIRED), at=at
    )


# Questions


def question_create(*, page: EventPage, author, text: str, at=None) -> Question:
    """A question is published at once, or held for a moderator (new accounts, watched words)."""
    from moderation import services as moderation

    at = at or timezone.now()
    if page.status == EventPage.Status.CANCELLED or at >= page.start:
        raise MeetingError("closed", _("Questions can be asked until the meeting starts."))
    try:
        verdict = moderation.gate(author=author, text=text, at=at)
    except moderation.ModerationError as error:
        raise MeetingError(error.code, error.message) from None
    with transaction.atomic():
        question = Question.objects.create(
            meeting=page.meeting, author=author, text=text.strip(), status=verdict.status
        )
        moderation.record_hold(item=question, verdict=verdict)
    return question


def question_support_toggle(*, question: Question, user) -> bool:
    """Support a question once, or take the support back; True when the user now supports it."""
    if question.author_id == user.pk:
        raise MeetingError("own", _("You cannot support your own question."))
    return counted_toggle(
        mark=QuestionSupport, target=question, counter="support_count", question=question, user=user
    )


def question_answer(*, question: Question, answer: str, by) -> Question:
    question.answer = answer.strip()
    question.answered_by = by if question.answer else None
    question.answered_at = timezone.now() if question.answer else None
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    return question
