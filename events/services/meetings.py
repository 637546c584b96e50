"""What follows a meeting page: publishing shares time and place across its languages and tells
those registered what changed; reminders the day before; personal data forgotten after the
meeting."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events import emails
from events.models import (
    EventPage,
    Meeting,
    Registration,
)
from events.services.registrations import meeting_lock, waiting_line_promote
from home.translations import translations_synchronise


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
    versions, tell registered people what changed, and fill raised capacity from the line.
    A page only scheduled to go live (Wagtail says "published" then too) waits until it does."""
    if not page.live:
        return
    at = at or timezone.now()
    with transaction.atomic():
        source = translations_synchronise(page=page)
        meeting = meeting_lock(source.meeting)
        schedule = _schedule(source)
        changed = bool(meeting.announced) and meeting.announced != schedule
        if changed:
            meeting.sequence += 1
        meeting.announced = schedule
        meeting.save(update_fields=["sequence", "announced"])
        if changed:
            _announce_change(meeting, cancelled=source.status == EventPage.Status.CANCELLED)
        waiting_line_promote(meeting, source, at)


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
    the registrations stay as counts (the rule in events.personal_data holds the period)."""
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
