import pytest

from tests.world import resident_with_everything, site_build


@pytest.fixture
def site(site_tree, settings):
    """Every kind of public page (tests/world.py); the page cache and shared parts off, so that
    every request renders: tests that want them switch them on."""
    settings.TORGET_PAGE_CACHE_SECONDS = 0
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    return site_build(site_tree)


@pytest.fixture
def resident(site):
    return resident_with_everything(site)
