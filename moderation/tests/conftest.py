import pytest

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from forums import services as posting

# The forum's fixtures, so that moderation is tested on the same threads.
from forums.tests.conftest import author, category, forum, reader, thread  # noqa: F401


@pytest.fixture
def newcomer(db):
    return UserFactory(display_name="Ny", trust=User.Trust.AUTOMATIC)


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Mo", groups=[MODERATORS])


@pytest.fixture
def reply(thread, reader):  # noqa: F811 - the imported fixtures, requested by name
    return posting.post_reply(thread=thread, author=reader, text="Ett svar att rapportera.")


@pytest.fixture(autouse=True)
def no_posting_pause(settings):
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
