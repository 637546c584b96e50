import pytest
from wagtail.models import Locale

from events.tests.factories import EventIndexPageFactory, EventPageFactory
from home.tests.factories import translate


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


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the emails) when the block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
