"""Every public page costs the same few queries, whether the site holds one item or many.

The page cache is switched off here: these are the queries of rendering a page, which a cache
miss, a logged-in reader and a page after every change all pay.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events.tests.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from forums import services as forum_services
from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.translations import locales_ensure
from polls import services as poll_services
from polls.models import Poll, PollOption
from proposals import services as proposal_services
from proposals.tests.factories import ProposalIndexPageFactory
from updates.tests.factories import UpdateIndexPageFactory, update

QUERY_BUDGET = 15
# A reader who is logged in also costs their session, account, verified address, suspension
# check, permissions and what they follow: a fixed few more, never more with more data.
LOGGED_IN_BUDGET = 20


@pytest.fixture
def site(site_tree, settings):
    settings.TORGET_PAGE_CACHE_SECONDS = 0
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    district = site_tree["district"]
    meetings = EventIndexPageFactory(parent=site_tree["home"])
    updates = UpdateIndexPageFactory(parent=site_tree["home"])
    forum = ForumPageFactory(parent=site_tree["home"])
    category = CategoryFactory(name="Fittja", slug="fittja", district=district)
    author = UserFactory(display_name="Amina")
    thread = forum_services.thread_create(
        category=category, author=author, title="Belysningen vid torget", text="Det är mörkt."
    )
    proposals = ProposalIndexPageFactory(parent=site_tree["home"], discussion_category=category)
    poll = Poll.objects.create(
        question="Vad först?", page=district, closes_at=timezone.now() + timedelta(days=1)
    )
    poll.districts.set([district])
    poll.save()
    PollOption.objects.create(poll=poll, text="Ljus")
    PollOption.objects.create(poll=poll, text="Bänkar")
    built = {
        "poll": poll,
        "proposals": proposals,
        "tree": site_tree,
        "meetings": meetings,
        "updates": updates,
        "forum": forum,
        "category": category,
        "thread": thread,
        "authors": UserFactory.create_batch(3, date_joined=timezone.now() - timedelta(days=30)),
    }
    grow(built, 1)
    return built


def grow(site, count):
    """`count` more of everything a public page lists: meetings with registrations, measures,
    threads with tags, and replies in the one thread whose pages are read."""
    district = site["tree"]["district"]
    start = site.get("grown", 0)
    for number in range(start, start + count):
        meeting = EventPageFactory(parent=site["meetings"], title=f"Möte {number}")
        meeting.districts.set([district])
        meeting.save_revision().publish()
        RegistrationFactory.create_batch(2, meeting=meeting.meeting)
        update(site["updates"], f"Insats {number}", [district])
        author = site["authors"][number % 3]
        forum_services.thread_create(
            category=site["category"],
            author=author,
            title=f"Tråd {number}",
            text="Text",
            tags=[f"tagg{number}"],
        )
        post = forum_services.post_reply(
            thread=site["thread"], author=author, text=f"Svar {number}"
        )
        forum_services.thanks_toggle(post=post, user=site["authors"][(number + 1) % 3])
        proposal = proposal_services.proposal_create(
            index_page=site["proposals"],
            author=author,
            district=district,
            title=f"Förslag {number}",
            text="Text",
        )
        proposal_services.support_toggle(proposal=proposal, user=site["authors"][(number + 1) % 3])
        site.setdefault("proposals_made", []).append(proposal)
        poll = site["poll"]
        poll_services.vote_cast(poll=poll, user=UserFactory(), option=poll.options.first())
    site["grown"] = start + count


def public_pages(site):
    tree, forum, thread = site["tree"], site["forum"], site["thread"]
    meeting = site["meetings"].get_children().live().last().specific
    measure = site["updates"].get_children().live().last().specific
    thread.refresh_from_db()
    last_page = (thread.reply_count + 1 + 19) // 20
    return {
        "home": tree["home"].url,
        "district": tree["district"].url,
        "meeting list": site["meetings"].url,
        "meeting": meeting.url,
        "update list": site["updates"].url,
        "update": measure.url,
        "forum front": forum.url,
        "category": forum.category_url(site["category"]),
        "thread": forum.thread_url(thread),
        "thread, last page": f"{forum.thread_url(thread)}?page={last_page}",
        "proposals": site["proposals"].url,
        "proposals, newest": site["proposals"].url + "?sort=newest&district=fittja",
        "proposal": site["proposals"].proposal_url(site["proposals_made"][-1]),
    }


def queries_per_page(client, site, django_assert_max_num_queries, budget=QUERY_BUDGET):
    counts = {}
    for name, url in public_pages(site).items():
        client.get(url)  # the first visit after a change fills the caches of menu and footer
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured.captured_queries)
    return counts


def test_every_public_page_stays_within_the_budget_with_one_item_or_thirty(
    client, site, django_assert_max_num_queries
):
    small = queries_per_page(client, site, django_assert_max_num_queries)
    grow(site, 29)
    large = queries_per_page(client, site, django_assert_max_num_queries)
    assert large == small


def test_a_logged_in_reader_costs_a_fixed_few_queries_more_at_any_size(
    client, site, django_assert_max_num_queries
):
    client.force_login(UserFactory())
    small = queries_per_page(client, site, django_assert_max_num_queries, LOGGED_IN_BUDGET)
    grow(site, 29)
    large = queries_per_page(client, site, django_assert_max_num_queries, LOGGED_IN_BUDGET)
    assert large == small


def test_every_public_page_stays_within_the_budget_in_every_language(
    client, site, settings, django_assert_max_num_queries
):
    settings.TORGET_SYNC_LANGUAGE_TREES = True
    locales_ensure()  # every page there in every language, as an alias until translated
    swedish = queries_per_page(client, site, django_assert_max_num_queries)
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        counts = {}
        for name, url in public_pages(site).items():
            client.get(f"/{code}{url}")
            with django_assert_max_num_queries(QUERY_BUDGET) as captured:
                response = client.get(f"/{code}{url}")
            assert response.status_code == 200, (code, name)
            assert f'<html lang="{code}"' in response.content.decode()
            counts[name] = len(captured.captured_queries)
        # The language switch, menu and notices cost no more in another language.
        assert counts == swedish, code
