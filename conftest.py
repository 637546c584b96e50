import pytest
from wagtail.models import Locale

from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import (
    DistrictContactFactory,
    DistrictIndexPageFactory,
    DistrictPageFactory,
    StandardPageFactory,
    site_root_ensure,
    translate,
)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with empty caches: ids are used again from one test to the next (its
    database is rolled back or flushed), and what was cached about one test's person, page or
    image must not answer for another's."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home_page(db):
    return site_root_ensure()


@pytest.fixture
def site_tree(home_page):
    """One page of every type, in Swedish and English, as editors build it."""
    home_page.intro = "<p>Välkommen till Torget.</p>"
    home_page.save_revision().publish()
    district_index = DistrictIndexPageFactory(parent=home_page)
    district = DistrictPageFactory(parent=district_index, title="Fittja", slug="fittja")
    district.contacts.add(DistrictContactFactory.build(page=district))
    district.save_revision().publish()
    about = StandardPageFactory(parent=home_page, title="Om Torget", slug="om-torget")
    home_en = translate(home_page, title="Torget", intro="<p>Welcome to Torget.</p>")
    district_index_en = translate(district_index, title="Districts")
    district_en = translate(district, title="Fittja", intro="<p>About Fittja.</p>")
    about_en = translate(about, title="About Torget")
    return {
        "home": home_page,
        "district_index": district_index,
        "district": district,
        "about": about,
        "home_en": home_en,
        "district_index_en": district_index_en,
        "district_en": district_en,
        "about_en": about_en,
    }


@pytest.fixture
def meeting_index(site_tree):
    index = EventIndexPageFactory(parent=site_tree["home"])
    translate(index, title="Meetings")
    return index


@pytest.fixture
def meeting_page(meeting_index, site_tree):
    """A meeting in Fittja with ten places, in Swedish and English."""
    page = EventPageFactory(parent=meeting_index, title="Storsamling Fittja", slug="storsamling")
    page.districts.set([site_tree["district"]])
    page.save_revision().publish()
    translate(page, title="Fittja assembly")
    page.refresh_from_db()
    return page


@pytest.fixture
def meeting_page_en(meeting_page):
    return meeting_page.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    """A real OpenID Connect provider on 127.0.0.1 (tests/oidc_provider), one per test worker."""
    from tests.oidc_provider import start_provider

    provider = start_provider(tmp_path_factory.mktemp("oidc-provider"))
    yield provider
    provider.stop()


@pytest.fixture
def eid(settings, oidc_provider):
    """The site configured with the test provider as its e-identification broker."""
    from tests import oidc_provider as broker

    settings.TORGET_EID_NAME = "Testlegitimation"
    settings.TORGET_EID_OIDC_URL = oidc_provider.url
    settings.TORGET_EID_CLIENT_ID = broker.CLIENT_ID
    settings.TORGET_EID_CLIENT_SECRET = broker.CLIENT_SECRET
    settings.TORGET_EID_PERSON_CLAIM = broker.PERSON_CLAIM
    settings.TORGET_VERIFICATION_SECRET = "a-key-for-the-tests"  # noqa: S105
    return oidc_provider
