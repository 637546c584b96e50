import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import User
from accounts.tests.factories import UserFactory
from forums import services as posting
from forums.models import Post, Thread
from moderation import services
from moderation.models import LogEntry, Report, WatchedWord

pytestmark = pytest.mark.django_db


def test_a_new_accounts_first_posts_wait_and_only_the_author_sees_them(
    client, forum, thread, newcomer, reader
):
    post = posting.post_reply(thread=thread, author=newcomer, text="Mitt första inlägg")
    assert post.status == Post.Status.PENDING
    assert LogEntry.objects.get(post=post).action == LogEntry.Action.HELD
    url = forum.thread_url(thread)
    assert "Mitt första inlägg" not in client.get(url).content.decode()
    client.force_login(reader)
    assert "Mitt första inlägg" not in client.get(url).content.decode()
    client.force_login(newcomer)
    html = client.get(url).content.decode()
    assert "Mitt första inlägg" in html and "Väntar på moderator" in html
    thread.refresh_from_db()
    assert thread.reply_count == 0  # nobody else counts it yet


def test_a_new_accounts_first_thread_is_hidden_from_others(client, forum, category, newcomer):
    thread = posting.thread_create(category=category, author=newcomer, title="Ny tråd", text="x")
    assert thread.status == Thread.Status.PENDING
    assert client.get(forum.thread_url(thread)).status_code == 404
    assert "Ny tråd" not in client.get(forum.category_url(category)).content.decode()


def test_approving_publishes_and_three_approvals_make_an_account_trusted(
    client, forum, thread, newcomer, moderator
):
    posts = [posting.post_reply(thread=thread, author=newcomer, text=f"Nr {n}") for n in range(3)]
    services.items_approve(items=posts, moderator=moderator)
    assert "Nr 2" in client.get(forum.thread_url(thread)).content.decode()
    thread.refresh_from_db()
    assert thread.reply_count == 3
    fourth = posting.post_reply(thread=thread, author=newcomer, text="Nr 3")
    assert fourth.status == Post.Status.VISIBLE
    assert LogEntry.objects.filter(action="approved", actor=moderator).count() == 3


def test_approving_a_pending_thread_publishes_it(client, forum, category, newcomer, moderator):
    thread = posting.thread_create(category=category, author=newcomer, title="Ny tråd", text="x")
    services.items_approve(items=[thread.posts.get()], moderator=moderator)
    assert client.get(forum.thread_url(thread)).status_code == 200


def test_staff_mark_accounts_trusted_or_untrusted(thread, newcomer, reader, moderator):
    services.user_trust_set(user=newcomer, moderator=moderator, trust=User.Trust.TRUSTED)
    assert posting.post_reply(thread=thread, author=newcomer, text="a").status == "visible"
    services.user_trust_set(user=reader, moderator=moderator, trust=User.Trust.UNTRUSTED)
    assert posting.post_reply(thread=thread, author=reader, text="b").status == "pending"
    assert set(LogEntry.objects.values_list("action", flat=True)) >= {"trusted", "untrusted"}


def test_new_accounts_may_include_at_most_two_links(thread, newcomer):
    text = "[a](https://a.example) [b](https://b.example) [c](https://c.example)"
    with pytest.raises(posting.ForumError) as refused:
        posting.post_reply(thread=thread, author=newcomer, text=text)
    assert refused.value.code == "links"
    posting.post_reply(
        thread=thread, author=newcomer, text="[a](https://a.example) [b](https://b.example)"
    )


def test_watched_words_block_or_hold(thread, reader):
    WatchedWord.objects.create(word="idiot", action="block")
    WatchedWord.objects.create(word="personnummer", action="hold")
    with pytest.raises(posting.ForumError) as refused:
        posting.post_reply(thread=thread, author=reader, text="Du är en IDIOT.")
    assert "idiot" in str(refused.value.message)
    held = posting.post_reply(thread=thread, author=reader, text="Här är hans personnummer")
    assert held.status == Post.Status.PENDING
    fine = posting.post_reply(
        thread=thread, author=reader, text="Idiotsäker lösning"
    )  # whole words
    assert fine.status == Post.Status.VISIBLE


