from playwright.sync_api import expect

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from forums import services as posting
from forums.models import Category
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible


def test_a_newcomers_post_waits_until_a_moderator_approves_it(page, forum):  # noqa: F811
    thread = posting.thread_create(
        category=Category.objects.get(),
        author=UserFactory(display_name="Amina"),
        title="Lekplatsen",
        text="Gungorna är trasiga.",
    )
    newcomer = UserFactory(display_name="Nyinflyttad", trust=User.Trust.AUTOMATIC)
    log_in(page, newcomer)
    page.goto(f"/forum/trad/{thread.pk}/")
    page.get_by_label("Din text").fill("Jag har också sett det, vi borde anmäla det.")
    page.get_by_role("button", name="Publicera svaret").click()
    expect(page.get_by_text("En moderator läser nya kontons första inlägg")).to_be_visible()
    expect(page.get_by_text("Väntar på moderator").first).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"/forum/trad/{thread.pk}/?anonym=1")
    expect(page.get_by_text("Gungorna är trasiga.")).to_be_visible()
    expect(page.get_by_text("vi borde anmäla det")).to_have_count(0)

    log_in(page, UserFactory(display_name="Mo", groups=[MODERATORS]))
    page.goto("/admin/moderering/")
    expect(page.get_by_text("vi borde anmäla det")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Godkänn", exact=True).click()
    expect(page.get_by_text("Godkänt.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"/forum/trad/{thread.pk}/?anonym=2")
    expect(page.get_by_text("Jag har också sett det, vi borde anmäla det.")).to_be_visible()


def test_a_reader_reports_a_post_accessibly(page, forum):  # noqa: F811
    thread = posting.thread_create(
        category=Category.objects.get(),
        author=UserFactory(display_name="Amina"),
        title="Försäljning",
        text="Köp billiga klockor här!",
    )
    log_in(page, UserFactory(display_name="Bo"))
    page.goto(f"/forum/trad/{thread.pk}/")
    page.get_by_role("link", name="Rapportera").click()
    page.wait_for_url("**/rapportera/inlagg/*/")
    assert_accessible(page)
    page.get_by_label("Spam eller reklam").check()
    page.get_by_role("button", name="Skicka rapporten").click()
    expect(page.get_by_text("Tack. En moderator tittar på det.")).to_be_visible()
