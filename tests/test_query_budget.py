"""Every public page costs the same few queries, whether the site holds one item or many.

The page cache and the shared parts are switched off here (tests/conftest.py): these are the
queries of rendering a page, which a cache miss and the first reader after every change pay.
With them on, a signed-in resident reading a page again pays only for their session.
"""

import pytest

from accounts.tests.factories import UserFactory
from home.translations import locales_ensure
from tests.world import grow, public_pages, signed_in_pages

QUERY_BUDGET = 15
# A reader who is logged in also costs their session, account, verified address, suspension
# check, permissions and what they follow: a fixed few more, never more with more data.
LOGGED_IN_BUDGET = 20
# With the shared parts kept, and what is the reader's own kept for them
# (home.cache.reader_part): their session and account, in one query.
SHARED_BUDGET = 1


def queries_per_page(
    client, site, django_assert_max_num_queries, budget=QUERY_BUDGET, pages=public_pages
):
    counts = {}
    for name, url in pages(site).items():
        client.get(url)  # the first visit after a change fills the caches of menu and footer
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured.captured_queries)
    return counts


def test_every_public_page_stays_within_the_budget_with_one_item_or_twelve(
    client, site, django_assert_max_num_queries
):
    small = queries_per_page(client, site, django_assert_max_num_queries)
    grow(site, 11)
    large = queries_per_page(client, site, django_assert_max_num_queries)
    assert large == small


@pytest.mark.parametrize("who", ["newcomer", "resident with everything"])
def test_a_logged_in_reader_costs_a_fixed_few_queries_more_at_any_size(
    client, site, resident, django_assert_max_num_queries, who
):
    client.force_login(resident if who == "resident with everything" else UserFactory())
    budget, pages = LOGGED_IN_BUDGET, signed_in_pages
    small = queries_per_page(client, site, django_assert_max_num_queries, budget, pages)
    grow(site, 11)
    large = queries_per_page(client, site, django_assert_max_num_queries, budget, pages)
    assert large == small


@pytest.mark.parametrize("who", ["newcomer", "resident with everything"])
def test_a_signed_in_reader_reading_a_page_again_pays_only_for_their_session(
    client, site, resident, settings, django_assert_max_num_queries, who
):
    settings.TORGET_PAGE_CACHE_SECONDS = 60
    client.force_login(resident if who == "resident with everything" else UserFactory())
    budget, pages = SHARED_BUDGET, signed_in_pages
    small = queries_per_page(client, site, django_assert_max_num_queries, budget, pages)
    grow(site, 11)
    large = queries_per_page(client, site, django_assert_max_num_queries, budget, pages)
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
