import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services
from events.emails import registration_token
from events.models import EventPage, Registration
from events.tests.factories import EventPageFactory, RegistrationFactory
from events.tests.test_registration import confirmed_guest, fill, register_guest
from home.tests.factories import DistrictPageFactory

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Amina Yusuf",
    "email": "amina@example.org",
    "companions": "1",
    "interpretation_language": "ar",
    "accessibility_needs": "Rullstol",
    "consent": "on",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def register_url(page):
    return page.url + "anmalan/"


def link_in(email):
    return re.search(r"https?://[^\s]+/anmalan/[^\s]+/", email.body).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


# The list


def test_the_list_shows_upcoming_soonest_first_and_past_below(client, meeting_index):
    later = EventPageFactory(parent=meeting_index, title="Senare möte")
    sooner = EventPageFactory(
        parent=meeting_index, title="Snart möte", start=timezone.now() + timedelta(days=1)
    )
    EventPageFactory(
        parent=meeting_index,
        title="Förra mötet",
        start=timezone.now() - timedelta(days=30),
    )
    html = client.get(meeting_index.url).content.decode()
    upcoming, past = html.split('id="past-heading"')
    assert upcoming.index(sooner.title) < upcoming.index(later.title)
    assert "Förra mötet" in past and "Förra mötet" not in upcoming
    assert "10 platser kvar" in upcoming


def test_cards_say_when_a_meeting_is_full_or_closed(client, meeting_index):
    full = EventPageFactory(parent=meeting_index, title="Fullt möte", capacity=1)
    confirmed_guest(full, "a@example.org")
    EventPageFactory(
        parent=meeting_index,
        title="Stängt möte",
        registration_closes_at=timezone.now() - timedelta(hours=1),
    )
    html = client.get(meeting_index.url).content.decode()
    assert "Fullt – väntelista" in html
    assert "Anmälan stängd" in html


def test_the_list_filters_by_district_and_kind(client, meeting_index, site_tree):
    alby = DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")
    walk = EventPageFactory(
        parent=meeting_index, title="Vandring i Alby", kind=EventPage.Kind.SAFETY_WALK
    )
    walk.districts.set([alby])
    walk.save_revision().publish()
    other = EventPageFactory(parent=meeting_index, title="Möte i Fittja")
    other.districts.set([site_tree["district"]])
    other.save_revision().publish()
    html = client.get(meeting_index.url, {"district": "alby"}).content.decode()
    assert "Vandring i Alby" in html and "Möte i Fittja" not in html
    html = client.get(meeting_index.url, {"kind": "assembly"}).content.decode()
    assert "Vandring i Alby" not in html and "Möte i Fittja" in html


