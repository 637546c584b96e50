import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import DistrictIndexPage, DistrictPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_type", "allowed_parents"),
    [
        (HomePage, {Page}),
        (DistrictIndexPage, {HomePage}),
        (DistrictPage, {DistrictIndexPage}),
        (StandardPage, {HomePage, StandardPage}),
    ],
)
def test_page_types_can_be_created_only_where_intended(page_type, allowed_parents):
    every_type = {Page, HomePage, DistrictIndexPage, DistrictPage, StandardPage}
    assert set(page_type.allowed_parent_page_models()) & every_type == allowed_parents


def test_a_home_page_takes_only_one_district_index(site_tree):
    assert not DistrictIndexPage.can_create_at(site_tree["home"])
    assert StandardPage.can_create_at(site_tree["home"])
    assert DistrictPage.can_create_at(site_tree["district_index"])
    assert not DistrictPage.can_create_at(site_tree["home"])


@pytest.mark.parametrize("key", ["home", "district_index", "district", "about"])
def test_every_page_type_renders_in_swedish(client, site_tree, key):
    page = site_tree[key]
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="sv" dir="ltr">' in content
    assert f"<h1>{page.title}</h1>" in content


@pytest.mark.parametrize("key", ["home_en", "district_index_en", "district_en", "about_en"])
def test_english_pages_live_under_en_and_say_so(client, site_tree, key):
    page = site_tree[key]
    assert page.url.startswith("/en/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_district_page_shows_contacts_and_empty_sections(client, site_tree):
    content = client.get("/stadsdelar/fittja/").content.decode()
    assert "Samira Haddad" in content
    assert 'href="mailto:samira@example.org"' in content
    assert 'href="tel:085306100' in content
    assert "Inga kommande möten i Fittja just nu." in content
    assert "Inga uppdateringar om trygghetsinsatser i Fittja ännu." in content
    assert "Inga samtal om Fittja ännu." in content


def test_district_index_lists_only_its_published_districts(client, site_tree):
    draft = DistrictPage(title="Tumba", slug="tumba", live=False)
    site_tree["district_index"].add_child(instance=draft)
    content = client.get("/stadsdelar/").content.decode()
    assert 'href="/stadsdelar/fittja/"' in content
    assert "Tumba" not in content


def test_district_index_says_so_when_empty(client, home_page):
    from home.tests.factories import DistrictIndexPageFactory

    DistrictIndexPageFactory(parent=home_page)
    content = client.get("/stadsdelar/").content.decode()
    assert "Inga stadsdelar har publicerats ännu." in content


def test_a_hero_image_needs_alternative_text(site_tree):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    district = site_tree["district"]
    district.hero_image = Image.objects.create(title="Torget", file=get_test_image_file())
    district.hero_image_alt = ""
    with pytest.raises(ValidationError) as error:
        district.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_every_content_page_says_when_it_was_last_updated(client, site_tree):
    content = client.get("/om-torget/").content.decode()
    assert "Senast uppdaterad" in content
    assert "<time datetime=" in content


def test_language_switch_leads_to_the_same_page_in_the_other_language(client, site_tree):
    swedish = client.get("/stadsdelar/fittja/").content.decode()
    assert 'href="/en/stadsdelar/fittja/" lang="en" hreflang="en"' in swedish
    english = client.get("/en/stadsdelar/fittja/").content.decode()
    assert 'href="/stadsdelar/fittja/" lang="sv" hreflang="sv"' in english


def test_language_switch_falls_back_to_the_home_page_when_untranslated(client, site_tree):
    from home.tests.factories import StandardPageFactory

    StandardPageFactory(parent=site_tree["home"], title="Bara svenska", slug="bara-svenska")
    content = client.get("/bara-svenska/").content.decode()
    assert 'href="/en/" lang="en"' in content


def test_main_menu_lists_sections_chosen_by_editors(client, site_tree):
    content = client.get("/").content.decode()
    assert '<a href="/stadsdelar/">Stadsdelar</a>' in content
    assert 'href="/om-torget/">Om Torget</a></li>' not in content
    district = client.get("/stadsdelar/fittja/").content.decode()
    assert '<a href="/stadsdelar/" aria-current="page">Stadsdelar</a>' in district


def test_footer_tells_people_to_call_112(client, site_tree):
    assert "Händer något just nu? Ring 112." in client.get("/").content.decode()
    assert "Is something happening right now? Call 112." in client.get("/en/").content.decode()


def test_footer_links_to_privacy_and_accessibility_pages_in_the_visitors_language(
    client, site_tree
):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = site_tree["about"]
    settings.save()
    assert 'href="/om-torget/">Om Torget' in client.get("/").content.decode()
    assert 'href="/en/om-torget/">About Torget' in client.get("/en/").content.decode()
