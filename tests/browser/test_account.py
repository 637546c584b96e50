"""A resident downloads what is stored about them, then deletes the account."""

import datetime
import json

import pytest
from playwright.sync_api import expect

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from events import services as meeting_services
from events.models import Registration
from forums import services as forum_services
from home.models import AccessibilityStatementPage, KnownProblem
from home.tests.factories import StandardPageFactory
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible


@pytest.fixture
def resident(forum, meeting_page):
    from forums.models import Category

    person = UserFactory(display_name="Amina")
    thread = forum_services.thread_create(
        category=Category.objects.get(slug="fittja"),
        author=person,
        title="Belysning vid torget",
        text="Lamporna vid torget är trasiga.",
    )
    forum_services.post_reply(thread=thread, author=UserFactory(), text="Håller med!")
    meeting_page.capacity = 1
    meeting_page.save_revision().publish()
    account = {"page": meeting_page, "language": "sv", "source": Registration.Source.ACCOUNT}
    meeting_services.registration_create(name="Amina", email=person.email, user=person, **account)
    waiting = UserFactory()
    meeting_services.registration_create(
        name="Bertil", email=waiting.email, user=waiting, **account
    )
    return person, thread, waiting


def test_a_resident_downloads_their_data_then_deletes_the_account(
    page,
    forum,
    resident,
):
    person, thread, waiting = resident
    log_in(page, person)
    page.get_by_role("link", name="Mitt konto").click()
    nav = page.get_by_role("navigation", name="Konto")
    nav.get_by_role("link", name="Mina uppgifter").click()
    expect(page.get_by_text("Lamporna vid torget är trasiga.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner allt (JSON)").click()
    with open(download.value.path(), encoding="utf-8") as file:
        data = json.load(file)
    assert data["profile"][0]["display_name"] == "Amina"
    assert [post["text"] for post in data["posts"]] == ["Lamporna vid torget är trasiga."]

    # Deleting asks for the password again, however recently one signed in.
    nav.get_by_role("link", name="Radera mitt konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta åtkomst")
    assert_accessible(page)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Radera mitt konto")
    expect(page.get_by_text("Din anmälan till 1 kommande möte avbokas")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Behåll dem").check()
    page.get_by_role("button", name="Radera mitt konto").click()
    expect(page.get_by_text("Kryssa i rutan för att bekräfta")).to_be_visible()
    assert_accessible(page)
    assert User.objects.filter(pk=person.pk).exists()

    page.get_by_label("Jag förstår att kontot raderas").check()
    page.get_by_role("button", name="Radera mitt konto").click()
    expect(page.get_by_role("status")).to_contain_text("Ditt konto är raderat.")
    expect(page.get_by_role("link", name="Logga in")).to_be_visible()
    assert not User.objects.filter(pk=person.pk).exists()
    assert Registration.objects.get(user=waiting).status == Registration.Status.CONFIRMED

    page.goto(forum.thread_url(thread))
    article = page.locator("article").first
    expect(article).to_contain_text("Tidigare medlem")
    expect(article).to_contain_text("Lamporna vid torget är trasiga.")


def test_the_privacy_page_and_the_accessibility_statement_are_accessible(page, site_tree):
    StandardPageFactory(
        parent=site_tree["home"],
        title="Integritetspolicy",
        slug="integritet",
        body=json.dumps([{"type": "retention", "value": None}]),
    )
    statement = AccessibilityStatementPage(
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        contact_email="torget@example.org",
        assessed_on=datetime.date(2026, 11, 1),
    )
    site_tree["home"].add_child(instance=statement)
    statement.known_problems = [KnownProblem(description="Kartlänken.", criterion="1.1.1")]
    statement.save_revision().publish()
    for path in ("/integritet/", "/tillganglighet/"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    expect(page.get_by_role("link", name="Anmäl till DIGG (digg.se)")).to_be_visible()


def test_a_verified_resident_sees_the_verification_and_removes_it(page, site_tree):
    from accounts.models import Verification
    from accounts.services import verification_record

    person = UserFactory()
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    log_in(page, person)
    page.goto("/konto/profil/")
    expect(page.get_by_role("heading", name="Verifiering")).to_be_visible()
    expect(page.get_by_text("Ditt konto är verifierat som en person (på plats,")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ta bort min verifiering").click()
    expect(page.get_by_text("Din verifiering är borttagen.")).to_be_visible()
    assert not Verification.objects.exists()
