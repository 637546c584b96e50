import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings
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
from home.translations import locales_ensure

DEMO_MODULE = "tests/test_demo.py"


@pytest.hookimpl(trylast=True)  # after pytest-django's order (plain, then transactional)
def pytest_collection_modifyitems(items):
    """The tests that read the demo are in one module, which runs last: `--dist loadfile` gives
    it to one worker, the demo is loaded once there, and no test after it sees the demo
    (`--no-loadscope-reorder`: xdist hands the modules out in this order)."""
    for item in items:
        reads_the_demo = "demo" in getattr(item, "fixturenames", ())
        if reads_the_demo and not item.nodeid.startswith(DEMO_MODULE):
            raise pytest.UsageError(f"{item.nodeid} reads the demo: move it to {DEMO_MODULE}")
    last = [item for item in items if item.nodeid.startswith(DEMO_MODULE)]
    items[:] = [item for item in items if not item.nodeid.startswith(DEMO_MODULE)] + last


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts with empty caches: ids are used again from one test to the next (its
    database is rolled back or flushed), and what was cached about one test's person, page or
    image must not answer for another's."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded twice as `make demo` may be, shared by the tests that only read it (once
    for the test worker that runs them) and rolled back after them: each test runs in a
    savepoint inside this transaction."""
    demo_settings = override_settings(DEBUG=True, TORGET_SYNC_LANGUAGE_TREES=True)
    with django_db_blocker.unblock(), demo_settings, transaction.atomic():
        site_root_ensure()
        locales_ensure()  # as after `make run`'s migrate: every language syncs from Swedish
        for _run in range(2):
            # What waits for the commit (wagtail-localize publishes translations then) runs.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


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
