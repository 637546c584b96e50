from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import UserFactory
from forums import services
from forums.models import Post, Thread
from forums.tests.factories import AssociationFactory, CategoryFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def many_threads(category, count):
    authors = UserFactory.create_batch(3, date_joined=timezone.now() - timedelta(days=30))
    association = AssociationFactory()
    MembershipFactory(association=association, user=authors[0])
    for number in range(count):
        thread = services.thread_create(
            category=category,
            author=authors[number % 3],
            title=f"Tråd {number}",
            text="Text",
            tags=[f"tagg{number % 7}", "gemensam"],
            association=association if number % 3 == 0 else None,
        )
        services.post_reply(thread=thread, author=authors[(number + 1) % 3], text="Svar")


def many_posts(thread, count):
    authors = UserFactory.create_batch(5)
    association = AssociationFactory()
    MembershipFactory(association=association, user=authors[0])
    for number in range(count):
        post = services.post_reply(
            thread=thread,
            author=authors[number % 5],
            text=f"Inlägg {number}",
            association=association if number % 5 == 0 else None,
        )
        if number % 4 == 0:
            services.thanks_toggle(post=post, user=authors[(number + 1) % 5])


# Reading


def test_the_front_shows_categories_with_counts(client, forum, thread, reader):
    services.post_reply(thread=thread, author=reader, text="Svar")
    html = client.get(forum.url).content.decode()
    assert "Fittja" in html
    assert "1 tråd" in html and "2 inlägg" in html


def test_the_category_lists_pinned_first_then_latest_activity(client, forum, category, author):
    old = services.thread_create(category=category, author=author, title="Gammal", text="x")
    services.thread_create(category=category, author=author, title="Ny", text="x")
    services.thread_set(thread=old, moderator=UserFactory(groups=["Moderatorer"]), pinned=True)
    html = client.get(forum.category_url(category)).content.decode()
    assert html.index("Gammal") < html.index("Ny")
    assert "Fäst" in html


def test_the_category_filters_by_tag(client, forum, category, author):
    services.thread_create(
        category=category, author=author, title="Lampor", text="x", tags=["ljus"]
    )
    services.thread_create(category=category, author=author, title="Cyklar", text="x")
    html = client.get(forum.category_url(category), {"tag": "ljus"}).content.decode()
    assert "Lampor" in html and "Cyklar" not in html


def test_the_thread_shows_posts_in_order_with_author_badge_and_edited_marker(
    client, forum, thread, author, reader
):
    association = AssociationFactory(name="Fittja Framåt")
    MembershipFactory(association=association, user=reader)
    services.post_reply(
        thread=thread, author=reader, text="Vi hjälper till", association=association
    )
    services.post_edit(post=thread.posts.first(), editor=author, text="Det är mörkt. Fortfarande.")
    html = client.get(forum.thread_url(thread)).content.decode()
    assert html.index("Fortfarande") < html.index("Vi hjälper till")
    assert "Fittja Framåt" in html and "Förening" in html
    assert "(redigerat)" in html
    assert f'href="{forum.url}foreningar/{association.slug}/"' in html


def test_threads_are_paginated_twenty_posts_a_page_and_each_post_has_a_link(
    client, forum, thread, reader
):
    for number in range(25):
        services.post_reply(thread=thread, author=reader, text=f"Svar nummer {number}")
    first = client.get(forum.thread_url(thread)).content.decode()
    assert "Svar nummer 18" in first and "Svar nummer 19" not in first
    last_post = Post.objects.latest("created_at")
    response = client.get(forum.post_url(last_post))
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=2#post-{last_post.pk}")


def test_district_and_home_pages_show_active_threads(client, thread, site_tree):
    assert "Belysningen vid torget" in client.get(site_tree["district"].url).content.decode()
    assert "Belysningen vid torget" in client.get(site_tree["home"].url).content.decode()


def test_english_readers_see_the_category_in_english(client, forum, thread, site_tree):
    english = forum.get_translation(site_tree["home_en"].locale)
    html = client.get(english.thread_url(thread)).content.decode()
    assert "About Fittja" not in html  # the thread page names the category, not its text
    assert 'lang="en"' in html


@pytest.mark.parametrize("size", [1, 45])
def test_front_and_category_queries_do_not_grow(
    client, forum, category, size, django_assert_max_num_queries
):
    many_threads(category, size)
    with django_assert_max_num_queries(25):
        client.get(forum.url)
    with django_assert_max_num_queries(25):
        client.get(forum.category_url(category))
    with django_assert_max_num_queries(25):
        client.get(forum.url + "sok/", {"q": "Text"})


@pytest.mark.parametrize("size", [1, 45])
def test_thread_queries_do_not_grow(
    client, forum, thread, reader, size, django_assert_max_num_queries
):
    many_posts(thread, size)
    client.force_login(reader)
    for page in (1, 2 if size > 20 else 1):
        with django_assert_max_num_queries(35):
            client.get(forum.thread_url(thread), {"page": page})


