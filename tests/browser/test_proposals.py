import pytest
from playwright.sync_api import expect

from accounts.services import EDITORS
from accounts.tests.factories import UserFactory
from forums.tests.factories import CategoryFactory, ForumPageFactory
from proposals import services
from proposals.models import Proposal
from proposals.tests.factories import ProposalIndexPageFactory
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible


@pytest.fixture
def index(site_tree, settings):
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    ForumPageFactory(parent=site_tree["home"])
    category = CategoryFactory(name="Förslag", slug="forslag")
    return ProposalIndexPageFactory(parent=site_tree["home"], discussion_category=category)


def test_a_resident_proposes_a_neighbour_supports_and_both_see_the_answer(page, index):
    author = UserFactory(display_name="Amina")
    log_in(page, author)
    page.goto("/forslag/")
    assert_accessible(page)
    page.get_by_role("link", name="Lämna ett förslag").first.click()
    page.get_by_role("button", name="Publicera förslaget").click()
    expect(page.get_by_text("Det här fältet är obligatoriskt").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Ditt förslag i en mening").fill("Ljus i tunneln")
    page.get_by_label("Stadsdel").select_option(label="Fittja")
    page.get_by_label("Vad och varför").fill("Tunneln är **mörk** på kvällarna.")
    page.get_by_label("Var (frivilligt)").fill("Albytunneln")
    page.get_by_role("button", name="Publicera förslaget").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ljus i tunneln")
    expect(page.get_by_text("Ditt förslag har publicerats.")).to_be_visible()
    expect(page.locator(".post__body strong")).to_have_text("mörk")

    page.context.clear_cookies()
    log_in(page, UserFactory(display_name="Bo"))
    page.goto("/stadsdelar/fittja/")
    page.get_by_role("link", name="Ljus i tunneln").click()
    page.get_by_role("button", name="Stöd förslaget").click()
    expect(page.get_by_text("1 person stöder förslaget.")).to_be_visible()
    expect(page.get_by_role("button", name="Du stöder det – ta tillbaka")).to_be_visible()
    assert_accessible(page)

    services.proposal_answer(
        proposal=Proposal.objects.get(),
        by=UserFactory(groups=[EDITORS]),
        status="answered",
        verdict="accepted",
        answer="Vi byter lamporna i höst.",
    )
    page.reload()
    expect(page.get_by_role("heading", name="Kommunens svar")).to_be_visible()
    expect(page.get_by_text("Vi byter lamporna i höst.")).to_be_visible()
    expect(page.get_by_text("Stödet är stängt: kommunen har svarat.")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("where", ["district", "measure", "thread", "minutes"])
def test_the_trail_has_no_accessibility_violations(page, index, site_tree, meeting_page, where):
    from datetime import timedelta

    from django.utils import timezone

    from updates.tests.factories import UpdateIndexPageFactory, update

    meeting_page.start = timezone.now() - timedelta(days=2)
    meeting_page.end = meeting_page.start + timedelta(hours=2)
    meeting_page.save_revision().publish()
    measure = update(
        UpdateIndexPageFactory(parent=site_tree["home"]), "Ny belysning", [site_tree["district"]]
    )
    proposal = services.proposal_create(
        index_page=index,
        author=UserFactory(display_name="Amina"),
        district=site_tree["district"],
        title="Ljus i tunneln",
        text="Det är mörkt.",
    )
    services.proposal_answer(
        proposal=proposal,
        by=UserFactory(groups=[EDITORS]),
        status="progress",
        verdict="accepted",
        answer="Vi byter lamporna.",
        measure=measure,
        raised_at=meeting_page,
    )
    urls = {
        "minutes": meeting_page.url,
        "district": "/stadsdelar/fittja/",
        "measure": measure.url,
        "thread": f"/forum/trad/{proposal.thread.pk}/",
    }
    page.goto(urls[where])
    link = "Läs förslaget" if where == "thread" else "Ljus i tunneln"
    expect(page.get_by_role("link", name=link).first).to_be_visible()
    assert_accessible(page)
