import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from events import services as meeting_services
from events.emails import registration_token
from events.tests.factories import EventPageFactory
from events.tests.test_views import GUEST, register_url
from home import cache

CACHE = "X-Torget-Cache"


@pytest.fixture(autouse=True)
def empty_page_cache():
    cache.page_cache().clear()


def guest_confirmed(page, email):
    registration = meeting_services.registration_create(
        page=page, name="Gäst", email=email, language="sv", consent=True
    )
    return meeting_services.registration_confirm(registration=registration)


def test_the_second_anonymous_visit_is_served_from_the_cache_without_the_database(
    client, meeting_page
):
    assert client.get(meeting_page.url)[CACHE] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(meeting_page.url)
    assert response[CACHE] == "hit"
    assert "10 platser kvar" in response.content.decode()
    assert len(queries) == 0


def test_a_confirmed_registration_shows_on_the_cached_page_at_once(client, meeting_page):
    assert "10 platser kvar" in client.get(meeting_page.url).content.decode()
    guest_confirmed(meeting_page, "a@example.org")
    response = client.get(meeting_page.url)
    assert response[CACHE] == "miss"
    assert "9 platser kvar" in response.content.decode()


def test_a_published_meeting_shows_on_the_cached_list_at_once(client, meeting_index):
    assert "Trygghetsvandring i Alby" not in client.get(meeting_index.url).content.decode()
    page = EventPageFactory(parent=meeting_index, title="Trygghetsvandring i Alby")
    page.save_revision().publish()
    assert "Trygghetsvandring i Alby" in client.get(meeting_index.url).content.decode()


def test_swedish_and_english_pages_are_cached_apart(client, meeting_page, meeting_page_en):
    client.get(meeting_page.url)
    english = client.get(meeting_page_en.url)
    assert english[CACHE] == "miss"
    assert 'lang="en"' in english.content.decode()
    assert 'lang="sv"' in client.get(meeting_page.url).content.decode()


def test_logged_in_readers_are_never_served_nor_stored(client, meeting_page):
    client.force_login(UserFactory())
    first, second = client.get(meeting_page.url), client.get(meeting_page.url)
    assert CACHE not in first and CACHE not in second
    assert "Mitt konto" in second.content.decode()
    anonymous = Client().get(meeting_page.url)
    assert anonymous[CACHE] == "miss"
    assert "Mitt konto" not in anonymous.content.decode()
    assert "Logga in" in anonymous.content.decode()


def test_a_cached_form_carries_a_fresh_csrf_token_that_works(meeting_page):
    browser = Client(enforce_csrf_checks=True)
    Client().get(meeting_page.url)  # someone else filled the cache
    response = browser.get(meeting_page.url)
    assert response[CACHE] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', response.content.decode())[1]
    assert "__torget" not in response.content.decode()
    posted = browser.post(register_url(meeting_page), {**GUEST, "csrfmiddlewaretoken": token})
    assert posted.status_code == 302


def test_each_cached_response_gets_its_own_script_nonce(client, meeting_page):
    client.get(meeting_page.url)
    nonces = []
    for _ in range(2):
        response = Client().get(meeting_page.url)
        assert response[CACHE] == "hit"
        nonce = re.search(r'<script type="application/ld\+json" nonce="([^"]+)"', response.text)[1]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_a_personal_link_is_never_cached(client, meeting_page):
    registration = guest_confirmed(meeting_page, "a@example.org")
    url = f"/anmalan/{registration_token(registration)}/"
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert CACHE not in client.get(url)


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ('INSERT INTO "forums_post" ("text") VALUES (%s)', cache.CONTENT),
        ('INSERT OR IGNORE INTO "proposals_support" ("user_id") VALUES (%s)', cache.CONTENT),
        ('UPDATE "events_registration" SET "status" = %s', cache.CONTENT),
        ('DELETE FROM "wagtailcore_page" WHERE id = 1', cache.STRUCTURE),
        ('UPDATE "events_eventpage" SET "capacity" = %s', cache.STRUCTURE),
        ('UPDATE "home_sitesettings" SET "contact_email" = %s', cache.STRUCTURE),
        ('UPDATE "account_emailaddress" SET "verified" = %s', cache.READERS),
        ('INSERT INTO "moderation_suspension" ("user_id") VALUES (%s)', cache.READERS),
        ('INSERT INTO "forums_follow" ("user_id") VALUES (%s)', cache.READERS),
        ('INSERT INTO "events_questionsupport" ("user_id") VALUES (%s)', cache.READERS),
        ('INSERT INTO "reports_observation" ("text") VALUES (%s)', cache.READERS),
        ('UPDATE "accounts_session" SET "expire_date" = %s', None),
        ('INSERT INTO "django_tasks_db_dbtaskresult" ("status") VALUES (%s)', None),
        ('INSERT INTO "home_outgoingemail" ("to") VALUES (%s)', None),
        ('INSERT INTO "wagtailcore_revision" ("content") VALUES (%s)', None),
        ('SELECT * FROM "forums_post"', None),
    ],
)
def test_only_writes_to_what_pages_show_make_the_cache_stale(sql, kind):
    assert cache._written_kind(sql) == kind


