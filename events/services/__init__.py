"""Every rule that changes a registration or a question. Views, the admin and commands call
these; nothing else writes those tables."""

from events.services.meetings import (
    meeting_published,
    registrations_forget,
    registrations_purge_ended,
    registrations_purge_unconfirmed,
    reminders_send,
)
from events.services.people import (
    question_supports_take_back,
    questions_remove,
    registrations_release,
)
from events.services.questions import question_answer, question_create, question_support_toggle
from events.services.registrations import (
    STATE_MESSAGES,
    MeetingError,
    registration_cancel,
    registration_check_in,
    registration_confirm,
    registration_create,
    registration_link_resend,
    registration_list_exported,
    registration_verify_in_person,
)

__all__ = [
    "STATE_MESSAGES",
    "MeetingError",
    "meeting_published",
    "question_answer",
    "question_create",
    "question_support_toggle",
    "question_supports_take_back",
    "questions_remove",
    "registration_cancel",
    "registration_check_in",
    "registration_confirm",
    "registration_create",
    "registration_link_resend",
    "registration_list_exported",
    "registration_verify_in_person",
    "registrations_forget",
    "registrations_purge_ended",
    "registrations_purge_unconfirmed",
    "registrations_release",
    "reminders_send",
]
