"""What becomes of a person's registrations, questions and supports when their account goes
(events.personal_data declares when each runs)."""

from django.db import transaction

from events.models import Question, QuestionSupport, Registration
from events.services.meetings import registrations_forget
from events.services.registrations import registration_cancel
from home.services import counted_marks_remove


def registrations_release(*, user, at) -> dict[str, int]:
    """Their places at meetings to come go to the waiting list; every registration of theirs
    stays as a count without their name, address or needs."""
    with transaction.atomic():
        upcoming = list(Registration.objects.filter(user=user).upcoming(at))
        # Blanked first, so the cancellations send no receipts: the last email says it once.
        registrations_forget(registrations=Registration.objects.filter(user=user), at=at)
        for registration in upcoming:
            registration_cancel(registration=registration, at=at)
    return {"registrations_cancelled": len(upcoming)}


def question_supports_take_back(*, user, at=None) -> None:
    """Their support leaves each question's count."""
    counted_marks_remove(
        mark=QuestionSupport, target="question", counter="support_count", user=user
    )


def questions_remove(*, user, at=None) -> None:
    """They chose to take their questions along: each keeps its place, with no text."""
    Question.objects.filter(author=user).update(status=Question.Status.REMOVED, text="")
