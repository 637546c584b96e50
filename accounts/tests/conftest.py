import pytest


@pytest.fixture
def world(meeting_page, site_tree, settings):
    """A meeting, the site, a forum category and a proposals page using it."""
    from forums.tests.factories import CategoryFactory
    from proposals.tests.factories import ProposalIndexPageFactory

    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    category = CategoryFactory()
    index = ProposalIndexPageFactory(parent=site_tree["home"], discussion_category=category)
    return meeting_page, site_tree, category, index
