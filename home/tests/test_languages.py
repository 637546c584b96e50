"""Six languages: each under its prefix with the right lang and dir, a switch that names each
language in itself, alternates for real translations, and an untranslated page shown in
Swedish with a notice in the reader's language (never a 404)."""

import io
import json

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from accounts.tests.factories import UserFactory
from home.models import StandardPage
from home.tests.factories import StandardPageFactory
from home.translations import locales_ensure, translation_import

pytestmark = pytest.mark.django_db

LANGUAGES = [
    ("sv", "", "ltr", "Svenska"),
    ("en", "/en", "ltr", "English"),
    ("fi", "/fi", "ltr", "Suomi"),
    ("ar", "/ar", "rtl", "العربية"),
    ("so", "/so", "ltr", "Soomaali"),
    ("tr", "/tr", "ltr", "Türkçe"),
]


@pytest.fixture
def synced(settings, site_tree):
    """Every language syncs from Swedish, as in production: wagtail-localize makes an alias of
    each page in each language until it is translated."""
    settings.TORGET_SYNC_LANGUAGE_TREES = True
    locales_ensure()
    return site_tree


@pytest.mark.parametrize(("code", "prefix", "direction", "_name"), LANGUAGES)
def test_every_language_has_its_prefix_lang_and_direction(
    client, synced, code, prefix, direction, _name
):
    response = client.get(f"{prefix}/stadsdelar/fittja/")

    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()


def test_the_switch_names_each_language_in_itself(client, site_tree):
    html = client.get("/stadsdelar/fittja/").content.decode()

    for code, prefix, _direction, name in LANGUAGES:
        assert f'href="{prefix}/stadsdelar/fittja/" lang="{code}" hreflang="{code}"' in html
        assert f">{name}</a>" in html


def test_alternate_links_name_the_real_translations_only(client, synced):
    html = client.get("/stadsdelar/fittja/").content.decode()

    assert '<link rel="alternate" hreflang="sv" href="http://localhost/stadsdelar/fittja/">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://localhost/en/stadsdelar/fittja/">' in html
    )
    assert 'hreflang="so" href=' not in html  # an alias in Swedish, not a Somali page


@pytest.mark.parametrize(
    ("prefix", "notice", "direction"),
    [
        (
            "/so",
            "Boggan weli laguma hayo af-Soomaali. Halkan waxaa lagu soo bandhigay af-Iswiidhish.",
            "ltr",
        ),
        ("/ar", "هذه الصفحة غير متوفرة بعد باللغة العربية. تُعرض هنا باللغة السويدية.", "rtl"),
        (
            "/fi",
            "Tätä sivua ei ole vielä käännetty kielelle suomi. Tässä se on kielellä ruotsi.",
            "ltr",
        ),
    ],
)
def test_an_untranslated_page_shows_swedish_with_a_notice_in_the_readers_language(
    client, synced, prefix, notice, direction
):
    response = client.get(f"{prefix}/om-torget/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'dir="{direction}">' in html.split("<head>")[0]
    assert notice in html
    assert '<h1 lang="sv" dir="ltr">Om Torget</h1>' in html  # read aloud as Swedish


def test_a_page_in_the_readers_language_has_no_notice(client, synced):
    html = client.get("/en/om-torget/").content.decode()

    assert "<h1>About Torget</h1>" in html
    assert "not yet available" not in html


def test_a_page_published_later_is_there_in_every_language(client, synced, settings):
    # Editors create pages in the admin, where wagtail-localize aliases them at once.
    editor = UserFactory(groups=["Redaktörer"])
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", synced["home"].pk]),
        {
            "title": "Öppettider",
            "slug": "oppettider",
            "intro": json.dumps(
                {
                    "blocks": [{"key": "a", "text": "Vi har öppet.", "type": "unstyled"}],
                    "entityMap": {},
                }
            ),
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    client.logout()

    assert StandardPage.objects.filter(slug="oppettider").count() == len(LANGUAGES)
    for _code, prefix, _direction, _name in LANGUAGES:
        assert client.get(f"{prefix}/oppettider/").status_code == 200


def test_a_translation_made_with_wagtail_localize_shows_its_own_text(client, synced):
    arabic = Locale.objects.get(language_code="ar")
    translation_import(
        instance=synced["district"],
        locale=arabic,
        strings={"Fittja": "فيتيا", "Om Fittja.": "عن فيتيا."},
    )

    html = client.get("/ar/stadsdelar/fittja/").content.decode()

    assert "<h1>فيتيا</h1>" in html and "عن فيتيا." in html
    assert "غير متوفرة بعد" not in html  # no notice: it is translated


def test_a_translation_agency_round_trip_through_a_po_file(
    client, site_tree, django_capture_on_commit_callbacks
):
    """Export a page's English translation as a PO file, change a string as an agency would,
    import it, publish, and the page shows it."""
    page = StandardPageFactory(parent=site_tree["home"], title="Hitta hit", slug="hitta-hit")
    english = Locale.objects.get(language_code="en")
    client.force_login(UserFactory(groups=["Redaktörer"]))

    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
    )
    translation = Translation.objects.get(source__object_id=page.translation_key)
    exported = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert exported.status_code == 200
    catalog = polib.pofile(exported.content.decode())
    for entry in catalog:
        entry.msgstr = {"Hitta hit": "Finding us", "Om Hitta hit.": "How to find us."}.get(
            entry.msgid, entry.msgstr
        )
    upload = io.BytesIO(str(catalog).encode())
    upload.name = "hitta-hit-en.po"
    target = page.get_translation(english)
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": reverse("wagtailadmin_pages:edit", args=[target.pk])},
    )
    with django_capture_on_commit_callbacks(execute=True):  # it publishes when committed
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    client.logout()

    html = client.get("/en/hitta-hit/").content.decode()
    assert "<h1>Finding us</h1>" in html and "How to find us." in html
