from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import UserFactory
from home.models import SiteSettings
from moderation import services as moderation
from proposals import services
from proposals.models import Proposal, Support

pytestmark = pytest.mark.django_db


def test_a_proposal_is_a_thread_whose_first_post_is_its_text(proposal, index, author):
    assert proposal.title == "Ljus i tunneln"
    assert proposal.thread.category == index.discussion_category
    assert proposal.opening_post.author == author
    assert "<strong>mörk</strong>" in proposal.opening_post.html
    assert (proposal.status, proposal.support_count) == ("submitted", 0)
    assert Proposal.objects.visible().get() == proposal


def test_a_newcomers_proposal_waits_for_a_moderator_like_a_post(index, site_tree, moderator):
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    proposal = services.proposal_create(
        index_page=index,
        author=newcomer,
        district=site_tree["district"],
        title="Utegym",
        text="Vid sjön.",
    )
    assert not Proposal.objects.visible().exists()
    assert list(Proposal.objects.waiting_by(newcomer)) == [proposal]
    moderation.items_approve(items=[proposal.opening_post], moderator=moderator)
    assert Proposal.objects.visible().get() == proposal


def test_a_hidden_proposal_text_hides_the_proposal(proposal, moderator):
    moderation.item_hide(item=proposal.opening_post, moderator=moderator, reason="Hot")
    assert not Proposal.objects.visible().exists()


def test_only_a_confirmed_account_proposes_or_supports(index, site_tree, proposal):
    unconfirmed = UserFactory(verified=False)
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            index_page=index,
            author=unconfirmed,
            district=site_tree["district"],
            title="Något",
            text="Text",
        )
    with pytest.raises(PermissionDenied):
        services.support_toggle(proposal=proposal, user=unconfirmed)
    assert proposal.supports.count() == 0


def test_one_support_per_account_which_can_be_taken_back(proposal, supporter):
    assert services.support_toggle(proposal=proposal, user=supporter) is True
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert services.support_toggle(proposal=proposal, user=supporter) is False
    proposal.refresh_from_db()
    assert (proposal.support_count, Support.objects.count()) == (0, 0)


def test_nobody_supports_their_own_proposal(proposal, author):
    with pytest.raises(services.ProposalError) as refused:
        services.support_toggle(proposal=proposal, user=author)
    assert refused.value.code == "own"


def test_support_is_limited_each_calendar_month(settings, index, site_tree, supporter):
    settings.TORGET_PROPOSAL_SUPPORTS_PER_MONTH = 2
    proposals = [
        services.proposal_create(
            index_page=index,
            author=UserFactory(),
            district=site_tree["district"],
            title=f"Förslag {number}",
            text="Text",
        )
        for number in range(3)
    ]
    services.support_toggle(proposal=proposals[0], user=supporter)
    services.support_toggle(proposal=proposals[1], user=supporter)
    assert services.supports_left(supporter) == 0
    with pytest.raises(services.ProposalError) as refused:
        services.support_toggle(proposal=proposals[2], user=supporter)
    assert refused.value.code == "limit"
    assert "2" in str(refused.value.message)
    # Taking one back frees a place; a new month starts afresh.
    services.support_toggle(proposal=proposals[1], user=supporter)
    assert services.support_toggle(proposal=proposals[2], user=supporter) is True
    next_month = timezone.now() + timedelta(days=32)
    assert services.supports_left(supporter, next_month) == 2


def test_reaching_the_threshold_sets_an_answer_date_once(proposal, site_tree):
    SiteSettings.objects.update_or_create(
        site=site_tree["home"].get_site(),
        defaults={"proposal_support_threshold": 2, "proposal_answer_days": 30},
    )
    first, second, third = UserFactory.create_batch(3)
    services.support_toggle(proposal=proposal, user=first)
    proposal.refresh_from_db()
    assert proposal.threshold_reached_on is None
    services.support_toggle(proposal=proposal, user=second)
    proposal.refresh_from_db()
    today = timezone.localdate()
    assert proposal.threshold_reached_on == today
    assert proposal.answer_due == today + timedelta(days=30)
    assert list(Proposal.objects.awaiting_answer()) == [proposal]
    services.support_toggle(proposal=proposal, user=second)  # taken back: the date stays
    services.support_toggle(proposal=proposal, user=third)
    proposal.refresh_from_db()
    assert proposal.answer_due == today + timedelta(days=30)


def test_only_staff_move_a_proposal_along(proposal, author, supporter, editor):
    for person in (author, supporter):
        with pytest.raises(PermissionDenied):
            services.proposal_answer(proposal=proposal, by=person, status="review")
    services.proposal_answer(proposal=proposal, by=editor, status="review")
    proposal.refresh_from_db()
    assert proposal.status == "review"


def test_an_answer_needs_a_verdict_and_its_reasons(proposal, editor):
    with pytest.raises(services.ProposalError) as refused:
        services.proposal_answer(proposal=proposal, by=editor, status="answered", answer="Nej.")
    assert refused.value.code == "verdict"
    with pytest.raises(services.ProposalError) as refused:
        services.proposal_answer(
            proposal=proposal, by=editor, status="answered", verdict="accepted", answer="  "
        )
    assert refused.value.code == "answer"
    with pytest.raises(services.ProposalError):
        services.proposal_answer(
            proposal=proposal, by=editor, status="progress", verdict="rejected", answer="Nej."
        )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.verdict, proposal.answered_at) == ("submitted", "", None)
    services.proposal_answer(
        proposal=proposal, by=editor, status="answered", verdict="partly", answer="Delvis."
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.verdict, proposal.answer) == ("answered", "partly", "Delvis.")
    assert proposal.answered_at is not None


def test_support_closes_once_answered(proposal, editor, supporter):
    services.proposal_answer(
        proposal=proposal, by=editor, status="answered", verdict="accepted", answer="Ja."
    )
    with pytest.raises(services.ProposalError) as refused:
        services.support_toggle(proposal=Proposal.objects.get(), user=supporter)
    assert refused.value.code == "closed"


def test_author_and_supporters_hear_of_each_change_once(
    proposal, editor, supporter, author, mailoutbox, django_capture_on_commit_callbacks
):
    services.support_toggle(proposal=proposal, user=supporter)
    quiet = UserFactory(proposal_emails=False)
    services.support_toggle(proposal=proposal, user=quiet)
    mailoutbox.clear()

    def answer(**change):
        with django_capture_on_commit_callbacks(execute=True):
            services.proposal_answer(proposal=proposal, by=editor, **change)

    answer(status="review")
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([author.email, supporter.email])
    to_author = next(mail for mail in mailoutbox if mail.to == [author.email])
    assert "Din förslag" not in to_author.body and "Ditt förslag" in to_author.body
    assert "Under beredning" in to_author.subject
    assert "/forslag-epost/av/" in to_author.extra_headers["List-Unsubscribe"]
    mailoutbox.clear()
    answer(status="review")  # no change
    assert mailoutbox == []
    answer(status="answered", verdict="rejected", answer="För dyrt.")
    assert len(mailoutbox) == 2
    assert "För dyrt." in mailoutbox[0].body and "Avslaget" in mailoutbox[0].body
