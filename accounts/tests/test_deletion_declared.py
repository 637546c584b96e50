"""Deleting an account runs what every app declared (home.personal_data), in the declared
order, and leaves nothing any declaration finds."""

import pytest
from allauth.mfa.models import Authenticator

from accounts.models import User, Verification
from accounts.services import account_delete, verification_record
from accounts.tests.factories import UserFactory
from accounts.tests.test_my_data import one_of_everything
from events import services as meeting_services
from forums import services as forum_services
from home import personal_data
from home.models import OutgoingEmail
from home.personal_data import Declaration, Stage, Step
from home.services import email_queue
from home.tests.test_retention import session_for
from moderation.models import Suspension

pytestmark = pytest.mark.django_db

GOODBYE = "Your Torget account has been deleted"


def test_the_declared_order_starts_with_the_verification_and_ends_with_the_outbox():
    steps = personal_data.steps(writing=True)
    assert steps[0].name == "accounts.services.verification.verification_forget"
    assert steps[-1].name == "home.services.emails_waiting_drop"
    assert [step.stage for step in steps] == sorted(step.stage for step in steps)
    assert Stage.OUTBOX < Stage.GOODBYE < Stage.ACCOUNT
    # What the person wrote goes only when they choose so.
    assert not [step for step in personal_data.steps(writing=False) if step.stage == Stage.WRITING]
    assert {step.name for step in steps if step.stage == Stage.WRITING} >= {
        "forums.services.posts_remove",
        "events.services.people.questions_remove",
    }


@pytest.fixture
def spy():
    """A declaration with a step in every stage an app may use, each noting what it found."""
    seen = []

    def noting(stage):
        def step(*, user, at):
            seen.append(
                {
                    "stage": stage,
                    "verified": Verification.objects.filter(user=user).exists(),
                    "account": User.objects.filter(pk=user.pk).exists(),
                    "goodbye": OutgoingEmail.objects.filter(subject=GOODBYE).exists(),
                }
            )
            if stage == Stage.RELEASE:  # as a waiting list's news might
                email_queue(to=user.email, subject="Nyheter", body="Queued during the release")

        step.__qualname__ = f"spy_{stage.name.lower()}"
        return step

    stages = [stage for stage in Stage if stage < Stage.GOODBYE]
    personal_data.register(
        Declaration(app="spy", steps=tuple(Step(stage=s, run=noting(s)) for s in stages))
    )
    yield seen
    personal_data.unregister("spy")


@pytest.mark.parametrize("remove_posts", [False, True])
def test_deletion_runs_each_stage_in_order_and_the_goodbye_and_the_account_row_last(
    spy, remove_posts
):
    person = UserFactory(preferred_language="en")
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    email_queue(to=person.email, subject="Påminnelse", body="Waiting before the deletion")
    pk = person.pk

    account_delete(user=person, remove_posts=remove_posts)

    expected = [stage for stage in Stage if stage < Stage.GOODBYE]
    if not remove_posts:
        expected.remove(Stage.WRITING)
    assert [noted["stage"] for noted in spy] == expected
    # The verification went before anything else ran; the goodbye and the row after all.
    assert not any(noted["verified"] for noted in spy)
    assert all(noted["account"] and not noted["goodbye"] for noted in spy)
    assert not User.objects.filter(pk=pk).exists()
    # Nothing that waited, or was queued during the deletion, reaches the person: one email.
    emails = OutgoingEmail.objects.filter(to=person.email)
    assert [email.subject for email in emails] == [GOODBYE]


@pytest.mark.parametrize("remove_posts", [False, True])
def test_after_deletion_no_declaration_finds_anything_of_the_person(world, remove_posts):
    meeting_page, site_tree, category, index = world
    person, other = UserFactory(), UserFactory()
    one_of_everything(person, *world, label="A")
    thread = forum_services.thread_create(category=category, author=other, title="T", text="Hej")
    forum_services.thanks_toggle(post=thread.posts.get(), user=person)
    question = meeting_services.question_create(page=meeting_page, author=other, text="Varför?")
    meeting_services.question_support_toggle(question=question, user=person)
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    Suspension.objects.create(user=person, reason="Tonen")
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "s"})
    session_for(person, expires_in_days=3)
    email_queue(to=person.email, subject="Väntar", body="Waiting")
    found_before = {
        holding.model._meta.label for holding in personal_data.holdings() if holding.of(person)
    }
    assert len(found_before) >= 15
    pk = person.pk

    account_delete(user=person, remove_posts=remove_posts)

    ghost = User(pk=pk, email=person.email)
    left = [holding.model._meta.label for holding in personal_data.holdings() if holding.of(ghost)]
    assert left == []
