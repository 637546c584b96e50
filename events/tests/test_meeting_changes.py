from datetime import timedelta

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

from events import services
from events.models import EventPage, Registration
from events.tests.test_registration import confirmed_guest, fill, register_guest
from home import retention

pytestmark = pytest.mark.django_db


def republish(page, **changes):
    page = EventPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def test_a_new_time_is_sent_to_everyone_registered(meeting_page, committed, mailoutbox):
    fill(meeting_page, 10)
    confirmed_guest(meeting_page, "waiting@example.org", language="en")
    register_guest(meeting_page, "unconfirmed@example.org")
    mailoutbox.clear()
    with committed():
        republish(meeting_page, start=meeting_page.start + timedelta(hours=1))
    recipients = {email.to[0] for email in mailoutbox}
    assert len(recipients) == 11  # confirmed and waiting; the unconfirmed guest has no place
    assert "unconfirmed@example.org" not in recipients
    english = next(e for e in mailoutbox if e.to == ["waiting@example.org"])
    assert english.subject == "Changed: Fittja assembly"
    event = icalendar.Calendar.from_ical(english.attachments[0][1]).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert event["DTSTART"].dt == meeting_page.start + timedelta(hours=1)


def test_cancelling_the_meeting_tells_everyone(meeting_page, committed, mailoutbox):
    confirmed_guest(meeting_page, "amina@example.org")
    mailoutbox.clear()
    with committed():
        republish(meeting_page, status=EventPage.Status.CANCELLED)
    assert [email.subject for email in mailoutbox] == ["Inställt: Storsamling Fittja"]
    event = icalendar.Calendar.from_ical(mailoutbox[0].attachments[0][1]).walk("VEVENT")[0]
    assert event["STATUS"] == "CANCELLED"


def test_editing_only_the_text_sends_nothing(meeting_page, committed, mailoutbox):
    confirmed_guest(meeting_page, "amina@example.org")
    mailoutbox.clear()
    with committed():
        page = republish(meeting_page, intro="Ny text om mötet.")
    assert mailoutbox == []
    assert page.meeting.sequence == 0


def test_reminders_go_out_once_to_confirmed_participants(meeting_page, committed, mailoutbox):
    page = republish(
        meeting_page,
        start=timezone.now() + timedelta(hours=20),
        end=timezone.now() + timedelta(hours=22),
    )
    confirmed_guest(page, "amina@example.org")
    fill(page, 9)
    confirmed_guest(page, "waiting@example.org")
    mailoutbox.clear()
    with committed():
        call_command("send_meeting_reminders", verbosity=0)
        call_command("send_meeting_reminders", verbosity=0)
    reminded = sorted(email.to[0] for email in mailoutbox)
    assert len(reminded) == 10
    assert "waiting@example.org" not in reminded
    assert all(email.subject == "Påminnelse: Storsamling Fittja" for email in mailoutbox)


def test_no_reminder_for_a_meeting_more_than_a_day_away(meeting_page, committed, mailoutbox):
    confirmed_guest(meeting_page, "amina@example.org")  # the meeting is a week away
    mailoutbox.clear()
    with committed():
        assert services.reminders_send() == 0
    assert mailoutbox == []


def test_personal_data_is_removed_30_days_after_the_meeting_and_counts_stay(meeting_page):
    fill(meeting_page, 3)
    page = republish(
        meeting_page,
        start=timezone.now() - timedelta(days=32),
        end=timezone.now() - timedelta(days=31, hours=22),
    )
    call_command("purge_personal_data", verbosity=0)
    registrations = page.meeting.registrations.all()
    assert registrations.confirmed().count() == 3
    assert set(registrations.values_list("name", "email", "accessibility_needs")) == {("", "", "")}
    assert all(r.purged_at for r in registrations)


def test_recent_meetings_keep_their_registrations(meeting_page):
    fill(meeting_page, 2)
    page = republish(
        meeting_page,
        start=timezone.now() - timedelta(days=10),
        end=timezone.now() - timedelta(days=10) + timedelta(hours=2),
    )
    retention.apply()
    assert set(page.meeting.registrations.values_list("email", flat=True)) == {
        "guest0@example.org",
        "guest1@example.org",
    }


def test_guests_who_never_confirmed_lose_their_details(meeting_page):
    registration = register_guest(meeting_page)
    later = registration.expires_at + timedelta(days=2)
    retention.apply(at=later)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.EXPIRED
    assert (registration.name, registration.email) == ("", "")


def test_no_reminder_to_someone_who_switched_reminders_off(meeting_page, committed, mailoutbox):
    from accounts.tests.factories import UserFactory

    for person in (UserFactory(), UserFactory(reminder_emails=False)):
        registration = confirmed_guest(meeting_page, person.email)
        Registration.objects.filter(pk=registration.pk).update(user=person)
    republish(
        meeting_page,
        start=timezone.now() + timedelta(hours=20),
        end=timezone.now() + timedelta(hours=22),
    )
    mailoutbox.clear()
    with committed():
        assert services.reminders_send() == 1
    assert "/konto/mejl/" in mailoutbox[0].body  # the footer leads to "My emails"
