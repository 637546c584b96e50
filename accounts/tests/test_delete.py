"""Deleting an account: personal data goes, what others see keeps working."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from accounts.services import MODERATORS, AccountError, account_delete
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.test_my_data import one_of_everything
from events import services as meeting_services
from events.models import Question, Registration
from forums import services as forum_services
from forums.models import AssociationMembership, Follow, Post, PostRevision, Thread
from home.models import OutgoingEmail
from polls.models import Vote
from proposals import services as proposal_services
from proposals.models import Proposal, Support
from updates.models import Subscription

pytestmark = pytest.mark.django_db


def test_deleting_removes_the_persons_data_and_keeps_their_posts_as_a_former_members(world):
    person, other = UserFactory(display_name="Amina"), UserFactory(display_name="Bertil")
    one_of_everything(person, *world, label="A")
    one_of_everything(other, *world, label="B")
    supported = Proposal.objects.get(thread__title="Förslag till stöd A")
    thread = Thread.objects.get(title="Tråd A")
    pk = person.pk

    account_delete(user=person, remove_posts=False)

    assert not User.objects.filter(pk=pk).exists()
    assert not EmailAddress.objects.filter(user_id=pk).exists()
    for model in (Support, Follow, AssociationMembership):
        assert not model.objects.filter(user_id=pk).exists()
    supported.refresh_from_db()
    assert supported.support_count == 0
    assert not Subscription.objects.filter(email=person.email).exists()
    assert Subscription.objects.filter(email=other.email).exists()
    assert not Registration.objects.filter(name="Namn A").exists()
    assert Registration.objects.filter(name="Namn B").exists()
    # Votes stay in the results without the person; the other person's keep theirs.
    assert Vote.objects.filter(poll__question="Omröstning A", user=None).count() == 1
    assert Vote.objects.filter(user=other).count() == 1
    post = Post.objects.get(source="Ändrad A")
    assert post.author is None and post.status == Post.Status.HIDDEN
    thread.refresh_from_db()
    assert thread.author is None
    assert Question.objects.get(text="Fråga A").author is None
    assert Proposal.objects.filter(thread__title="Eget förslag A", thread__author=None).exists()
    assert User.objects.filter(pk=other.pk).exists()


def test_a_removed_account_can_take_its_posts_along_and_threads_others_wrote_in_stay(world):
    meeting_page, site_tree, category, index = world
    person, other = UserFactory(), UserFactory()
    forum_services.thread_create(
        category=category, author=person, title="Bara jag", text="Ensam text"
    )
    shared = forum_services.thread_create(
        category=category, author=person, title="Vi pratar", text="Min öppning"
    )
    forum_services.post_edit(post=shared.posts.get(), editor=person, text="Min ändrade öppning")
    forum_services.post_reply(thread=shared, author=other, text="Ditt svar")
    forum_services.post_reply(thread=shared, author=person, text="Mitt svar")
    proposal_services.proposal_create(
        index_page=index,
        author=person,
        district=site_tree["district"],
        title="Mitt förslag",
        text="Förslagstext",
    )
    question = meeting_services.question_create(page=meeting_page, author=person, text="Min fråga")

    result = account_delete(user=person, remove_posts=True)

    assert result["threads_deleted"] == 2
    assert not Thread.objects.filter(title__in=["Bara jag", "Mitt förslag"]).exists()
    assert not Proposal.objects.exists()
    shared.refresh_from_db()
    texts = list(shared.posts.order_by("created_at").values_list("source", "status"))
    assert texts == [
        ("", Post.Status.REMOVED),
        ("Ditt svar", Post.Status.VISIBLE),
        ("", Post.Status.REMOVED),
    ]
    assert not PostRevision.objects.exists()
    assert shared.reply_count == 0 and shared.last_post.source == "Ditt svar"
    question.refresh_from_db()
    assert question.status == Question.Status.REMOVED and question.text == ""


def test_deleting_cancels_future_registrations_and_promotes_the_waiting_list(meeting_page):
    meeting_page.capacity = 1
    meeting_page.save_revision().publish()
    person, waiting = UserFactory(), UserFactory()
    name = {"language": "sv", "page": meeting_page, "source": Registration.Source.ACCOUNT}
    mine = meeting_services.registration_create(
        name="Amina", email=person.email, user=person, **name
    )
    theirs = meeting_services.registration_create(
        name="Bertil", email=waiting.email, user=waiting, **name
    )
    assert (mine.status, theirs.status) == ("confirmed", "waitlisted")

    account_delete(user=person, remove_posts=False)

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED and mine.email == "" and mine.name == ""
    assert theirs.status == Registration.Status.CONFIRMED
    assert meeting_page.meeting.registrations.confirmed().places() == 1


def test_thanks_and_question_supports_are_taken_back_from_the_counts(world):
    meeting_page, site_tree, category, index = world
    person, author = UserFactory(), UserFactory()
    thread = forum_services.thread_create(category=category, author=author, title="T", text="Hej")
    post = thread.posts.get()
    forum_services.thanks_toggle(post=post, user=person)
    question = meeting_services.question_create(page=meeting_page, author=author, text="Varför?")
    meeting_services.question_support_toggle(question=question, user=person)

    account_delete(user=person, remove_posts=False)

    post.refresh_from_db()
    question.refresh_from_db()
    assert post.thanks_count == 0 and question.support_count == 0


def test_the_person_gets_one_last_email_and_nothing_that_waited_in_the_outbox(meeting_page, world):
    person = UserFactory(preferred_language="en")
    OutgoingEmail.objects.create(to=person.email, subject="Digest", body="Old news")
    meeting_services.registration_create(
        page=meeting_page,
        name="Amina",
        email=person.email,
        user=person,
        language="en",
        source=Registration.Source.ACCOUNT,
    )
    OutgoingEmail.objects.filter(to=person.email, subject__contains="Storsamling").delete()
    account_delete(user=person, remove_posts=True)
    emails = list(OutgoingEmail.objects.filter(to=person.email))
    assert [email.subject for email in emails] == ["Your Torget account has been deleted"]
    assert "removed too" in emails[0].body
    assert "Your registration for 1 upcoming meeting has been cancelled." in emails[0].body


def test_someone_elses_unconfirmed_address_keeps_its_alerts(world):
    person = UserFactory()
    EmailAddress.objects.create(user=person, email="neighbour@example.org", verified=False)
    Subscription.objects.create(email="neighbour@example.org")
    account_delete(user=person, remove_posts=False)
    assert Subscription.objects.filter(email="neighbour@example.org").exists()


def test_staff_accounts_are_not_deleted_here(world):
    moderator = UserFactory(is_staff=True, groups=[MODERATORS])
    with pytest.raises(AccountError):
        account_delete(user=moderator, remove_posts=False)
    assert User.objects.filter(pk=moderator.pk).exists()
    assert Group.objects.get(name=MODERATORS).user_set.filter(pk=moderator.pk).exists()


# The page


def reauthenticate(client, user):
    client.force_login(user)
    response = client.get("/konto/radera/")
    assert response.status_code == 302 and "reauthenticate" in response.url
    client.post(response.url, {"password": PASSWORD})


def test_the_page_asks_for_the_password_again_first(client, home_page):
    person = UserFactory()
    client.force_login(person)
    response = client.get("/konto/radera/")
    assert response.status_code == 302
    page = client.get(response.url)
    assert "password" in page.content.decode()
    client.post(response.url, {"password": PASSWORD})
    assert client.get("/konto/radera/").status_code == 200


def test_a_wrong_choice_shows_errors_in_swedish_and_deletes_nothing(client, world):
    person = UserFactory()
    reauthenticate(client, person)
    response = client.post("/konto/radera/", {"posts": "keep"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kryssa i rutan för att bekräfta att du vill radera kontot." in html
    assert User.objects.filter(pk=person.pk).exists()


def test_the_page_says_what_happens_and_deletes_and_signs_out(client, world):
    meeting_page, site_tree, category, index = world
    person = UserFactory()
    forum_services.thread_create(category=category, author=person, title="T", text="Min text")
    reauthenticate(client, person)
    html = client.get("/konto/radera/").content.decode()
    assert "Du har skrivit 1 inlägg i forumet." in html
    response = client.post("/konto/radera/", {"posts": "keep", "confirm": "on"}, follow=True)
    assert "Ditt konto är raderat." in response.content.decode()
    assert not User.objects.filter(pk=person.pk).exists()
    assert not response.context["user"].is_authenticated
    assert Post.objects.get(source="Min text").author is None


def test_staff_see_whom_to_ask_instead_of_the_form(client, world):
    editor = UserFactory(is_staff=True)
    reauthenticate(client, editor)
    response = client.post("/konto/radera/", {"posts": "keep", "confirm": "on"})
    assert "Be en administratör" in response.content.decode()
    assert User.objects.filter(pk=editor.pk).exists()


def test_an_administrator_deleting_a_person_in_users_keeps_places_and_counts_right(
    client, meeting_page, world
):
    meeting_page.capacity = 1
    meeting_page.save_revision().publish()
    person, waiting = UserFactory(), UserFactory()
    account = {"page": meeting_page, "language": "sv", "source": Registration.Source.ACCOUNT}
    meeting_services.registration_create(name="A", email=person.email, user=person, **account)
    theirs = meeting_services.registration_create(
        name="B", email=waiting.email, user=waiting, **account
    )
    proposal = proposal_services.proposal_create(
        index_page=world[3],
        author=waiting,
        district=world[1]["district"],
        title="Bänkar",
        text="Fler bänkar.",
    )
    proposal_services.support_toggle(proposal=proposal, user=person)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))

    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    theirs.refresh_from_db()
    proposal.refresh_from_db()
    assert theirs.status == Registration.Status.CONFIRMED
    assert proposal.support_count == 0


def test_a_former_members_waiting_post_can_still_be_moderated(client, world):
    meeting_page, site_tree, category, index = world
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    thread = forum_services.thread_create(
        category=category, author=newcomer, title="Ny här", text="Mitt första inlägg"
    )
    account_delete(user=newcomer, remove_posts=False)
    client.force_login(UserFactory(is_staff=True, groups=[MODERATORS]))
    html = client.get(reverse("moderation_admin:queue")).content.decode()
    assert "Mitt första inlägg" in html and "Tidigare medlem" in html
    post = thread.posts.get()
    response = client.post(
        reverse("moderation_admin:item", args=["post", post.pk]), {"action": "approve"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE
