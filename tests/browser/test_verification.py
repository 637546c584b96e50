"""The verified residents' journey (issue 20) in Chromium, against the real OpenID Connect
provider of tests/oidc_provider: verify, support, vote, and one person cannot be two."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.tests.factories import UserFactory
from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.models import SiteSettings
from polls.models import Poll, PollOption
from proposals import services
from proposals.models import Proposal
from proposals.tests.factories import ProposalIndexPageFactory
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible
from tests.oidc_provider import PASSWORD

ANNA = "199001011234"


@pytest.fixture
def proposal(site_tree, settings):
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    ForumPageFactory(parent=site_tree["home"])
    index = ProposalIndexPageFactory(
        parent=site_tree["home"], discussion_category=CategoryFactory(slug="forslag")
    )
    SiteSettings.objects.update_or_create(
        site=site_tree["home"].get_site(), defaults={"proposal_support_threshold": 2}
    )
    proposal = services.proposal_create(
        index_page=index,
        author=UserFactory(display_name="Amina"),
        district=site_tree["district"],
        title="Ljus i tunneln",
        text="Tunneln är mörk på kvällarna.",
    )
    return f"/forslag/{proposal.pk}/"


@pytest.fixture
def poll(meeting_page):
    poll = Poll.objects.create(
        question="Vilken tid passar bäst?",
        page=meeting_page,
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=1),
        verified_only=True,
    )
    for number, text in enumerate(["Vardag kl. 18", "Lördag"]):
        PollOption.objects.create(poll=poll, text=text, sort_order=number)
    return poll


def identify_at_the_provider(page, person):
    page.get_by_role("button", name="Verifiera dig").click()
    expect(page.get_by_role("heading", name="Testlegitimation")).to_be_visible()
    page.get_by_label("Personnummer").fill(person)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Legitimera").click()
    page.get_by_role("button", name="Godkänn").click()


def test_verified_people_count_once_in_supports_and_votes(page, eid, proposal, poll, meeting_page):
    anna = UserFactory(display_name="Anna", email="anna@exempel.se")
    log_in(page, anna)
    # Not yet verified: the poll says how to become so, the support counts but not as verified.
    page.goto(meeting_page.url)
    expect(
        page.get_by_text("Bara invånare som är verifierade som en person kan rösta")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Rösta")).to_have_count(0)
    assert_accessible(page)
    page.goto(proposal)
    page.get_by_role("button", name="Stöd förslaget").click()
    expect(page.get_by_text("Av dem är 0 verifierade.")).to_be_visible()
    expect(page.get_by_text("Med 2 verifierade stödjare svarar kommunen")).to_be_visible()

    page.goto("/konto/profil/")
    assert_accessible(page)
    identify_at_the_provider(page, ANNA)
    expect(page.get_by_text("Du är verifierad med Testlegitimation.")).to_be_visible()
    expect(
        page.get_by_text("Ditt konto är verifierat som en person (e-legitimation,")
    ).to_be_visible()
    assert_accessible(page)

    page.goto(proposal)
    expect(page.get_by_text("Av dem är 1 verifierad.")).to_be_visible()
    page.goto(meeting_page.url)
    page.get_by_label("Lördag").check()
    page.get_by_role("button", name="Rösta").click()
    expect(page.get_by_text("Du har röstat.")).to_be_visible()
    assert_accessible(page)

    # The same person with a second account: refused, and the threshold is not reached.
    page.context.clear_cookies()
    log_in(page, UserFactory(display_name="Anna igen"))
    page.goto("/konto/profil/")
    identify_at_the_provider(page, ANNA)
    expect(
        page.get_by_text("Den här e-legitimationen verifierar redan kontot a***@e***.se.")
    ).to_be_visible()
    assert_accessible(page)
    page.goto(proposal)
    page.get_by_role("button", name="Stöd förslaget").click()
    expect(page.get_by_text("2 personer stöder förslaget. Av dem är 1 verifierad.")).to_be_visible()
    assert Proposal.objects.get().threshold_reached_on is None
    page.goto(meeting_page.url)
    expect(
        page.get_by_text("Bara invånare som är verifierade som en person kan rösta")
    ).to_be_visible()

    # A second person verifies and supports: the second verified supporter reaches it.
    page.context.clear_cookies()
    log_in(page, UserFactory(display_name="Bo"))
    page.goto("/konto/profil/")
    identify_at_the_provider(page, "198502023456")
    page.goto(proposal)
    page.get_by_role("button", name="Stöd förslaget").click()
    expect(page.get_by_text("Tillräckligt stöd den")).to_be_visible()
    assert Proposal.objects.get().threshold_reached_on == timezone.localdate()


def test_a_verified_person_logs_in_with_e_identification(page, eid):
    from accounts import eid as eid_module
    from accounts.models import Verification
    from accounts.services import verification_record

    anna = UserFactory(display_name="Anna")
    verification_record(
        user=anna, method=Verification.Method.EID, person_hash=eid_module.person_hash(ANNA)
    )
    page.goto("/konto/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Logga in med Testlegitimation").click()
    page.get_by_label("Personnummer").fill(ANNA)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Legitimera").click()
    page.get_by_role("button", name="Godkänn").click()
    page.goto("/konto/profil/")
    expect(page.get_by_text(f"Du är inloggad som {anna.email}.")).to_be_visible()
