"""The page tree holds in every language: treebeard keeps each page's count of children on
the page's own row, and `get_children()` (which the main menu asks) trusts it. A page object
held from before its children were added and saved again must not undo them (home.tree)."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from accounts.tests.factories import UserFactory
from home.models import StandardPage
from home.tests.factories import StandardPageFactory
from home.translations import locales_ensure, trees_synchronise

pytestmark = pytest.mark.django_db
PREFIXES = {
    code: "" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _ in settings.LANGUAGES
}


def tree_problems() -> dict:
    names = ("evil characters", "bad step length", "orphans", "wrong depth", "wrong numchild")
    return {name: found for name, found in zip(names, Page.find_problems(), strict=True) if found}


def menu_links(html: str) -> list[str]:
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, flags=re.DOTALL)[0]
    return re.findall(r"<li><a [^>]*>.*?</a></li>", menu)


@pytest.fixture
def synced(settings, site_tree):
    """Every language syncs from Swedish, as after `make run`'s migrate."""
    settings.TORGET_SYNC_LANGUAGE_TREES = True
    locales_ensure()
    return site_tree


@pytest.fixture
def section(site_tree):
    """A section in the menu with two pages under it, in Swedish only."""
    page = StandardPageFactory(
        parent=site_tree["home"], title="Tjänster", slug="tjanster", show_in_menus=True
    )
    for title in ("Bibliotek", "Simhall"):
        StandardPageFactory(parent=page, title=title)
    return page


def test_an_untranslated_section_is_in_every_menu_in_swedish(client, synced, section):
    trees_synchronise()  # as the admin does for each new page
    for code, prefix in PREFIXES.items():
        links = menu_links(client.get(f"{prefix}/").content.decode())
        titles = [re.sub(r"<[^>]+>", "", link) for link in links]
        assert "Tjänster" in titles, code
        link = links[titles.index("Tjänster")]
        if code == "sv":
            assert "lang=" not in link
        else:
            assert 'lang="sv"' in link, code


def test_the_tree_holds_after_an_editor_translates_a_section_with_its_pages_and_publishes(
    client, section, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    client.force_login(UserFactory(groups=["Redaktörer"]))

    # "Translate" with "Include subtree", as in the admin: the section's translation is
    # published when the request's transaction commits, after its pages were translated.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
            {"locales": [english.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    assert tree_problems() == {}

    translation = Translation.objects.get(
        source__object_id=section.translation_key, target_locale=english
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    assert tree_problems() == {}
    assert section.get_translation(english).get_children().count() == 2
    assert "Tjänster" in client.get("/en/").content.decode()


def test_the_tree_holds_when_a_page_is_added_under_a_translated_section(
    client, synced, section, django_capture_on_commit_callbacks
):
    trees_synchronise()
    finnish = Locale.objects.get(language_code="fi")
    client.force_login(UserFactory(groups=["Redaktörer"]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
            {"locales": [finnish.pk]},
        )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtailadmin_pages:add", args=["home", "standardpage", section.pk]),
            {
                "title": "Fritidsgård",
                "slug": "fritidsgard",
                "intro": json.dumps(
                    {
                        "blocks": [{"key": "a", "text": "Öppet varje kväll.", "type": "unstyled"}],
                        "entityMap": {},
                    }
                ),
                "body-count": "0",
                "action-publish": "action-publish",
            },
        )

    assert StandardPage.objects.filter(slug="fritidsgard").count() == len(PREFIXES)
    assert tree_problems() == {}
    assert section.get_translation(finnish).get_children().count() == 3
