"""What meetings keep about a person (home.personal_data): registrations, questions and the
questions they support."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from events.models import EventPage, Question, QuestionSupport, Registration, RegistrationLogEntry
from events.services import (
    question_supports_take_back,
    questions_remove,
    registrations_purge_ended,
    registrations_purge_unconfirmed,
    registrations_release,
)
from home.personal_data import (
    Declaration,
    DeletionCount,
    Fate,
    Holding,
    Section,
    StaffData,
    Stage,
    Step,
    when,
)
from home.retention import Rule


def registrations(user):
    for registration in Registration.objects.filter(user=user).select_related("meeting"):
        yield {
            "meeting": str(registration.meeting),
            "name": registration.name,
            "email": registration.email,
            "status": registration.status,
            "interpretation": registration.interpretation_language,
            "accessibility_needs": registration.accessibility_needs,
            "companions": registration.companions,
            "registered": when(registration.created_at),
        }


def questions(user):
    for question in Question.objects.filter(author=user).select_related("meeting"):
        yield {
            "meeting": str(question.meeting),
            "question": question.text,
            "status": question.status,
            "asked": when(question.created_at),
            "answer": question.answer,
        }


def supported_questions(user):
    supports = QuestionSupport.objects.filter(user=user).select_related("question__meeting")
    for support in supports.order_by("created_at"):
        question = support.question
        yield {
            "meeting": str(question.meeting),
            # Someone else's text: only while it is public.
            "question": question.text if question.status == Question.Status.VISIBLE else None,
            "since": when(support.created_at),
        }


def upcoming_registrations(user) -> int:
    return Registration.objects.filter(user=user).upcoming().count()


def questions_asked(user) -> int:
    return Question.objects.filter(author=user).exclude(status=Question.Status.REMOVED).count()


DECLARATION = Declaration(
    app="events",
    holdings=(
        Holding(
            model=Registration,
            fields=(
                "user",
                "name",
                "email",
                "language",
                "interpretation_language",
                "accessibility_needs",
            ),
            fate=Fate.KEPT,
            person="user",
            why="Blanked, and a place at a meeting to come freed; the row stays as a count. A "
            "guest's registration is tied to no account: its emails' links and the rules.",
        ),
        Holding(model=Question, fields=("author", "text"), fate=Fate.CHOICE, person="author"),
        Holding(
            model=QuestionSupport,
            fields=("user",),
            fate=Fate.ERASED,
            person="user",
            why="Taken out of the question's count first (Stage.RELEASE).",
        ),
    ),
    staff_data=(
        StaffData(
            model=Question,
            fields=("answer", "answered_by"),
            why="The organisers' answer and who gave it.",
        ),
        StaffData(
            model=RegistrationLogEntry,
            fields=("actor",),
            why="The organiser who acted; the registration acted on is declared itself.",
        ),
        StaffData(
            model=EventPage,
            fields=(
                "intro",
                "venue_name",
                "street_address",
                "accessibility_notes",
                "organiser_name",
                "organiser_email",
                "organiser_phone",
            ),
            why="The meeting page the organisers publish, with their contact details.",
        ),
    ),
    sections=(
        Section(
            key="registrations",
            heading=_("Meeting registrations"),
            rows=registrations,
            labels={
                "meeting": _("Meeting"),
                "name": _("Name"),
                "email": _("Email"),
                "status": _("Status"),
                "interpretation": _("Interpretation"),
                "accessibility_needs": _("Accessibility needs"),
                "companions": _("Companions"),
                "registered": _("Registered"),
            },
        ),
        Section(
            key="questions",
            heading=_("Questions to meetings"),
            rows=questions,
            labels={
                "meeting": _("Meeting"),
                "question": _("Question"),
                "status": _("Status"),
                "asked": _("Asked"),
                "answer": _("Answer"),
            },
        ),
        Section(
            key="question_supports",
            heading=_("Questions you support"),
            rows=supported_questions,
            labels={"meeting": _("Meeting"), "question": _("Question"), "since": _("Since")},
        ),
    ),
    counts=(
        DeletionCount(
            key="upcoming_registrations",
            count=upcoming_registrations,
            sentence=ngettext_lazy(
                "Your registration for %(counter)s upcoming meeting is cancelled, and the place "
                "goes to the next person on the waiting list.",
                "Your registrations for %(counter)s upcoming meetings are cancelled, and the "
                "places go to the next people on the waiting lists.",
                "counter",
            ),
        ),
        DeletionCount(
            key="questions",
            count=questions_asked,
            writing=True,
            sentence=ngettext_lazy(
                "You have asked %(counter)s question before meetings.",
                "You have asked %(counter)s questions before meetings.",
                "counter",
            ),
        ),
    ),
    steps=(
        Step(stage=Stage.RELEASE, run=registrations_release),
        Step(stage=Stage.RELEASE, run=question_supports_take_back),
        Step(stage=Stage.WRITING, run=questions_remove),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="questions",
            data=_("Questions you ask before meetings"),
            why=_("It is the conversation, and you chose to publish it"),
            who=_("Everyone; what moderators hide, only moderators see"),
            period=_(
                "Until you delete the account; then you choose whether they stay, signed "
                "“Former member”"
            ),
        ),
        Rule(
            key="question_supports",
            data=_("Your support for questions to meetings"),
            why=_("So that the questions many want answered come first"),
            who=_("Only the counts are public"),
            period=_("Until you take it back or delete the account"),
        ),
        Rule(
            key="registrations",
            data=_("Meeting registrations: name, email, interpretation and accessibility needs"),
            why=_(
                "To hold your place, send the confirmation and reminder, and arrange interpretation"
            ),
            who=_("The meeting's organisers and the communications staff"),
            period=ngettext_lazy(
                "Until %(days)s day after the meeting; then only the count remains",
                "Until %(days)s days after the meeting; then only the count remains",
                "days",
            ),
            setting="TORGET_REGISTRATION_RETENTION_DAYS",
            purge=registrations_purge_ended,
            report="Removed names, emails and needs from %(count)s registrations for meetings "
            "that ended more than %(days)s days ago.",
        ),
        Rule(
            key="unconfirmed_registrations",
            data=_("Registrations without an account that were never confirmed"),
            why=_("To let you confirm your place with the link we emailed"),
            who=_("The meeting's organisers"),
            period=ngettext_lazy(
                "%(days)s day after the confirmation link stopped working",
                "%(days)s days after the confirmation link stopped working",
                "days",
            ),
            setting="TORGET_UNCONFIRMED_REGISTRATION_DAYS",
            purge=registrations_purge_unconfirmed,
            report="Removed names, emails and needs from %(count)s registrations never confirmed.",
        ),
    ),
)
