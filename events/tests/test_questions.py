import pytest

from accounts.models import User
from accounts.services import MODERATORS
from accounts.tests.factories import UserFactory
from events import services
from events.models import Question
from moderation import services as moderation

pytestmark = pytest.mark.django_db


def test_questions_are_ordered_by_support_and_support_counts_once(meeting_page):
    asker, first, second = UserFactory.create_batch(3)
    little = services.question_create(page=meeting_page, author=asker, text="Belysningen?")
    much = services.question_create(page=meeting_page, author=asker, text="Polisen på torget?")
    services.question_support_toggle(question=much, user=first)
    services.question_support_toggle(question=much, user=second)
    services.question_support_toggle(question=little, user=first)
    listed = list(meeting_page.meeting.questions.for_page())
    assert [(q.text, q.support_count) for q in listed] == [
        ("Polisen på torget?", 2),
        ("Belysningen?", 1),
    ]


def test_supporting_again_takes_the_support_back(meeting_page):
    asker, reader = UserFactory.create_batch(2)
    question = services.question_create(page=meeting_page, author=asker, text="Varför?")
    assert services.question_support_toggle(question=question, user=reader) is True
    assert services.question_support_toggle(question=question, user=reader) is False
    question.refresh_from_db()
    assert question.support_count == 0


def test_authors_cannot_support_their_own_question(meeting_page):
    asker = UserFactory()
    question = services.question_create(page=meeting_page, author=asker, text="Varför?")
    with pytest.raises(services.MeetingError):
        services.question_support_toggle(question=question, user=asker)


def test_hidden_questions_are_not_listed(meeting_page):
    moderator = UserFactory(groups=[MODERATORS])
    question = services.question_create(page=meeting_page, author=UserFactory(), text="Spam")
    moderation.item_hide(item=question, moderator=moderator, reason="Reklam")
    assert list(meeting_page.meeting.questions.for_page()) == []
    question.refresh_from_db()
    assert question.status == Question.Status.HIDDEN
    moderation.item_restore(item=question, moderator=moderator)
    assert list(meeting_page.meeting.questions.for_page()) == [question]


def test_an_answer_is_recorded_with_who_answered(meeting_page):
    organiser = UserFactory()
    question = services.question_create(page=meeting_page, author=UserFactory(), text="När?")
    services.question_answer(question=question, answer="I vår.", by=organiser)
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("I vår.", organiser)
    assert question.answered_at is not None


def test_questions_from_new_accounts_wait_too(meeting_page):
    newcomer = UserFactory(trust=User.Trust.AUTOMATIC)
    question = services.question_create(page=meeting_page, author=newcomer, text="När?")
    assert question.status == "pending"
    assert list(meeting_page.meeting.questions.for_page()) == []
    assert list(meeting_page.meeting.questions.for_page(newcomer)) == [question]
