"""A person's language decides every email they get, allauth's included: the profile's
language for an account, the page's language when the account is made."""

import pytest
from django.utils import translation

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import PASSWORD, UserFactory
from forums import services as posting
from forums.tests.factories import CategoryFactory
from moderation import services as moderation

pytestmark = pytest.mark.django_db


def test_a_new_account_takes_the_language_of_the_page_it_was_made_on(client, home_page, mailoutbox):
    client.post(
        "/tr/konto/signup/",
        {"email": "yeni@example.org", "password1": PASSWORD, "password2": PASSWORD, "website": ""},
    )

    assert User.objects.get(email="yeni@example.org").preferred_language == "tr"
    in_catalogs = translation.gettext  # allauth's string, not one for our own catalogs
    with translation.override("tr"):
        expected = in_catalogs("Please Confirm Your Email Address")
    assert expected != "Please Confirm Your Email Address"
    assert mailoutbox[0].subject == expected
    assert "/tr/konto/confirm-email/" in mailoutbox[0].body


def test_an_account_in_somali_gets_allauths_emails_in_somali_from_any_page(
    client, home_page, mailoutbox
):
    person = UserFactory(preferred_language="so")

    client.post("/konto/password/reset/", {"email": person.email})  # the Swedish page

    assert mailoutbox[0].subject == "Iimaylka dib u dejinta furaha sirta ah"


def test_an_account_in_somali_gets_torgets_own_emails_in_somali(
    home_page, django_capture_on_commit_callbacks, mailoutbox
):
    reader = UserFactory(preferred_language="so")
    thread = posting.thread_create(
        category=CategoryFactory(), author=reader, title="Nalalka", text="Qoraal"
    )
    reply = thread.posts.get()
    moderator = UserFactory(groups=[MODERATORS])

    with django_capture_on_commit_callbacks(execute=True):
        moderation.item_hide(item=reply, moderator=moderator, reason="Xayeysiis")

    with translation.override("so"):
        expected = translation.gettext("Your post has been hidden")
    assert expected != "Your post has been hidden"
    assert mailoutbox[-1].subject == expected
