"""What a meeting page shows differently for the person reading it, in one query."""

from dataclasses import dataclass

from django.db import connection

from accounts.readers import reader_row, suspension_found
from events.models import EventPage, Meeting, Question, Registration
from home.cache import reader_part
from moderation.models import Suspension

# See accounts.readers. The meeting by its translation key: every language's page is one
# meeting, and the page does not need the Meeting row itself for anything else.
READER_SQL = """
  (SELECT r.id FROM events_registration r JOIN events_meeting m ON m.id = r.meeting_id
   WHERE m.translation_key = %(meeting)s AND r.user_id = %(user)s
     AND r.status IN (%(unconfirmed)s, %(confirmed)s, %(waitlisted)s)
   ORDER BY r.id LIMIT 1),
  EXISTS (SELECT 1 FROM events_question q JOIN events_meeting m ON m.id = q.meeting_id
          WHERE m.translation_key = %(meeting)s AND q.author_id = %(user)s
            AND q.status = %(pending)s),
  EXISTS (SELECT 1 FROM events_questionsupport s
          JOIN events_question q ON q.id = s.question_id
          JOIN events_meeting m ON m.id = q.meeting_id
          WHERE m.translation_key = %(meeting)s AND s.user_id = %(user)s)
"""


@dataclass(frozen=True)
class MeetingReader:
    can_take_part: bool = False  # logged in with a confirmed email address
    suspension: Suspension | None = None
    registration: Registration | None = None  # their active registration
    pending_questions: tuple = ()  # their own questions waiting for a moderator
    supported_question_ids: frozenset = frozenset()


def meeting_reader(*, page, request) -> MeetingReader:
    """Everything about the reader the meeting page needs: one query, and one more for each
    thing most readers do not have (a registration, questions waiting, support given); all
    kept for them until something changes (home.cache.reader_part)."""
    user = request.user
    if not user.is_authenticated:
        return MeetingReader()
    key = Meeting._meta.get_field("translation_key").get_db_prep_value(
        page.translation_key, connection
    )
    can_take_part, suspension_id, registration_id, pending, supported = reader_row(
        user,
        READER_SQL,
        request=request,
        meeting=key,
        **{status: status for status in Registration.ACTIVE},
        pending=Question.Status.PENDING,
    )

    def their_own():
        registration = Registration.objects.get(pk=registration_id) if registration_id else None
        pending_questions = ()
        if pending:
            pending_questions = tuple(
                Question.objects.filter(
                    meeting__translation_key=page.translation_key,
                    author=user,
                    status=Question.Status.PENDING,
                ).order_by("pk")
            )
        supported_question_ids = frozenset()
        if supported:
            supported_question_ids = frozenset(
                Question.objects.filter(
                    meeting__translation_key=page.translation_key, supports__user=user
                ).values_list("pk", flat=True)
            )
        return registration, pending_questions, supported_question_ids

    registration, pending_questions, supported_question_ids = (
        reader_part(user, "meeting", their_own, page.translation_key)
        if registration_id or pending or supported
        else (None, (), frozenset())
    )
    return MeetingReader(
        can_take_part=bool(can_take_part),
        suspension=suspension_found(can_take_part, suspension_id),
        registration=registration,
        pending_questions=pending_questions,
        supported_question_ids=supported_question_ids,
    )


def registrations_with_pages(user, locale) -> list:
    """The person's registrations that have not expired, each with its meeting's page in
    `locale`."""
    registrations = list(
        Registration.objects.for_user(user).exclude(status=Registration.Status.EXPIRED)
    )
    pages = {}
    if registrations:
        pages = {
            page.translation_key: page
            for page in EventPage.objects.filter(
                translation_key__in=[r.meeting.translation_key for r in registrations],
                locale=locale,
            )
        }
    return [
        (registration, pages[registration.meeting.translation_key])
        for registration in registrations
        if registration.meeting.translation_key in pages
    ]