@pytest.mark.parametrize("size", [1, 45])
def test_association_page_queries_do_not_grow(
    client, forum, thread, reader, size, django_assert_max_num_queries
):
    association = AssociationFactory()
    MembershipFactory(association=association, user=reader)
    for number in range(size):
        services.post_reply(thread=thread, author=reader, text=f"{number}", association=association)
    with django_assert_max_num_queries(20):
        client.get(forum.association_url(association))


# Writing


def test_visitors_must_log_in_to_write(client, forum, category):
    response = client.get(forum.url + "fittja/ny-trad/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_an_unverified_account_cannot_write(client, forum, category):
    client.force_login(UserFactory(verified=False))
    assert client.get(forum.url + "fittja/ny-trad/").status_code == 302


def test_a_resident_starts_a_thread_and_replies(client, forum, category, author, reader):
    client.force_login(author)
    response = client.post(
        forum.url + "fittja/ny-trad/",
        {"title": "Cykelparkering", "text": "Fler **cykelställ**?", "tags": "cykel, centrum"},
    )
    thread = Thread.objects.get(title="Cykelparkering")
    assert response["Location"] == forum.thread_url(thread)
    client.force_login(reader)
    response = client.post(forum.url + f"trad/{thread.pk}/svara/", {"text": "Ja!"}, follow=True)
    html = response.content.decode()
    assert "<strong>cykelställ</strong>" in html and "Ja!" in html


def test_mistakes_get_messages_and_keep_the_text(client, forum, category, author):
    client.force_login(author)
    response = client.post(forum.url + "fittja/ny-trad/", {"title": "", "text": "Min text"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Det här fältet är obligatoriskt" in html
    assert "Min text" in html


def test_posting_too_fast_says_how_long_to_wait(settings, client, forum, thread, reader):
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 30
    client.force_login(reader)
    client.post(forum.url + f"trad/{thread.pk}/svara/", {"text": "Ett"})
    response = client.post(forum.url + f"trad/{thread.pk}/svara/", {"text": "Två"})
    assert response.status_code == 400
    assert "Vänta 30 sekunder" in response.content.decode()
    assert "Två" in response.content.decode()


def test_a_bot_filling_the_honeypot_posts_nothing(client, forum, thread, reader):
    client.force_login(reader)
    client.post(forum.url + f"trad/{thread.pk}/svara/", {"text": "Spam", "website": "x"})
    assert not Post.objects.filter(source="Spam").exists()


def test_no_reply_into_a_locked_thread(client, forum, thread, reader):
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    client.force_login(reader)
    response = client.post(forum.url + f"trad/{thread.pk}/svara/", {"text": "Hallå"})
    assert response.status_code == 403
    assert "tar inte emot fler svar" in client.get(forum.thread_url(thread)).content.decode()


def test_nobody_edits_or_deletes_anothers_post_through_the_pages(client, forum, thread, reader):
    post = thread.posts.get()
    client.force_login(reader)
    assert client.get(forum.url + f"inlagg/{post.pk}/redigera/").status_code == 403
    assert client.post(forum.url + f"inlagg/{post.pk}/redigera/", {"text": "x"}).status_code == 403
    assert client.post(forum.url + f"inlagg/{post.pk}/ta-bort/").status_code == 403
    post.refresh_from_db()
    assert post.source == "Det är mörkt."


def test_no_posting_as_an_association_one_does_not_belong_to(client, forum, thread, reader):
    association = AssociationFactory()
    client.force_login(reader)
    response = client.post(
        forum.url + f"trad/{thread.pk}/svara/", {"text": "x", "write_as": str(association.pk)}
    )
    assert response.status_code == 403
    assert not Post.objects.filter(association=association).exists()


def test_the_author_edits_and_deletes_their_post(client, forum, thread, author):
    post = thread.posts.get()
    client.force_login(author)
    client.post(forum.url + f"inlagg/{post.pk}/redigera/", {"text": "Nu är det ljust."})
    client.post(forum.url + f"inlagg/{post.pk}/ta-bort/")
    html = client.get(forum.thread_url(thread)).content.decode()
    assert "Inlägget togs bort av den som skrev det." in html
    assert "Nu är det ljust." not in html


def test_thanks_and_follow_buttons(client, forum, thread, reader):
    post = thread.posts.get()
    client.force_login(reader)
    client.post(forum.url + f"inlagg/{post.pk}/tack/")
    client.post(forum.url + f"trad/{thread.pk}/folj/")
    post.refresh_from_db()
    assert post.thanks_count == 1
    assert reader.follows.filter(thread=thread).exists()


def test_one_click_unsubscribe(client, forum, thread, reader):
    from forums.notifications import unfollow_token

    follow = services.follow_toggle(user=reader, thread=thread) and reader.follows.get()
    url = f"/avfolj/{unfollow_token(follow)}/"
    assert client.get(url).status_code == 200
    assert reader.follows.exists()  # opening the link changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 204
    assert not reader.follows.exists()


def test_search_shows_only_visible_posts(client, forum, thread, reader):
    services.post_reply(thread=thread, author=reader, text="Gatlyktorna är trasiga")
    hidden = services.post_reply(thread=thread, author=reader, text="Gatlyktorna hemligt")
    Post.objects.filter(pk=hidden.pk).update(status=Post.Status.HIDDEN)
    html = client.get(forum.url + "sok/", {"q": "Gatlyktorna"}).content.decode()
    assert "trasiga" in html and "hemligt" not in html


def test_association_admins_manage_members_and_others_get_403(client, forum, author, reader):
    association = AssociationFactory()
    MembershipFactory(association=association, user=author, role="admin")
    url = forum.association_url(association) + "medlemmar/"
    client.force_login(reader)
    assert client.get(url).status_code == 403
    client.force_login(author)
    client.post(url, {"email": reader.email, "role": "member"})
    assert association.memberships.filter(user=reader).exists()
    response = client.post(url, {"email": "okand@example.org", "role": "member"})
    assert "Ingen med ett bekräftat konto" in response.content.decode()


def test_category_slugs_cannot_take_the_forums_own_addresses(forum):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        CategoryFactory.build(slug="sok").full_clean()


# The thread page: one shared list of posts, each post's footer for its reader


def pressed(html, post):
    article = html.split(f'id="post-{post.pk}"')[1].split("</article>")[0]
    return 'aria-pressed="true"' in article


def test_each_reader_sees_their_own_thanks_on_the_shared_list(client, forum, thread, reader):
    reply = services.post_reply(thread=thread, author=thread.author, text="Svar.")
    other = UserFactory(display_name="Cecilia")
    services.thanks_toggle(post=reply, user=reader)
    client.force_login(other)
    assert not pressed(client.get(forum.thread_url(thread)).content.decode(), reply)
    client.force_login(reader)
    assert pressed(client.get(forum.thread_url(thread)).content.decode(), reply)


def test_only_the_author_sees_edit_links_even_for_a_former_members_post(
    client, forum, thread, reader
):
    own = services.post_reply(thread=thread, author=reader, text="Mitt svar.")
    orphan = services.post_reply(thread=thread, author=UserFactory(), text="Gammalt svar.")
    Post.objects.filter(pk=orphan.pk).update(author=None)
    edit = f"inlagg/{own.pk}/redigera/"
    assert edit not in client.get(forum.thread_url(thread)).content.decode()
    html = client.get(forum.thread_url(thread)).content.decode()
    assert f"inlagg/{orphan.pk}/redigera/" not in html
    client.force_login(reader)
    html = client.get(forum.thread_url(thread)).content.decode()
    assert edit in html
    assert f"inlagg/{orphan.pk}/redigera/" not in html


def test_a_newcomer_sees_their_own_waiting_reply_where_others_see_nothing(client, forum, thread):
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    services.post_reply(thread=thread, author=newcomer, text="Mitt första svar.")
    assert "Mitt första svar." not in client.get(forum.thread_url(thread)).content.decode()
    client.force_login(newcomer)
    assert "Mitt första svar." in client.get(forum.thread_url(thread)).content.decode()


def test_each_member_is_offered_their_own_name_and_their_associations(client, forum, thread):
    association = AssociationFactory(name="Fittja Framåt")
    first, second = UserFactory(display_name="Dalia"), UserFactory(display_name="Erik")
    MembershipFactory(association=association, user=first)
    MembershipFactory(association=association, user=second)
    client.force_login(first)
    html = client.get(forum.thread_url(thread)).content.decode()
    assert "Mig själv (Dalia)" in html and "Fittja Framåt" in html
    client.force_login(second)
    html = client.get(forum.thread_url(thread)).content.decode()
    assert "Mig själv (Erik)" in html and "Dalia" not in html
    client.force_login(UserFactory(display_name="Fredrik"))
    html = client.get(forum.thread_url(thread)).content.decode()
    assert 'name="text"' in html and "Skriv som" not in html


def test_the_thanks_button_on_the_shared_list_carries_the_readers_own_token(forum, thread, reader):
    reply = services.post_reply(thread=thread, author=thread.author, text="Svar.")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    html = browser.get(forum.thread_url(thread)).content.decode()
    form = html.split(f'action="{forum.url}inlagg/{reply.pk}/tack/"')[1].split("</form>")[0]
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(forum.url + f"inlagg/{reply.pk}/tack/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert reply.reactions.filter(user=reader).exists()


def test_my_emails_lists_what_one_follows_and_stops_it_in_one_click(
    client, forum, thread, reader, category
):
    from forums.models import Follow

    services.follow_toggle(user=reader, thread=thread)
    services.follow_toggle(user=reader, category=category)
    client.force_login(reader)
    html = client.get("/konto/mejl/").content.decode()
    assert "Belysningen vid torget" in html and "nya trådar i kategorin" in html
    follow = Follow.objects.get(user=reader, thread=thread)
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.post(f"/konto/mejl/sluta-folja/{follow.pk}/").status_code == 404
    response = client.post(f"/konto/mejl/sluta-folja/{follow.pk}/")
    assert response["Location"] == "/konto/mejl/"
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert Follow.objects.filter(user=reader, category=category).exists()
