import pytest

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from forums import services
from forums.models import Thread
from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.tests.factories import translate


@pytest.fixture
def forum(site_tree):
    page = ForumPageFactory(parent=site_tree["home"])
    translate(page, title="Forum")
    return page


@pytest.fixture
def category(forum, site_tree):
    category = CategoryFactory(name="Fittja", slug="fittja", district=site_tree["district"])
    english = category.copy_for_translation(site_tree["home_en"].locale)
    english.description = "About Fittja."
    english.save()
    return category


@pytest.fixture
def author(db):
    return UserFactory(display_name="Amina")


@pytest.fixture
def reader(db):
    return UserFactory(display_name="Bo")


@pytest.fixture
def thread(category, author) -> Thread:
    return services.thread_create(
        category=category, author=author, title="Belysningen vid torget", text="Det är mörkt."
    )


@pytest.fixture
def newcomer(db):
    return UserFactory(display_name="Ny", trust=User.Trust.AUTOMATIC)


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mo", groups=[MODERATORS])


@pytest.fixture
def reply(thread, reader):
    return services.post_reply(thread=thread, author=reader, text="Ett svar att rapportera.")


@pytest.fixture(autouse=True)
def no_posting_pause(settings):
    """Tests post faster than people do; the pause has its own test."""
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
