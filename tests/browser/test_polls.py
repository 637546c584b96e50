from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from polls.models import Poll, PollOption
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible


def test_a_resident_votes_and_sees_the_results_as_a_chart_with_numbers(
    page, meeting_page, site_tree
):
    poll = Poll.objects.create(
        question="Vilken tid passar bäst?",
        page=meeting_page,
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=1),
    )
    poll.districts.set([site_tree["district"]])
    poll.save()  # a cluster keeps its many-to-many in memory until saved
    for number, text in enumerate(["Vardag kl. 18", "Lördag"]):
        PollOption.objects.create(poll=poll, text=text, sort_order=number)
    log_in(page, UserFactory(display_name="Amina"))
    page.goto(meeting_page.url)
    assert_accessible(page)
    page.get_by_role("button", name="Rösta").click()
    expect(page.get_by_text("Välj ett svar.")).to_be_visible()
    page.get_by_label("Lördag").check()
    page.get_by_label("Var bor du? (frivilligt)").select_option(label="Fittja")
    page.get_by_role("button", name="Rösta").click()
    expect(page.get_by_text("Du har röstat.")).to_be_visible()
    results = page.get_by_role("table", name="Resultat: 1 röst")
    expect(results.get_by_role("row", name="Lördag 1 100 %")).to_be_visible()
    assert_accessible(page)
