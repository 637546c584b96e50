"""The meetings' views: routed by EventIndexPage and EventPage (events/models/pages.py) and by
events/urls.py."""

from events.views.listing import meeting_calendar_feed, meeting_calendar_file, meeting_list_context
from events.views.page import meeting_page_context
from events.views.questions import question_submit, question_support
from events.views.registration import (
    my_meeting_cancel,
    my_meetings,
    registration_manage,
    registration_resend,
    registration_submit,
)

__all__ = [
    "meeting_calendar_feed",
    "meeting_calendar_file",
    "meeting_list_context",
    "meeting_page_context",
    "my_meeting_cancel",
    "my_meetings",
    "question_submit",
    "question_support",
    "registration_manage",
    "registration_resend",
    "registration_submit",
]
