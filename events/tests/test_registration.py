import re
from datetime import timedelta

import icalendar
import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services
from events.emails import registration_from_token
from events.models import EventPage, Registration
from home.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def register_guest(page, email="amina@example.org", *, companions=0, language="sv", **extra):
    return services.registration_create(
        page=page,
        name=extra.pop("name", "Amina Yusuf"),
        email=email,
        language=language,
        companions=companions,
        consent=True,
        **extra,
    )


def links_to(registration, body: str) -> bool:
    """The email's personal link opens this registration. (Compared by what it opens: the
    signed token carries the second it was made, so a second later it is spelled otherwise.)"""
    found = re.search(r"/anmalan/([^/\s]+)/", body)
    return bool(found) and registration_from_token(found[1]) == registration


def confirmed_guest(page, email, **extra):
    return services.registration_confirm(registration=register_guest(page, email, **extra))


def fill(page, count):
    return [confirmed_guest(page, f"guest{n}@example.org") for n in range(count)]


def test_guest_registration_takes_no_place_until_confirmed(meeting_page, committed, mailoutbox):
    with committed():
        registration = register_guest(meeting_page)
    assert registration.status == Registration.Status.UNCONFIRMED
    assert meeting_page.meeting.registrations.confirmed().places() == 0
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["amina@example.org"]
    assert "Bekräfta din anmälan" in mailoutbox[0].subject
    assert links_to(registration, mailoutbox[0].body)


def test_confirming_takes_a_place_and_sends_the_calendar_file(meeting_page, committed, mailoutbox):
    registration = register_guest(meeting_page, companions=2)
    with committed():
        registration = services.registration_confirm(registration=registration)
    assert registration.status == Registration.Status.CONFIRMED
    assert meeting_page.meeting.registrations.confirmed().places() == 3
    email = mailoutbox[-1]
    assert "Du är anmäld" in email.subject
    assert links_to(registration, email.body)  # the cancel link
    filename, content, mimetype = email.attachments[0]
    assert mimetype == "text/calendar"
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{meeting_page.translation_key}@torget"
    assert event["DTSTART"].dt == meeting_page.start
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event["SEQUENCE"] == 0


def test_confirming_twice_changes_nothing(meeting_page):
    registration = confirmed_guest(meeting_page, "amina@example.org")
    again = services.registration_confirm(registration=registration)
    assert again.status == Registration.Status.CONFIRMED
    assert meeting_page.meeting.registrations.confirmed().count() == 1


def test_account_holder_is_confirmed_at_once(meeting_page, committed, mailoutbox):
    user = UserFactory(email="bo@example.org")
    with committed():
        registration = services.registration_create(
            page=meeting_page,
            user=user,
            name="Bo",
            email=user.email,
            language="en",
            source=Registration.Source.ACCOUNT,
        )
    assert registration.status == Registration.Status.CONFIRMED
    assert mailoutbox[0].subject == "You are registered: Fittja assembly"


def test_full_meeting_puts_people_on_the_waiting_list_in_order(meeting_page, committed, mailoutbox):
    fill(meeting_page, 10)
    first = confirmed_guest(meeting_page, "first@example.org")
    with committed():
        second = confirmed_guest(meeting_page, "second@example.org", language="en")
    assert first.status == second.status == Registration.Status.WAITLISTED
    assert first.waitlist_position() == 1
    assert second.waitlist_position() == 2
    assert "number 2 in line" in mailoutbox[-1].body


def test_companions_count_against_capacity(meeting_page):
    fill(meeting_page, 8)
    party = confirmed_guest(meeting_page, "party@example.org", companions=2)
    assert party.status == Registration.Status.WAITLISTED
    assert confirmed_guest(meeting_page, "pair@example.org", companions=1).status == "confirmed"
    assert meeting_page.meeting.registrations.confirmed().places() == 10


def test_cancelling_gives_the_place_to_the_first_in_line(meeting_page, committed, mailoutbox):
    people = fill(meeting_page, 10)
    first = confirmed_guest(meeting_page, "first@example.org")
    second = confirmed_guest(meeting_page, "second@example.org")
    with committed():
        services.registration_cancel(registration=people[0])
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITLISTED
    assert second.waitlist_position() == 1
    subjects = {email.to[0]: email.subject for email in mailoutbox}
    assert subjects["first@example.org"].startswith("Du har fått en plats")
    assert subjects["guest0@example.org"].startswith("Anmälan avbokad")


def test_a_party_too_large_for_the_freed_place_keeps_its_position(meeting_page):
    people = fill(meeting_page, 10)
    party = confirmed_guest(meeting_page, "party@example.org", companions=2)
    single = confirmed_guest(meeting_page, "single@example.org")
    services.registration_cancel(registration=people[0])
    party.refresh_from_db()
    single.refresh_from_db()
    assert party.status == Registration.Status.WAITLISTED
    assert party.waitlist_position() == 1
    assert single.status == Registration.Status.CONFIRMED


def test_raising_the_capacity_promotes_from_the_waiting_list(meeting_page, meeting_page_en):
    fill(meeting_page, 10)
    waiting = [confirmed_guest(meeting_page, f"w{n}@example.org") for n in range(3)]
    meeting_page.capacity = 12
    meeting_page.save_revision().publish()
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    meeting_page_en.refresh_from_db()
    assert meeting_page_en.capacity == 12


def test_translations_cannot_change_shared_facts(meeting_page, meeting_page_en):
    meeting_page_en.capacity = 500
    meeting_page_en.title = "Fittja assembly (updated)"
    meeting_page_en.save_revision().publish()
    meeting_page_en.refresh_from_db()
    assert meeting_page_en.capacity == 10
    assert meeting_page_en.title == "Fittja assembly (updated)"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "not_open"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "closed"),
        ({"status": EventPage.Status.CANCELLED}, "cancelled"),
        (
            {
                "start": timezone.now() - timedelta(hours=1),
                "end": timezone.now() + timedelta(hours=1),
            },
            "past",
        ),
    ],
)
def test_registration_outside_the_window_is_refused(meeting_page, change, code):
    for name, value in change.items():
        setattr(meeting_page, name, value)
    meeting_page.save_revision().publish()
    with pytest.raises(services.MeetingError) as refused:
        register_guest(EventPage.objects.get(pk=meeting_page.pk))
    assert refused.value.code == code
    assert not Registration.objects.exists()


def test_the_same_email_cannot_register_twice(meeting_page):
    first = register_guest(meeting_page, "Amina@Example.org")
    with pytest.raises(services.MeetingError) as refused:
        register_guest(meeting_page, "amina@example.org")
    assert refused.value.code == "duplicate"
    assert refused.value.registration == first


def test_after_cancelling_one_can_register_again(meeting_page):
    services.registration_cancel(registration=confirmed_guest(meeting_page, "amina@example.org"))
    again = register_guest(meeting_page, "amina@example.org")
    assert again.status == Registration.Status.UNCONFIRMED


def test_the_database_refuses_two_active_registrations_for_one_email(meeting_page):
    register_guest(meeting_page)
    duplicate = Registration(
        meeting=meeting_page.meeting,
        name="Copy",
        email="amina@example.org",
        status=Registration.Status.CONFIRMED,
        source=Registration.Source.GUEST,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_guests_must_consent(meeting_page):
    with pytest.raises(services.MeetingError) as refused:
        services.registration_create(
            page=meeting_page, name="A", email="a@example.org", language="sv", consent=False
        )
    assert refused.value.code == "consent"


def test_unconfirmed_registration_expires_after_a_day(meeting_page):
    registration = register_guest(meeting_page)
    assert registration.expires_at == registration.created_at + timedelta(hours=24)
    later = registration.created_at + timedelta(hours=25)
    with pytest.raises(services.MeetingError) as refused:
        services.registration_confirm(registration=registration, at=later)
    assert refused.value.code == "expired"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.EXPIRED


def test_unconfirmed_registration_expires_when_the_meeting_starts(meeting_page):
    meeting_page.start = timezone.now() + timedelta(hours=3)
    meeting_page.end = meeting_page.start + timedelta(hours=2)
    meeting_page.save_revision().publish()
    registration = register_guest(EventPage.objects.get(pk=meeting_page.pk))
    assert registration.expires_at == EventPage.objects.get(pk=meeting_page.pk).start


def test_an_expired_registration_does_not_block_a_new_one(meeting_page):
    registration = register_guest(meeting_page)
    Registration.objects.filter(pk=registration.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    again = register_guest(meeting_page)
    assert again.pk != registration.pk
    registration.refresh_from_db()
    assert registration.status == Registration.Status.EXPIRED


def test_no_email_is_sent_when_the_transaction_is_rolled_back(meeting_page, committed, mailoutbox):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        register_guest(meeting_page)
        raise RuntimeError("something later failed")
    assert mailoutbox == []
    assert not OutgoingEmail.objects.exists()
