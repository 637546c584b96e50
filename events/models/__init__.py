from .index import EventIndexPage
from .pages import EventFollowUp, EventPage
from .questions import Question, QuestionSupport
from .registrations import Meeting, Registration, RegistrationLogEntry

__all__ = [
    "EventFollowUp",
    "EventIndexPage",
    "EventPage",
    "Meeting",
    "Question",
    "QuestionSupport",
    "Registration",
    "RegistrationLogEntry",
]
