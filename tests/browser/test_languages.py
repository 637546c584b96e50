"""The pages a resident opens first, in each of the six languages, on a phone: the right lang
and dir, no accessibility violations, nothing wider than the screen; Arabic reads from the
right."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.translations import locales_ensure, translation_import
from tests.browser.test_site import assert_accessible
from updates.tests.test_updates import UpdateIndexPageFactory, update

LANGUAGES = [("sv", "", "ltr"), ("en", "/en", "ltr"), ("fi", "/fi", "ltr")]
LANGUAGES += [("ar", "/ar", "rtl"), ("so", "/so", "ltr"), ("tr", "/tr", "ltr")]
PAGES = {
    "home": "/",
    "district": "/stadsdelar/fittja/",
    "meeting": "/moten/storsamling/",
    "safety work": "/trygghet/",
    "forum": "/forum/",
    "report form": "/lagesbild/",
}


@pytest.fixture
def six_languages(site_tree, meeting_page, settings, django_capture_on_commit_callbacks):
    """Every language syncs from Swedish, as in production; the district and the meeting are
    translated into Arabic with wagtail-localize, the rest is shown in Swedish with a notice."""
    updates = UpdateIndexPageFactory(parent=site_tree["home"])
    update(updates, "Kameror på Fittja torg", [site_tree["district"]], status="ongoing")
    ForumPageFactory(parent=site_tree["home"])
    CategoryFactory(name="Fittja", slug="fittja", district=site_tree["district"])
    settings.TORGET_SYNC_LANGUAGE_TREES = True
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        locales_ensure()
        translation_import(
            instance=site_tree["district"], locale=arabic, strings={"Om Fittja.": "عن فيتيا."}
        )
        translation_import(
            instance=meeting_page,
            locale=arabic,
            strings={"Storsamling Fittja": "الاجتماع الكبير في فيتيا"},
        )


@pytest.mark.parametrize(("code", "prefix", "direction"), LANGUAGES)
def test_the_first_pages_in_every_language_are_accessible_on_a_phone(
    page, six_languages, code, prefix, direction
):
    page.set_viewport_size({"width": 360, "height": 740})
    for name, path in PAGES.items():
        response = page.goto(prefix + path)
        assert response.status == 200, name
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, name
        assert_accessible(page)


def test_arabic_starts_at_the_right_edge(page, six_languages):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/ar/stadsdelar/fittja/")

    brand = page.locator(".brand").bounding_box()
    switch = page.locator(".language-switch summary").bounding_box()
    heading = page.get_by_role("heading", level=1).bounding_box()
    assert brand["x"] + brand["width"] > 360 - 24  # the header starts at the right
    assert switch["x"] < brand["x"]
    assert heading["x"] + heading["width"] > 360 - 24
    expect(page.get_by_role("heading", level=1)).to_have_text("Fittja")
    expect(page.get_by_text("عن فيتيا.")).to_be_visible()


def test_an_untranslated_page_is_read_as_swedish_inside_the_somali_page(page, six_languages):
    page.goto("/so/trygghet/")

    expect(page.get_by_role("note")).to_contain_text("Boggan weli laguma hayo af-Soomaali.")
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "sv")
    assert_accessible(page)


def test_an_editor_translates_in_wagtail_localizes_editor_without_policy_errors(
    page, six_languages, site_tree
):
    from accounts.services import EDITORS
    from accounts.tests.factories import PASSWORD, UserFactory

    console = []
    page.on("console", lambda message: console.append(message.text))
    editor = UserFactory(groups=[EDITORS])
    page.goto("/konto/login/?next=/admin/")
    page.get_by_label("E-post").fill(editor.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Logga in").click()
    arabic = site_tree["district"].get_translation(Locale.objects.get(language_code="ar"))

    page.goto(f"/admin/pages/{arabic.pk}/edit/")

    expect(page.get_by_text("عن فيتيا.").first).to_be_visible()  # the translation
    expect(page.get_by_text("Om Fittja.").first).to_be_visible()  # beside the Swedish text
    assert [text for text in console if "Content Security Policy" in text] == []
