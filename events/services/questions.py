"""Questions before a meeting: asked (through moderation's gate), supported once, answered."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import (
    EventPage,
    Question,
    QuestionSupport,
)
from events.services.registrations import MeetingError
from home.services import counted_toggle


def question_create(*, page: EventPage, author, text: str, at=None) -> Question:
    """A question is published at once, or held for a moderator (new accounts, watched words)."""
    from moderation import services as moderation

    at = at or timezone.now()
    if page.status == EventPage.Status.CANCELLED or at >= page.start:
        raise MeetingError("closed", _("Questions can be asked until the meeting starts."))
    try:
        verdict = moderation.gate(author=author, text=text, at=at)
    except moderation.ModerationError as error:
        raise MeetingError(error.code, error.message) from None
    with transaction.atomic():
        question = Question.objects.create(
            meeting=page.meeting, author=author, text=text.strip(), status=verdict.status
        )
        moderation.record_hold(item=question, verdict=verdict)
    return question


def question_support_toggle(*, question: Question, user) -> bool:
    """Support a question once, or take the support back; True when the user now supports it."""
    if question.author_id == user.pk:
        raise MeetingError("own", _("You cannot support your own question."))
    return counted_toggle(
        mark=QuestionSupport, target=question, counter="support_count", question=question, user=user
    )


def question_answer(*, question: Question, answer: str, by) -> Question:
    question.answer = answer.strip()
    question.answered_by = by if question.answer else None
    question.answered_at = timezone.now() if question.answer else None
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    return question
