from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.tests.factories import UserFactory
from forums import services
from forums.models import Follow, Post, PostRevision, Thread
from forums.notifications import notifications_send
from forums.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_starting_a_thread_makes_its_first_post_and_follows_it(category, author):
    thread = services.thread_create(
        category=category,
        author=author,
        title="Belysningen",
        text="Det är **mörkt**.",
        tags=["belysning", "trygghet"],
    )
    post = thread.posts.get()
    assert post.html == "<p>Det är <strong>mörkt</strong>.</p>\n"
    assert post.source == "Det är **mörkt**."
    assert sorted(thread.tags.names()) == ["belysning", "trygghet"]
    assert Follow.objects.filter(user=author, thread=thread).exists()
    assert thread.last_post == post


def test_a_reply_updates_the_thread_and_follows_it(thread, reader):
    post = services.post_reply(thread=thread, author=reader, text="Håller med.")
    thread.refresh_from_db()
    assert (thread.reply_count, thread.last_post) == (1, post)
    assert Follow.objects.filter(user=reader, thread=thread).exists()


def test_editing_keeps_the_earlier_version(thread, author):
    post = thread.posts.get()
    services.post_edit(post=post, editor=author, text="Det är *ljust* nu.")
    post.refresh_from_db()
    assert post.edited_at is not None
    assert "<em>ljust</em>" in post.html
    assert list(PostRevision.objects.values_list("source", flat=True)) == ["Det är mörkt."]


def test_nobody_edits_or_deletes_anothers_post(thread, reader):
    post = thread.posts.get()
    with pytest.raises(PermissionDenied):
        services.post_edit(post=post, editor=reader, text="Ändrat")
    with pytest.raises(PermissionDenied):
        services.post_delete(post=post, by=reader)


def test_deleting_leaves_a_line_in_the_thread(thread, author, reader):
    reply = services.post_reply(thread=thread, author=reader, text="Svar")
    services.post_delete(post=reply, by=reader)
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert (reply.status, reply.removed_by) == (Post.Status.REMOVED, Post.RemovedBy.AUTHOR)
    assert thread.reply_count == 0
    assert thread.last_post == thread.posts.order_by("created_at").first()


def test_locked_threads_take_no_replies(thread, reader):
    moderator = UserFactory(groups=["Moderatorer"])
    services.thread_set(thread=thread, moderator=moderator, locked=True)
    with pytest.raises(PermissionDenied):
        services.post_reply(thread=thread, author=reader, text="Hallå?")
    with pytest.raises(PermissionDenied):
        services.thread_set(thread=thread, moderator=reader, locked=False)


def test_thanks_once_per_person_and_not_for_oneself(thread, author, reader):
    post = thread.posts.get()
    assert services.thanks_toggle(post=post, user=reader) is True
    post.refresh_from_db()
    assert post.thanks_count == 1
    assert services.thanks_toggle(post=post, user=reader) is False
    post.refresh_from_db()
    assert post.thanks_count == 0
    with pytest.raises(services.ForumError):
        services.thanks_toggle(post=post, user=author)


def test_only_members_write_as_a_verified_association(category, author, reader):
    association = AssociationFactory()
    MembershipFactory(association=association, user=author)
    thread = services.thread_create(
        category=category, author=author, title="Läxhjälp", text="Tisdagar", association=association
    )
    assert thread.posts.get().association == association
    with pytest.raises(PermissionDenied):
        services.post_reply(thread=thread, author=reader, text="Vi också", association=association)
    unverified = AssociationFactory(verified=False)
    MembershipFactory(association=unverified, user=author)
    with pytest.raises(PermissionDenied):
        services.post_reply(thread=thread, author=author, text="x", association=unverified)


def test_posting_again_too_soon_is_refused_with_the_wait(settings, thread, reader):
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 30
    now = timezone.now()
    services.post_reply(thread=thread, author=reader, text="Ett", at=now)
    with pytest.raises(services.ForumError) as refused:
        services.post_reply(
            thread=thread, author=reader, text="Två", at=now + timedelta(seconds=10)
        )
    assert refused.value.code == "too_fast"
    assert "20" in str(refused.value.message)
    services.post_reply(thread=thread, author=reader, text="Tre", at=now + timedelta(seconds=31))


def test_new_accounts_start_at_most_five_threads_a_day(category):
    newcomer = UserFactory()
    for number in range(5):
        services.thread_create(category=category, author=newcomer, title=f"T{number}", text="x")
    with pytest.raises(services.ForumError) as refused:
        services.thread_create(category=category, author=newcomer, title="T6", text="x")
    assert refused.value.code == "too_many_threads"
    veteran = UserFactory(date_joined=timezone.now() - timedelta(days=30))
    for number in range(6):
        services.thread_create(category=category, author=veteran, title=f"V{number}", text="x")


def test_followers_get_one_email_an_hour_per_thread_never_about_their_own_posts(
    thread, author, reader, django_capture_on_commit_callbacks, mailoutbox
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(thread=thread, author=reader, text="Första svaret", at=now)
        services.post_reply(thread=thread, author=reader, text="Andra svaret", at=now)
    assert [email.to for email in mailoutbox] == [[author.email]]
    assert "Första svaret" in mailoutbox[0].body
    assert "/avfolj/" in mailoutbox[0].body
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(
            thread=Thread.objects.get(pk=thread.pk), author=reader, text="Tredje", at=now
        )
    assert len(mailoutbox) == 1  # within the hour: nothing more yet
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_send(at=now + timedelta(minutes=61)) == 1
        assert notifications_send(at=now + timedelta(minutes=62)) == 0
    assert len(mailoutbox) == 2
    assert "Tredje" in mailoutbox[-1].body


def test_daily_digest_collects_threads_into_one_email(
    category, author, reader, django_capture_on_commit_callbacks, mailoutbox
):
    reader.reply_emails = "daily"
    reader.save()
    now = timezone.now()
    first = services.thread_create(category=category, author=author, title="Ett", text="x")
    second = services.thread_create(category=category, author=author, title="Två", text="x")
    for thread in (first, second):
        services.post_reply(thread=thread, author=reader, text="Jag följer", at=now)
        services.post_reply(thread=thread, author=author, text=f"Svar i {thread.title}", at=now)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notifications_send(at=now + timedelta(minutes=5))
    digests = [email for email in mailoutbox if email.to == [reader.email]]
    assert len(digests) == 1
    assert "Svar i Ett" in digests[0].body and "Svar i Två" in digests[0].body


def test_following_a_category_brings_news_of_new_threads(
    category, author, reader, django_capture_on_commit_callbacks, mailoutbox
):
    services.follow_toggle(user=reader, category=category)
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_create(category=category, author=author, title="Nytt om torget", text="x")
    email = next(email for email in mailoutbox if email.to == [reader.email])
    assert "Nytt om torget" in email.body


def test_association_admins_add_and_remove_members(author, reader):
    association = AssociationFactory()
    MembershipFactory(association=association, user=author, role="admin")
    services.association_member_add(
        association=association, by=author, email=reader.email, role="member"
    )
    membership = association.memberships.get(user=reader)
    with pytest.raises(PermissionDenied):
        services.association_member_add(
            association=association, by=reader, email="x@example.org", role="member"
        )
    with pytest.raises(services.ForumError):
        services.association_member_add(
            association=association, by=author, email="okand@example.org", role="member"
        )
    services.association_member_remove(association=association, by=author, membership=membership)
    admin = association.memberships.get(user=author)
    with pytest.raises(services.ForumError):
        services.association_member_remove(association=association, by=author, membership=admin)