def test_the_third_distinct_reporter_hides_the_item_and_the_author_is_told(
    reply, django_capture_on_commit_callbacks, mailoutbox
):
    first, second, third = UserFactory.create_batch(3)
    services.report_create(reporter=first, item=reply, reason="spam")
    services.report_create(reporter=first, item=reply, reason="hate")  # counts once
    services.report_create(reporter=second, item=reply, reason="spam")
    reply.refresh_from_db()
    assert reply.status == Post.Status.VISIBLE
    assert Report.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.report_create(reporter=third, item=reply, reason="other", text="Reklam")
    reply.refresh_from_db()
    assert reply.status == Post.Status.HIDDEN
    assert LogEntry.objects.get(post=reply).action == LogEntry.Action.AUTO_HIDDEN
    assert [email.to for email in mailoutbox] == [[reply.author.email]]


def test_reports_are_limited_to_twenty_a_day(settings, thread, reader):
    settings.TORGET_REPORTS_PER_DAY = 2
    posts = [posting.post_reply(thread=thread, author=reader, text=f"{n}") for n in range(3)]
    reporter = UserFactory()
    services.report_create(reporter=reporter, item=posts[0], reason="spam")
    services.report_create(reporter=reporter, item=posts[1], reason="spam")
    with pytest.raises(services.ModerationError) as refused:
        services.report_create(reporter=reporter, item=posts[2], reason="spam")
    assert refused.value.code == "too_many"


def test_hiding_tells_the_author_why_and_how_to_ask_for_a_review(
    reply, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.item_hide(item=reply, moderator=moderator, reason="Personuppgifter")
    reply.refresh_from_db()
    assert reply.status == Post.Status.HIDDEN
    email = mailoutbox[0]
    assert email.subject == "Ditt inlägg har dolts"
    assert "Personuppgifter" in email.body and "granskning" in email.body
    entry = LogEntry.objects.get(post=reply, action="hidden")
    assert (entry.actor, entry.reason, entry.subject) == (
        moderator,
        "Personuppgifter",
        reply.author,
    )


def test_removing_for_good_deletes_the_text_and_its_history(reply, reader, moderator):
    posting.post_edit(post=reply, editor=reader, text="Hans adress är Storgatan 1")
    services.item_remove(item=reply, moderator=moderator, reason="Personuppgifter")
    reply.refresh_from_db()
    assert (reply.status, reply.source, reply.html) == ("removed", "", "")
    assert not reply.revisions.exists()


def test_suspended_people_cannot_post_and_are_told_why(client, forum, thread, reader, moderator):
    services.user_suspend(user=reader, moderator=moderator, reason="Hot mot andra", days=7)
    with pytest.raises(posting.ForumError) as refused:
        posting.post_reply(thread=thread, author=reader, text="Hej")
    assert "Hot mot andra" in str(refused.value.message)
    client.force_login(reader)
    html = client.get(forum.thread_url(thread)).content.decode()
    assert "Hot mot andra" in html and 'name="text"' not in html
    response = client.get(forum.url + f"{thread.category.slug}/ny-trad/")
    assert response.status_code == 403
    services.user_unsuspend(user=reader, moderator=moderator)
    posting.post_reply(thread=thread, author=reader, text="Tillbaka")


def test_thread_actions_are_logged(thread, moderator, category):
    from forums.tests.factories import CategoryFactory

    other = CategoryFactory(name="Trygghet", slug="trygghet")
    posting.thread_set(thread=thread, moderator=moderator, locked=True)
    posting.thread_set(thread=thread, moderator=moderator, pinned=True)
    posting.thread_set(thread=thread, moderator=moderator, category=other)
    thread.refresh_from_db()
    assert (thread.is_locked, thread.is_pinned, thread.category) == (True, True, other)
    actions = list(LogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["locked", "pinned", "moved"]


def test_only_moderators_decide(reply, reader):
    for decide in (
        lambda: services.items_approve(items=[reply], moderator=reader),
        lambda: services.item_hide(item=reply, moderator=reader, reason="x"),
        lambda: services.item_remove(item=reply, moderator=reader, reason="x"),
        lambda: services.user_suspend(user=reader, moderator=reader, reason="x", days=1),
    ):
        with pytest.raises(PermissionDenied):
            decide()
