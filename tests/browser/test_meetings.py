import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from events import services
from events.models import Question, Registration
from events.tests.factories import EventPageFactory
from tests.browser.test_site import assert_accessible


def fresh(url):
    """The browser may keep an anonymous page for minutes; a new query string asks again."""
    return f"{url}?v={len(mail.outbox)}"


def test_a_guest_registers_confirms_from_the_email_and_cancels(page, meeting_page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(meeting_page.url)
    page.get_by_label("Ditt namn").fill("Amina Yusuf")
    page.get_by_label("Din e-postadress").fill("amina@example.org")
    page.get_by_label("Kommer någon med dig?").select_option(label="1 person till")
    page.get_by_label("Behöver du tolk?").select_option(label="arabiska")
    page.get_by_label("Jag godkänner").check()
    page.get_by_role("button", name="Anmäl mig").click()
    expect(page.get_by_text("Nästan klart")).to_be_visible()

    link = re.search(r"https?://\S+/anmalan/\S+/", mail.outbox[0].body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    expect(page.get_by_role("heading", level=1)).to_have_text("Din anmälan")
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED
    assert_accessible(page)
    page.get_by_role("button", name="Bekräfta min anmälan").click()
    expect(page.get_by_text("Din plats är bekräftad. Välkommen!")).to_be_visible()
    assert mail.outbox[-1].subject == "Du är anmäld: Storsamling Fittja"

    page.get_by_role("button", name="Avboka min anmälan").click()
    expect(page.get_by_text("Din anmälan är avbokad.")).to_be_visible()
    assert Registration.objects.get().status == Registration.Status.CANCELLED


def test_mistakes_are_shown_at_the_fields_and_keep_what_was_typed(page, meeting_page):
    page.goto(meeting_page.url)
    page.get_by_label("Ditt namn").fill("Amina Yusuf")
    page.get_by_label("Din e-postadress").fill("amina")
    page.get_by_role("button", name="Anmäl mig").click()
    expect(page.get_by_role("alert")).to_contain_text("Rätta fälten")
    email = page.get_by_label("Din e-postadress")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Fyll i en giltig e-postadress.")).to_be_visible()
    expect(page.get_by_text("Godkänn hur vi sparar dina uppgifter.")).to_be_visible()
    expect(page.get_by_label("Ditt namn")).to_have_value("Amina Yusuf")
    assert_accessible(page)


def test_an_account_holder_registers_asks_and_finds_it_under_my_meetings(page, meeting_page):
    person = UserFactory(display_name="Bo")
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill(person.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.goto(meeting_page.url)
    page.get_by_role("button", name="Anmäl mig").click()
    expect(page.get_by_text("Du är anmäld till mötet.")).to_be_visible()
    page.get_by_label("Din fråga").fill("När byts belysningen vid torget?")
    page.get_by_role("button", name="Ställ frågan").click()
    expect(page.get_by_text("När byts belysningen vid torget?")).to_be_visible()
    assert_accessible(page)
    page.goto("/konto/moten/")
    expect(page.get_by_role("link", name="Storsamling Fittja")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["meetings", "meeting", "meeting_en", "past_meeting", "district", "home"]
)
def test_meeting_pages_have_no_accessibility_violations(page, meeting_page, site_tree, path):
    past = EventPageFactory(
        parent=meeting_page.get_parent(),
        title="Storsamling Fittja i våras",
        start=timezone.now() - timedelta(days=60),
        minutes=json.dumps([{"type": "paragraph", "value": "<p>96 personer deltog.</p>"}]),
    )
    question = services.question_create(
        page=meeting_page, author=UserFactory(), text="Kan fritidsgården ha öppet längre?"
    )
    services.question_answer(question=question, answer="Ja, till kl. 22.", by=UserFactory())
    Question.objects.filter(pk=question.pk).update(meeting=past.meeting)
    urls = {
        "meetings": meeting_page.get_parent().url,
        "meeting": meeting_page.url,
        "meeting_en": meeting_page.get_translation(site_tree["home_en"].locale).url,
        "past_meeting": past.url,
        "district": site_tree["district"].url,
        "home": site_tree["home"].url,
    }
    page.goto(fresh(urls[path]))
    expect(page.get_by_text(re.compile("Storsamling Fittja|Fittja assembly")).first).to_be_visible()
    assert_accessible(page)


def test_an_organiser_checks_people_in_on_a_phone(page, meeting_page):
    from accounts.services import ORGANISERS
    from events.tests.test_registration import confirmed_guest

    confirmed_guest(meeting_page, "amina@example.org", name="Amina Yusuf")
    organiser = UserFactory(groups=[ORGANISERS])
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill(organiser.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.goto(f"/admin/moten/{meeting_page.meeting.pk}/incheckning/")
    page.get_by_label("Namn eller e-post").fill("amina")
    page.get_by_role("button", name="Sök").click()
    page.get_by_role("button", name="Checka in Amina Yusuf").click()
    expect(page.get_by_role("button", name=re.compile("Incheckad"))).to_be_visible()
    assert Registration.objects.get().attended_at is not None


def test_an_organiser_verifies_an_account_holder_at_the_door(page, meeting_page):
    from accounts.models import Verification
    from accounts.services import ORGANISERS
    from events.tests.test_admin import held_by_account
    from tests.browser.test_forum import log_in

    resident = held_by_account(meeting_page, "Bilal Yusuf").user
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, UserFactory(groups=[ORGANISERS]))
    page.goto(f"/admin/moten/{meeting_page.meeting.pk}/incheckning/")
    page.get_by_label("Id-handling som visats").select_option(label="Id-kort från Skatteverket")
    page.get_by_role("button", name="Verifiera på plats Bilal Yusuf").click()
    expect(page.get_by_text("Bilal Yusuf är verifierad på plats.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Verifierad \(på plats,"))).to_be_visible()
    assert Verification.objects.get().user == resident
