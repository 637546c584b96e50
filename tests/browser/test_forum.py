import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from forums import services
from forums.tests.factories import (
    AssociationFactory,
    MembershipFactory,
)
from tests.browser.test_site import assert_accessible


def log_in(page, person):
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill(person.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in", exact=True).click()


def test_a_resident_starts_a_thread_and_a_neighbour_replies(page, forum, browser_context):
    author = UserFactory(display_name="Amina")
    log_in(page, author)
    page.goto("/forum/")
    page.get_by_role("link", name="Fittja").click()
    page.get_by_role("link", name="Starta en tråd").click()
    page.wait_for_url("**/ny-trad/")
    assert_accessible(page)
    page.get_by_label("Rubrik").fill("Mörkt vid tunnelbanan")
    page.get_by_label("Din text").fill("Två lampor är **trasiga** sedan i höstas.")
    page.get_by_label("Taggar").fill("belysning")
    page.get_by_role("button", name="Publicera tråden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mörkt vid tunnelbanan")
    expect(page.locator(".post__body strong")).to_have_text("trasiga")

    page.context.clear_cookies()
    neighbour = UserFactory(display_name="Bo")
    log_in(page, neighbour)
    page.goto("/forum/fittja/")
    page.get_by_role("link", name="Mörkt vid tunnelbanan").click()
    page.get_by_label("Din text").fill("Jag har också sett det.")
    page.get_by_role("button", name="Publicera svaret").click()
    expect(page.get_by_text("Jag har också sett det.")).to_be_visible()
    expect(page.get_by_text("Bo", exact=True)).to_be_visible()
    page.get_by_role("button", name="Tack").first.click()
    expect(page.get_by_role("button", name="Tack 1")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["front", "category", "thread", "search", "association"])
def test_forum_pages_have_no_accessibility_violations(page, forum, path):
    author = UserFactory(display_name="Amina")
    association = AssociationFactory(name="Fittja Framåt", slug="fittja-framat")
    MembershipFactory(association=association, user=author)
    from forums.models import Category

    thread = services.thread_create(
        category=Category.objects.get(),
        author=author,
        title="Läxhjälp på tisdagar",
        text="Vi har *läxhjälp*.\n\n- Ta med böcker\n\n> Alla är välkomna",
        tags=["läxhjälp"],
        association=association,
    )
    urls = {
        "front": "/forum/",
        "category": "/forum/fittja/",
        "thread": f"/forum/trad/{thread.pk}/",
        "search": "/forum/sok/?q=läxhjälp",
        "association": "/forum/foreningar/fittja-framat/",
    }
    page.goto(urls[path])
    expected = "Om livet i Fittja." if path == "front" else "Läxhjälp på tisdagar"
    expect(page.get_by_text(expected).first).to_be_visible()
    assert_accessible(page)


def test_an_association_admin_manages_members_accessibly(page, forum):
    admin = UserFactory(display_name="Fia")
    association = AssociationFactory(name="Fittja Framåt", slug="fittja-framat")
    MembershipFactory(association=association, user=admin, role="admin")
    member = UserFactory(display_name="Bo")
    log_in(page, admin)
    page.goto("/forum/foreningar/fittja-framat/medlemmar/")
    page.get_by_label("Personens e-post").fill(member.email)
    page.get_by_role("button", name="Lägg till").click()
    expect(page.get_by_text("Medlemmen har lagts till.")).to_be_visible()
    expect(page.get_by_role("cell", name=member.email)).to_be_visible()
    assert_accessible(page)
