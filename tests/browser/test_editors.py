"""Communications staff work from the site itself: Wagtail's user bar on every page they may
edit, never for residents or visitors."""

import re

from playwright.sync_api import expect

from accounts.services import EDITORS
from accounts.tests.factories import PASSWORD, UserFactory
from tests.browser.test_site import assert_accessible


def log_in(page, person, then="/"):
    page.goto(f"/konto/login/?next={then}")
    page.get_by_label("E-post").fill(person.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Logga in").click()


def test_an_editor_goes_from_the_page_to_its_editor_and_visitors_see_the_change(
    page, browser, live_server, site_tree
):
    console = []
    page.on("console", lambda message: console.append(message.text))
    log_in(page, UserFactory(groups=[EDITORS]), then="/stadsdelar/fittja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fittja")
    assert_accessible(page)  # with the user bar on it

    page.get_by_role("button", name="Se Wagtail snabbhandlingar").click()
    page.get_by_role("menuitem", name="Redigera denna sida").click()
    intro = page.locator('[data-contentpath="intro"] [contenteditable="true"]')
    intro.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Fittja har fått nya bänkar vid torget.")
    expect(page.locator("#id_intro")).to_have_value(re.compile("nya bänkar"))  # synced
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_text("har blivit publicerad")).to_be_visible()
    assert [text for text in console if "Content Security Policy" in text] == []

    context = browser.new_context(base_url=live_server.url)
    visitor = context.new_page()
    visitor.goto("/stadsdelar/fittja/")
    expect(visitor.get_by_text("Fittja har fått nya bänkar vid torget.")).to_be_visible()
    expect(visitor.locator("wagtail-userbar")).to_have_count(0)
    context.close()


def test_residents_and_visitors_get_no_user_bar(page, site_tree):
    page.goto("/stadsdelar/fittja/")
    expect(page.locator("wagtail-userbar")).to_have_count(0)

    log_in(page, UserFactory(), then="/stadsdelar/fittja/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fittja")
    expect(page.locator("wagtail-userbar")).to_have_count(0)
