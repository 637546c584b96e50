from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User, has_verified_email
from accounts.tests.factories import UserFactory
from forums import services
from forums.models import Follow
from forums.selectors import ThreadReader, thread_reader
from moderation.models import Suspension
from moderation.services import active_suspension

pytestmark = pytest.mark.django_db


def test_a_visitor_is_a_reader_who_cannot_post(thread):
    assert thread_reader(thread=thread, user=AnonymousUser()) == ThreadReader()


def test_the_confirmed_address_rule_is_the_one_accounts_apply(thread):
    confirmed = UserFactory(email="Amina_Y@example.org")
    waiting = UserFactory(email="a_b@example.org", verified=False)
    EmailAddress.objects.create(user=waiting, email="axb@example.org", verified=True)
    for person in (confirmed, waiting):
        assert thread_reader(thread=thread, user=person).can_post == has_verified_email(person)
    assert thread_reader(thread=thread, user=confirmed).can_post


def test_the_suspension_shown_is_the_one_that_stops_posting(thread, reader):
    now = timezone.now()
    Suspension.objects.create(user=reader, reason="Utgången", until=now - timedelta(hours=1))
    Suspension.objects.create(user=reader, reason="Hävd", lifted_at=now)
    assert thread_reader(thread=thread, user=reader).suspension is None
    current = Suspension.objects.create(user=reader, reason="Hot", until=now + timedelta(days=3))
    assert thread_reader(thread=thread, user=reader).suspension == current
    assert active_suspension(reader) == current


def test_following_and_own_waiting_posts(thread, reader):
    assert not thread_reader(thread=thread, user=reader).following
    Follow.objects.create(user=reader, thread=thread)
    assert thread_reader(thread=thread, user=reader).following
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    services.post_reply(thread=thread, author=newcomer, text="Första svaret.")
    assert thread_reader(thread=thread, user=newcomer).has_pending_posts
    assert not thread_reader(thread=thread, user=reader).has_pending_posts


def test_thanks_in_this_thread_and_association_membership(thread, reader, category):
    from forums.tests.factories import AssociationFactory, MembershipFactory

    reply = services.post_reply(thread=thread, author=thread.author, text="Svar.")
    other = services.thread_create(category=category, author=thread.author, title="B", text="C")
    services.thanks_toggle(post=other.posts.get(), user=reader)
    assert not thread_reader(thread=thread, user=reader).has_thanked_here
    services.thanks_toggle(post=reply, user=reader)
    assert thread_reader(thread=thread, user=reader).has_thanked_here
    MembershipFactory(association=AssociationFactory(verified=False), user=reader)
    assert not thread_reader(thread=thread, user=reader).writes_for_associations
    MembershipFactory(association=AssociationFactory(), user=reader)
    assert thread_reader(thread=thread, user=reader).writes_for_associations
