"""Verified supporters (issue 20): the threshold that obliges the municipality counts people."""

import pytest
from django.utils import timezone

from accounts.models import Verification
from accounts.services import account_delete, verification_record, verification_remove
from accounts.tests.factories import UserFactory
from home.models import SiteSettings
from proposals import services
from proposals.models import Proposal

pytestmark = pytest.mark.django_db


def rules(site_tree, **values):
    SiteSettings.objects.update_or_create(
        site=site_tree["home"].get_site(), defaults={"proposal_support_threshold": 2, **values}
    )


def verified_person(method=Verification.Method.IN_PERSON):
    person = UserFactory()
    verification_record(user=person, method=method)
    return person


def counts(proposal):
    proposal.refresh_from_db()
    return proposal.support_count, proposal.verified_support_count


def test_supports_are_counted_with_those_of_verified_people_apart(proposal):
    anna, bilal = verified_person(), UserFactory()
    services.support_toggle(proposal=proposal, user=anna)
    services.support_toggle(proposal=proposal, user=bilal)
    assert counts(proposal) == (2, 1)
    services.support_toggle(proposal=proposal, user=anna)  # taken back
    assert counts(proposal) == (1, 0)


def test_a_verification_that_comes_or_goes_counts_the_supports_already_given(proposal):
    bilal = UserFactory()
    services.support_toggle(proposal=proposal, user=bilal)
    verification_record(user=bilal, method=Verification.Method.IN_PERSON)
    assert counts(proposal) == (1, 1)
    verification_remove(user=bilal)
    assert counts(proposal) == (1, 0)
    verification_record(user=bilal, method=Verification.Method.IN_PERSON)
    account_delete(user=bilal, remove_posts=False)
    assert counts(proposal) == (0, 0)


def test_with_verified_counting_only_verified_supporters_reach_the_threshold(proposal, site_tree):
    rules(site_tree, proposal_threshold_counts=SiteSettings.ThresholdCounts.VERIFIED)
    for person in UserFactory.create_batch(3):
        services.support_toggle(proposal=proposal, user=person)
    services.support_toggle(proposal=proposal, user=verified_person())
    proposal.refresh_from_db()
    assert proposal.threshold_reached_on is None
    late = UserFactory()
    services.support_toggle(proposal=proposal, user=late)
    verification_record(user=late, method=Verification.Method.IN_PERSON)  # the second
    proposal.refresh_from_db()
    assert proposal.threshold_reached_on == timezone.localdate()
    assert list(Proposal.objects.awaiting_answer()) == [proposal]


def test_automatic_counts_verified_people_once_e_identification_is_set_up(
    proposal, site_tree, settings
):
    rules(site_tree)  # the default: automatic
    assert services.threshold_counts_verified() is False
    settings.TORGET_EID_OIDC_URL = "https://broker.example.org"
    assert services.threshold_counts_verified() is True
    rules(site_tree, proposal_threshold_counts=SiteSettings.ThresholdCounts.EVERYONE)
    assert services.threshold_counts_verified() is False


def test_the_page_and_the_list_say_how_many_supporters_are_verified(
    client, proposal, index, site_tree
):
    rules(site_tree, proposal_threshold_counts=SiteSettings.ThresholdCounts.VERIFIED)
    services.support_toggle(proposal=proposal, user=verified_person())
    services.support_toggle(proposal=proposal, user=UserFactory())
    page = client.get(f"{index.url}{proposal.pk}/").content.decode()
    assert "2 personer stöder förslaget. Av dem är 1 verifierad." in page
    assert "Med 2 verifierade stödjare svarar kommunen formellt" in page
    assert "2 stödjare, varav 1 verifierad" in client.get(index.url).content.decode()
    rules(site_tree, proposal_threshold_counts=SiteSettings.ThresholdCounts.EVERYONE)
    assert "verifierad" not in client.get(f"{index.url}{proposal.pk}/").content.decode()


def test_the_admin_list_puts_the_most_verified_support_first(
    client, proposal, index, editor, site_tree
):
    other = services.proposal_create(
        index_page=index,
        author=UserFactory(),
        district=site_tree["district"],
        title="Bänkar vid torget",
        text="Fler bänkar.",
    )
    for person in UserFactory.create_batch(3):
        services.support_toggle(proposal=other, user=person)
    services.support_toggle(proposal=proposal, user=verified_person())
    client.force_login(editor)
    html = client.get("/admin/snippets/proposals/proposal/").content.decode()
    assert "Verifierade stödjare" in html
    assert html.index(proposal.title) < html.index(other.title)
