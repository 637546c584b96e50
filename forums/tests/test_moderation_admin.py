import pytest

from accounts.tests.factories import UserFactory
from forums import services as posting
from moderation.models import LogEntry, Report

pytestmark = pytest.mark.django_db


def endpoints(post, thread, person):
    return [
        ("get", "/admin/moderering/", {}),
        ("get", "/admin/moderering/?tab=reported", {}),
        ("get", "/admin/moderering/logg/", {}),
        ("post", f"/admin/moderering/post/{post.pk}/", {"action": "approve"}),
        ("post", f"/admin/moderering/post/{post.pk}/", {"action": "hide", "reason": "x"}),
        ("post", "/admin/moderering/godkann/", {"post": [post.pk]}),
        ("post", f"/admin/forum/trad/{thread.pk}/", {"action": "lock"}),
        ("post", f"/admin/moderering/person/{person.pk}/", {"action": "suspend", "reason": "x"}),
    ]


@pytest.mark.parametrize("index", range(8))
def test_every_moderation_endpoint_refuses_non_moderators(client, thread, newcomer, reader, index):
    post = posting.post_reply(thread=thread, author=newcomer, text="Väntar")
    method, url, data = endpoints(post, thread, newcomer)[index]
    client.force_login(UserFactory(groups=["Redaktörer"]))  # admin access, not moderation
    response = getattr(client, method)(url, data)
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.status == "pending"
    assert not LogEntry.objects.exclude(action="held").exists()


def test_the_queue_shows_pending_items_with_the_authors_history(
    client, thread, newcomer, moderator
):
    posting.post_reply(thread=thread, author=newcomer, text="Mitt första inlägg")
    client.force_login(moderator)
    html = client.get("/admin/moderering/").content.decode()
    assert "Mitt första inlägg" in html
    assert "0 godkända, 0 dolda, 0 rapporter mot" in html


def test_a_moderator_approves_in_bulk_and_hides_with_a_templated_reason(
    client, thread, newcomer, moderator
):
    posts = [posting.post_reply(thread=thread, author=newcomer, text=f"{n}") for n in range(2)]
    client.force_login(moderator)
    client.post("/admin/moderering/godkann/", {"post": [p.pk for p in posts]})
    assert all(
        p.status == "visible" for p in type(posts[0]).objects.filter(pk__in=[p.pk for p in posts])
    )
    client.post(
        f"/admin/moderering/post/{posts[0].pk}/",
        {"action": "hide", "template": "Spam eller reklam", "reason": "Länk till en butik"},
    )
    entry = LogEntry.objects.get(post=posts[0], action="hidden")
    assert entry.reason == "Spam eller reklam Länk till en butik"


def test_reported_items_are_listed_most_reported_first(client, thread, reader, moderator):
    little = posting.post_reply(thread=thread, author=reader, text="Lite rapporterad")
    much = posting.post_reply(thread=thread, author=reader, text="Mycket rapporterad")
    for reporter in UserFactory.create_batch(2):
        Report.objects.create(reporter=reporter, item=much, reason="spam")
    Report.objects.create(reporter=UserFactory(), item=little, reason="other", text="Fel tråd")
    client.force_login(moderator)
    html = client.get("/admin/moderering/?tab=reported").content.decode()
    assert html.index("Mycket rapporterad") < html.index("Lite rapporterad")
    assert "Fel tråd" in html


def test_the_log_filters_by_action(client, thread, reader, moderator):
    from moderation import services

    post = posting.post_reply(thread=thread, author=reader, text="x")
    services.item_hide(item=post, moderator=moderator, reason="Skäl A")
    posting.thread_set(thread=thread, moderator=moderator, locked=True)
    client.force_login(moderator)
    html = client.get("/admin/moderering/logg/", {"action": "locked"}).content.decode()
    assert "låste tråden" in html and "Skäl A" not in html


def test_the_dashboard_shows_what_waits(client, thread, newcomer, moderator):
    posting.post_reply(thread=thread, author=newcomer, text="Väntar")
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "väntar på godkännande" in html


def test_readers_report_through_a_form(client, forum, thread, reader):
    post = thread.posts.get()
    client.force_login(reader)
    url = f"/rapportera/inlagg/{post.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "other", "text": ""})
    assert response.status_code == 400
    assert "Skriv vad som är fel." in response.content.decode()
    response = client.post(url, {"reason": "personal", "text": ""})
    assert response.status_code == 302
    assert Report.objects.get().reason == "personal"
    client.logout()
    assert client.get(url).status_code == 302  # to the login
