"""My data: everything stored about an account, and nothing of anyone else."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.export import personal_data
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from events import services as meeting_services
from events.models import Registration
from events.tests.test_registration import confirmed_guest
from forums import services as forum_services
from forums.models import Follow
from forums.tests.factories import AssociationFactory, MembershipFactory
from home.services import email_queue
from moderation import services as moderation
from polls import services as poll_services
from polls.models import Poll, PollOption
from proposals import services as proposal_services
from updates.models import Subscription

pytestmark = pytest.mark.django_db


def one_of_everything(person, meeting_page, site_tree, category, index, label):
    """A registration, a question, a post with an earlier version, a proposal, a support, a
    vote, a follow, an alert, a membership, a report made and a moderator's decision."""
    registration = confirmed_guest(meeting_page, person.email)
    Registration.objects.filter(pk=registration.pk).update(user=person, name=f"Namn {label}")
    meeting_services.question_create(page=meeting_page, author=person, text=f"Fråga {label}")
    thread = forum_services.thread_create(
        category=category, author=person, title=f"Tråd {label}", text=f"Första {label}"
    )
    post = thread.posts.get()
    forum_services.post_edit(post=post, editor=person, text=f"Ändrad {label}")
    proposal = proposal_services.proposal_create(
        index_page=index,
        author=UserFactory(),
        district=site_tree["district"],
        title=f"Förslag till stöd {label}",
        text="Text",
    )
    proposal_services.support_toggle(proposal=proposal, user=person)
    proposal_services.proposal_create(
        index_page=index,
        author=person,
        district=site_tree["district"],
        title=f"Eget förslag {label}",
        text="Text",
        at=timezone.now() + timedelta(minutes=1),
    )
    poll = Poll.objects.create(
        question=f"Omröstning {label}",
        page=meeting_page,
        closes_at=timezone.now() + timedelta(days=1),
    )
    option = PollOption.objects.create(poll=poll, text=f"Svar {label}")
    poll_services.vote_cast(poll=poll, user=person, option=option)
    Follow.objects.create(user=person, category=category)
    alert = Subscription.objects.create(email=person.email, confirmed_at=timezone.now())
    alert.districts.set([site_tree["district"]])
    MembershipFactory(association=AssociationFactory(name=f"Förening {label}"), user=person)
    others_post = forum_services.post_reply(thread=thread, author=UserFactory(), text="Reklam")
    moderation.report_create(reporter=person, item=others_post, reason="spam", text=f"Spam {label}")
    moderation.item_hide(
        item=post, moderator=UserFactory(groups=[MODERATORS]), reason=f"Skäl {label}"
    )


def test_the_download_holds_each_kind_of_data_and_nothing_of_others(client, world):
    person, other = UserFactory(display_name="Amina"), UserFactory(display_name="Bertil")
    one_of_everything(person, *world, label="A")
    one_of_everything(other, *world, label="B")
    client.force_login(person)
    response = client.get("/konto/mina-uppgifter.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    for key in (
        "registrations",
        "questions",
        "posts",
        "proposals",
        "supports",
        "votes",
        "follows",
        "alerts",
        "associations",
        "reports_made",
        "moderation",
    ):
        assert data[key], key
    assert data["profile"][0]["display_name"] == "Amina"
    edited = next(post for post in data["posts"] if post["text"] == "Ändrad A")
    assert edited["earlier_versions"] == ["Första A"]
    text = response.content.decode()
    for mine in ("Namn A", "Fråga A", "Ändrad A", "Eget förslag A", "Förslag till stöd A"):
        assert mine in text
    for theirs in ("Bertil", "Namn B", "Fråga B", "Ändrad B", "Eget förslag B", "Omröstning B"):
        assert theirs not in text
    assert other.email not in text


def test_the_readable_version_says_the_same_in_the_persons_language(client, world):
    person = UserFactory(display_name="Amina")
    one_of_everything(person, *world, label="A")
    client.force_login(person)
    html = client.get("/konto/mina-uppgifter/").content.decode()
    assert "Mina uppgifter" in html and "Ladda ner allt (JSON)" in html
    assert "Tidigare versioner" in html and "Första A" in html
    assert "Moderatorernas beslut om det du har skrivit" in html and "Skäl A" in html


def test_alerts_to_an_unconfirmed_address_are_not_shown(client, world):
    person = UserFactory(verified=False)
    Subscription.objects.create(email=person.email, confirmed_at=timezone.now())
    client.force_login(person)
    assert json.loads(client.get("/konto/mina-uppgifter.json").content)["alerts"] == []


def test_my_data_needs_a_login(client, home_page):
    assert client.get("/konto/mina-uppgifter.json").status_code == 302


def test_the_download_and_the_page_hold_thanks_given_questions_supported_and_emails_waiting(
    client, world
):
    meeting_page, site_tree, category, index = world
    person, other = UserFactory(display_name="Amina"), UserFactory(display_name="Bertil")
    thread = forum_services.thread_create(
        category=category, author=other, title="Belysning vid torget", text="Lamporna är trasiga"
    )
    forum_services.thanks_toggle(post=thread.posts.get(), user=person)
    question = meeting_services.question_create(
        page=meeting_page, author=other, text="När kommer nya lampor?"
    )
    meeting_services.question_support_toggle(question=question, user=person)
    email_queue(to=person.email.upper(), subject="Din sammanfattning", body="Tre nya svar")
    email_queue(to=other.email, subject="Bertils sammanfattning", body="Inget för Amina")
    client.force_login(person)

    data = json.loads(client.get("/konto/mina-uppgifter.json").content)
    assert [thanks["thread"] for thanks in data["thanks"]] == ["Belysning vid torget"]
    assert [support["question"] for support in data["question_supports"]] == [
        "När kommer nya lampor?"
    ]
    assert [(email["subject"], email["text"]) for email in data["emails"]] == [
        ("Din sammanfattning", "Tre nya svar")
    ]
    html = client.get("/konto/mina-uppgifter/").content.decode()
    for mine in ("Belysning vid torget", "När kommer nya lampor?", "Din sammanfattning"):
        assert mine in html
    for theirs in ("Bertils sammanfattning", "Lamporna är trasiga", other.email):
        assert theirs not in html and theirs not in json.dumps(data, ensure_ascii=False)


def test_every_section_has_rows_and_every_value_a_label(world):
    from allauth.mfa.models import Authenticator

    from accounts.models import Verification
    from accounts.services import verification_record
    from home.tests.test_retention import session_for
    from moderation.models import Suspension

    meeting_page, site_tree, category, index = world
    person, other = UserFactory(), UserFactory()
    one_of_everything(person, *world, label="A")
    thread = forum_services.thread_create(category=category, author=other, title="T", text="Hej")
    forum_services.thanks_toggle(post=thread.posts.get(), user=person)
    question = meeting_services.question_create(page=meeting_page, author=other, text="Varför?")
    meeting_services.question_support_toggle(question=question, user=person)
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    Suspension.objects.create(user=person, reason="Tonen")
    secret = "JBSWY3DPEHPK3PXP"
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": secret})
    session_for(person, expires_in_days=3)
    sections = personal_data(person)
    for section in sections:
        assert section["rows"], section["key"]
        for row in section["rows"]:
            assert set(row) <= set(section["labels"]), section["key"]
    assert secret not in json.dumps([section["rows"] for section in sections])