def test_the_list_uses_the_same_queries_for_one_meeting_or_thirty(
    client, meeting_index, django_assert_max_num_queries
):
    EventPageFactory(parent=meeting_index)
    with django_assert_max_num_queries(30) as few:
        client.get(meeting_index.url)
    for _ in range(29):
        page = EventPageFactory(parent=meeting_index)
        fill(page, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(meeting_index.url)


def test_district_and_home_pages_list_upcoming_meetings(client, meeting_page, site_tree):
    assert "Storsamling Fittja" in client.get(site_tree["district"].url).content.decode()
    assert "Storsamling Fittja" in client.get(site_tree["home"].url).content.decode()
    assert "Fittja assembly" in client.get(site_tree["district_en"].url).content.decode()


# The meeting page


def test_the_page_shows_the_practical_facts(client, meeting_page):
    html = client.get(meeting_page.url).content.decode()
    assert "Folkets hus" in html
    assert "https://www.openstreetmap.org/search?query=Fittja+torg+9" in html
    assert "arabiska, somaliska" in html
    assert "10 platser kvar" in html


def test_the_online_link_is_shown_only_to_confirmed_participants(client, meeting_page):
    meeting_page.online_url = "https://meet.example.org/fittja"
    meeting_page.save_revision().publish()
    person = UserFactory()
    client.force_login(person)
    assert "meet.example.org" not in client.get(meeting_page.url).content.decode()
    client.post(register_url(meeting_page), {"companions": "0"})
    assert "meet.example.org" in client.get(meeting_page.url).content.decode()


def test_the_page_queries_do_not_grow_with_registrations_or_questions(
    client, meeting_page, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as few:
        client.get(meeting_page.url)
    fill(meeting_page, 10)
    confirmed_guest(meeting_page, "w@example.org")
    authors = UserFactory.create_batch(5)
    for author in authors:
        question = services.question_create(page=meeting_page, author=author, text="Fråga?")
        services.question_support_toggle(question=question, user=authors[0]) if author != authors[
            0
        ] else None
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(meeting_page.url)


def test_the_page_describes_the_meeting_for_search_engines(client, meeting_page):
    html = client.get(meeting_page.url).content.decode()
    payload = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Storsamling Fittja"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["streetAddress"] == "Fittja torg 9, 145 50 Norsborg"
    assert data["offers"]["price"] == 0
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["startDate"].endswith("+01:00")


def test_json_ld_cannot_be_broken_out_of(client, meeting_index):
    page = EventPageFactory(parent=meeting_index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html


# Guest registration, start to end


def test_a_guest_registers_confirms_by_button_and_cancels(
    client, meeting_page, committed, mailoutbox
):
    with committed():
        response = client.post(register_url(meeting_page), GUEST, follow=True)
    assert "Nästan klart" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.companions, registration.interpretation_language) == (1, "ar")
    link = path_of(link_in(mailoutbox[0]))

    # Opening the link (as a mail scanner would) confirms nothing.
    page = client.get(link).content.decode()
    assert "Bekräfta min anmälan" in page
    registration.refresh_from_db()
    assert registration.status == Registration.Status.UNCONFIRMED

    with committed():
        response = client.post(link, {"action": "confirm"}, follow=True)
    assert "Din plats är bekräftad" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert mailoutbox[-1].attachments[0][2] == "text/calendar"

    response = client.post(link, {"action": "cancel"}, follow=True)
    assert "Din anmälan är avbokad" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_a_forged_link_is_not_found(client, meeting_page):
    registration = register_guest(meeting_page)
    token = registration_token(registration)
    assert client.get(f"/anmalan/{token}x/").status_code == 404


def test_an_english_guest_gets_english_messages_and_email(
    client, meeting_page_en, committed, mailoutbox
):
    with committed():
        response = client.post(register_url(meeting_page_en), GUEST, follow=True)
    assert "Almost done" in response.content.decode()
    assert mailoutbox[0].subject == "Confirm your registration: Fittja assembly"
    assert "/en/anmalan/" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("language", "change", "message"),
    [
        ("sv", {"email": "inte-en-adress"}, "Fyll i en giltig e-postadress."),
        ("sv", {"consent": ""}, "Godkänn hur vi sparar dina uppgifter."),
        ("en", {"email": "not-an-address"}, "Enter a valid email address."),
        ("en", {"consent": ""}, "Please accept how we keep your details."),
        ("sv", {"interpretation_language": "fi"}, "Välj ett giltigt alternativ."),
    ],
)
def test_bad_input_gets_a_message_at_the_field(
    client, meeting_page, meeting_page_en, language, change, message
):
    page = meeting_page if language == "sv" else meeting_page_en
    response = client.post(register_url(page), {**GUEST, **change})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="Amina Yusuf"' in html  # nothing typed is lost
    assert not Registration.objects.exists()


def test_a_second_registration_is_told_and_offered_the_link_again(
    client, meeting_page, committed, mailoutbox
):
    register_guest(meeting_page, "amina@example.org")
    response = client.post(register_url(meeting_page), GUEST)
    html = response.content.decode()
    assert "Du är redan anmäld till mötet." in html
    assert "Skicka länken igen" in html
    mailoutbox.clear()
    with committed():
        client.post(meeting_page.url + "anmalan/skicka-igen/", {"email": "amina@example.org"})
    assert [email.to for email in mailoutbox] == [["amina@example.org"]]


@pytest.mark.parametrize("change", [{"status": "cancelled"}, {"capacity": 1}])
def test_closed_or_full_meetings_say_so(client, meeting_page, change):
    for name, value in change.items():
        setattr(meeting_page, name, value)
    meeting_page.save_revision().publish()
    if "capacity" in change:
        confirmed_guest(meeting_page, "first@example.org")
        html = client.get(meeting_page.url).content.decode()
        assert "Ställ dig på väntelistan" in html
    else:
        html = client.get(meeting_page.url).content.decode()
        assert "Mötet är inställt." in html
        assert 'name="consent"' not in html


@override_settings(TORGET_GUEST_REGISTRATIONS_PER_HOUR=2)
def test_guest_registration_is_rate_limited_per_address(client, meeting_page):
    for n in range(2):
        client.post(register_url(meeting_page), {**GUEST, "email": f"p{n}@example.org"})
    response = client.post(register_url(meeting_page), {**GUEST, "email": "p3@example.org"})
    assert response.status_code == 429
    assert "För många anmälningar" in response.content.decode()
    assert Registration.objects.count() == 2


def test_a_bot_filling_the_honeypot_registers_nothing(client, meeting_page):
    client.post(register_url(meeting_page), {**GUEST, "website": "http://spam.example"})
    assert not Registration.objects.exists()


# Account holders


def test_an_account_holder_registers_in_one_step_and_sees_it(client, meeting_page):
    person = UserFactory(display_name="Bo")
    client.force_login(person)
    html = client.get(meeting_page.url).content.decode()
    assert 'name="email"' not in html
    response = client.post(register_url(meeting_page), {"companions": "0"}, follow=True)
    assert "Du är anmäld. Vi har skickat en bekräftelse" in response.content.decode()
    assert Registration.objects.get().user == person
    html = client.get("/konto/moten/").content.decode()
    assert "Storsamling Fittja" in html


def test_my_meetings_cancels_and_promotes(client, meeting_page):
    person = UserFactory()
    client.force_login(person)
    client.post(register_url(meeting_page), {"companions": "0"})
    fill(meeting_page, 9)
    waiting = confirmed_guest(meeting_page, "waiting@example.org")
    mine = Registration.objects.get(user=person)
    client.post(f"/konto/moten/{mine.pk}/avboka/")
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED


def test_nobody_can_cancel_someone_elses_registration(client, meeting_page):
    other = RegistrationFactory(meeting=meeting_page.meeting, user=UserFactory())
    client.force_login(UserFactory())
    assert client.post(f"/konto/moten/{other.pk}/avboka/").status_code == 404


def test_questions_need_an_account_and_are_listed_by_support(client, meeting_page):
    response = client.post(meeting_page.url + "fragor/", {"text": "Hur blir det?"})
    assert response.status_code == 302 and "/konto/login/" in response.url
    asker, supporter = UserFactory.create_batch(2)
    client.force_login(asker)
    client.post(meeting_page.url + "fragor/", {"text": "När byts belysningen?"})
    question = meeting_page.meeting.questions.get()
    client.force_login(supporter)
    client.post(meeting_page.url + f"fragor/{question.pk}/stod/")
    html = client.get(meeting_page.url).content.decode()
    assert "När byts belysningen?" in html
    assert "1 stödjer frågan" in html
    assert 'aria-pressed="true"' in html


# Calendar files


def test_calendar_feeds_list_upcoming_meetings_with_stable_uids(client, meeting_page, site_tree):
    response = client.get("/kalender.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Storsamling Fittja"]
    assert str(events[0]["UID"]) == f"meeting-{meeting_page.translation_key}@torget"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    english = icalendar.Calendar.from_ical(client.get("/en/kalender.ics").content)
    assert [str(e["SUMMARY"]) for e in english.walk("VEVENT")] == ["Fittja assembly"]
    assert str(english.walk("VEVENT")[0]["UID"]) == str(events[0]["UID"])
    DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")
    other = icalendar.Calendar.from_ical(client.get("/kalender.ics?district=alby").content)
    assert other.walk("VEVENT") == []
    assert client.get("/kalender.ics?district=okand").status_code == 404


def test_each_meeting_has_its_own_calendar_file(client, meeting_page):
    response = client.get(f"/kalender/{meeting_page.translation_key}.ics")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Folkets hus, Fittja torg 9, 145 50 Norsborg"
    assert event["STATUS"] == "CONFIRMED"
