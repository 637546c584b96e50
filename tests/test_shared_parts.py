"""A person never sees another person's state in what is shared.

Every public page is loaded by a resident who has done everything a page can show (a place at
the meeting, a question waiting, a vote, support given, a proposal waiting, a category
followed), by a resident who has done nothing, by an editor and by a visitor who is not signed
in, one after the other in every order, so that each of them may be the one whose request
renders the shared parts. Each must see exactly the page they see when they are the first
after a change (every cache empty).

The shared parts are made by the first reader after a change, so each reader goes first once,
followed by all the others (each pair of who made them and who reads them, in every order
that differs in who made them).
"""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from accounts.tests.factories import UserFactory
from tests.world import signed_in_pages

PER_RESPONSE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1-"),
    (re.compile(r'(nonce=")[^"]+'), r"\1-"),
    (re.compile(r"(/anmalan/)[^/]+/"), r"\1-/"),  # a signed link to one's place, time-stamped
]


def shown(response) -> str:
    text = response.content.decode()
    for pattern, replacement in PER_RESPONSE:
        text = pattern.sub(replacement, text)
    return text


@pytest.fixture
def readers(site, resident):
    editor = UserFactory(display_name="Redaktör", groups=["Redaktörer"], is_staff=True)
    clients = {"resident with everything": Client(), "newcomer": Client(), "editor": Client()}
    clients["resident with everything"].force_login(resident)
    clients["newcomer"].force_login(UserFactory(display_name="Ny Boende"))
    clients["editor"].force_login(editor)
    clients["visitor"] = Client()
    return clients


def first_after_a_change(client, url) -> str:
    for cache in caches.all():
        cache.clear()
    return shown(client.get(url))


def pages_to_check(site):
    pages = signed_in_pages(site)
    pages.pop("my meetings")  # nothing on it is shared; a visitor is sent to log in
    return pages


def test_each_reader_sees_their_own_page_whoever_rendered_the_shared_parts(site, readers, settings):
    settings.TORGET_PAGE_CACHE_SECONDS = 60
    for name, url in pages_to_check(site).items():
        alone = {who: first_after_a_change(client, url) for who, client in readers.items()}
        names = list(readers)
        for order in (names[start:] + names[:start] for start in range(len(names))):
            for cache in caches.all():
                cache.clear()
            for who in order:
                response = readers[who].get(url)
                assert response.status_code == 200, (name, who)
                assert shown(response) == alone[who], (name, order, who)


def test_the_pages_do_differ_per_reader(site, readers, settings):
    """What the comparison above protects: without it, the test could not fail."""
    settings.TORGET_PAGE_CACHE_SECONDS = 60
    pages = pages_to_check(site)
    seen = {
        who: {name: shown(readers[who].get(url)) for name, url in pages.items()}
        for who in ("resident with everything", "newcomer", "visitor")
    }
    mine, theirs, visitor = seen.values()
    editor = shown(readers["editor"].get(pages["home"]))
    assert "Du är anmäld till mötet." in mine["meeting"]
    assert "Väntande fråga från Amina Resident" in mine["meeting"]
    assert 'aria-pressed="true"' in mine["meeting"]
    assert "Du har röstat." in mine["district"]
    assert "Väntande förslag från Amina Resident" in mine["proposals"]
    assert "Du följer kategorin – sluta följa" in mine["category"]
    for name in ("meeting", "district", "proposals", "category"):
        assert mine[name] != theirs[name], name
        assert "Mitt konto" in theirs[name] and "Mitt konto" not in visitor[name], name
        assert "Amina Resident" not in theirs[name], name
    assert "Administration" in editor and "Administration" not in mine["home"]
