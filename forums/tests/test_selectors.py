import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from accounts.tests.factories import UserFactory
from forums import services
from forums.models import Follow
from forums.selectors import ThreadReader, thread_reader
from moderation.models import Suspension

pytestmark = pytest.mark.django_db


def test_a_visitor_is_a_reader_who_cannot_post(thread):
    assert thread_reader(thread=thread, user=AnonymousUser()) == ThreadReader()


def test_the_reader_row_carries_the_rules_of_accounts(thread, reader):
    """The rules themselves are pinned in accounts/tests/test_readers.py."""
    assert thread_reader(thread=thread, user=reader).can_post
    assert not thread_reader(thread=thread, user=UserFactory(verified=False)).can_post
    current = Suspension.objects.create(user=reader, reason="Hot")
    assert thread_reader(thread=thread, user=reader).suspension == current


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