def test_a_new_post_leaves_routes_and_menus_cached_but_a_publish_does_not(db):
    structure, content = cache.version(cache.STRUCTURE), cache.version(cache.CONTENT)
    cache._watch_writes(
        lambda *args: None, 'INSERT INTO "forums_post"', (), False, {"connection": connection}
    )
    assert cache.version(cache.STRUCTURE) == structure
    assert cache.version(cache.CONTENT) != content
    content = cache.version(cache.CONTENT)
    cache._watch_writes(
        lambda *args: None, 'UPDATE "wagtailcore_page"', (), False, {"connection": connection}
    )
    assert cache.version(cache.STRUCTURE) != structure
    assert cache.version(cache.CONTENT) != content


def test_a_new_display_name_shows_on_the_cached_thread_at_once(client, settings, db):
    from forums import services as forum_services
    from forums.tests.factories import CategoryFactory, ForumPageFactory
    from home.tests.factories import site_root_ensure

    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    forum = ForumPageFactory(parent=site_root_ensure())
    author = UserFactory(display_name="Amina")
    thread = forum_services.thread_create(
        category=CategoryFactory(), author=author, title="Belysningen", text="Mörkt."
    )
    assert "Amina" in client.get(forum.thread_url(thread)).content.decode()
    profile = Client()
    profile.force_login(author)
    profile.post(
        "/konto/profil/",
        {"display_name": "Amina Y.", "preferred_language": "sv"},
    )
    assert "Amina Y." in client.get(forum.thread_url(thread)).content.decode()


@pytest.mark.parametrize("how", ["expired", "signed out elsewhere", "never known"])
def test_a_session_cookie_the_server_does_not_know_is_no_session(client, meeting_page, how):
    """Served from the page cache like any visitor's page, and the stale cookie is deleted."""
    from django.conf import settings
    from django.utils import timezone

    from accounts.models import Session

    Client().get(meeting_page.url)  # someone filled the cache
    reader = Client()
    reader.force_login(UserFactory())
    key = reader.cookies[settings.SESSION_COOKIE_NAME].value
    if how == "expired":
        Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    elif how == "signed out elsewhere":
        Session.objects.filter(session_key=key).delete()
    else:
        reader.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(meeting_page.url)
    assert response[CACHE] == "hit"
    assert len(queries) == 1  # looking the session up
    assert "Logga in" in response.content.decode()
    deleted = response.cookies[settings.SESSION_COOKIE_NAME]
    assert deleted.value == "" and deleted["max-age"] == 0
    assert "public" not in response.get("Cache-Control", "")
    # The next visit carries no session cookie at all.
    assert reader.get(meeting_page.url)[CACHE] == "hit"


def test_a_stale_session_cookie_on_a_page_not_yet_cached_stores_it_and_deletes_the_cookie(
    client, meeting_page
):
    from django.conf import settings

    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    response = client.get(meeting_page.url)
    assert response[CACHE] == "miss"
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""
    assert "public" not in response.get("Cache-Control", "")
    assert Client().get(meeting_page.url)[CACHE] == "hit"


def test_a_known_session_is_still_never_served_from_the_cache(client, meeting_page):
    Client().get(meeting_page.url)
    client.force_login(UserFactory())
    response = client.get(meeting_page.url)
    assert CACHE not in response
    assert "Mitt konto" in response.content.decode()


def test_what_is_kept_for_a_reader_is_theirs_and_goes_stale_with_any_change(db):
    first, second = UserFactory(), UserFactory()
    asked = []

    def answer(user):
        asked.append(user.pk)
        return None if user == first else False  # answers the cache could take for "nothing"

    assert cache.reader_part(first, "row", lambda: answer(first)) is None
    assert cache.reader_part(second, "row", lambda: answer(second)) is False
    assert cache.reader_part(first, "row", lambda: answer(first)) is None
    assert asked == [first.pk, second.pk]
    cache.readers_changed()  # a follow, a suspension, an address confirmed…
    cache.reader_part(first, "row", lambda: answer(first))
    cache.content_changed()  # a registration, a vote, a post…
    cache.reader_part(first, "row", lambda: answer(first))
    cache.reader_part(first, "row", lambda: answer(first), "another page")
    assert asked == [first.pk, second.pk, first.pk, first.pk, first.pk]
