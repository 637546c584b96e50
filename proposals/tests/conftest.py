import pytest

from accounts.services import EDITORS, MODERATORS
from accounts.tests.factories import UserFactory
from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.tests.factories import translate
from proposals import services
from proposals.tests.factories import ProposalIndexPageFactory


@pytest.fixture
def forum(site_tree):
    return ForumPageFactory(parent=site_tree["home"])


@pytest.fixture
def index(site_tree, forum):
    category = CategoryFactory(name="Förslag", slug="forslag")
    page = ProposalIndexPageFactory(parent=site_tree["home"], discussion_category=category)
    translate(page, title="Proposals")
    return page


@pytest.fixture
def author(db):
    return UserFactory(display_name="Amina")


@pytest.fixture
def supporter(db):
    return UserFactory(display_name="Bo")


@pytest.fixture
def editor(db):
    return UserFactory(display_name="Rut", groups=[EDITORS])


@pytest.fixture
def proposal(index, site_tree, author):
    return services.proposal_create(
        index_page=index,
        author=author,
        district=site_tree["district"],
        title="Ljus i tunneln",
        text="Tunneln är **mörk** på kvällarna.",
        place="Albytunneln",
    )


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mo", groups=[MODERATORS])
