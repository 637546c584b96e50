"""What moderation keeps about a person (home.personal_data): the reports they make, and the
decisions and suspensions about them."""

from django.utils.translation import gettext_lazy as _

from home.personal_data import Declaration, Fate, Holding, Section, StaffData, when
from home.retention import Rule
from moderation.models import LogEntry, Report, Suspension, WatchedWord


def reports_made(user):
    for report in Report.objects.filter(reporter=user):
        yield {"reason": report.reason, "text": report.text, "made": when(report.created_at)}


def decisions(user):
    for entry in LogEntry.objects.filter(subject=user):
        yield {"action": entry.action, "reason": entry.reason, "when": when(entry.at)}


def suspensions(user):
    for suspension in Suspension.objects.filter(user=user).order_by("created_at"):
        yield {
            "reason": suspension.reason,
            "since": when(suspension.created_at),
            "until": when(suspension.until),
            "lifted": when(suspension.lifted_at),
        }


DECLARATION = Declaration(
    app="moderation",
    order=80,
    holdings=(
        Holding(
            model=Report,
            fields=("reporter", "text"),
            fate=Fate.KEPT,
            person="reporter",
            why="The moderators keep the report, without who made it.",
        ),
        Holding(
            model=LogEntry,
            fields=("subject", "reason"),
            fate=Fate.KEPT,
            person="subject",
            why="Every decision stays explainable, without whom it was about.",
        ),
        Holding(model=Suspension, fields=("user", "reason"), fate=Fate.ERASED, person="user"),
    ),
    staff_data=(
        StaffData(model=LogEntry, fields=("actor",), why="The moderator who decided."),
        StaffData(model=Suspension, fields=("created_by",), why="The moderator who suspended."),
        StaffData(model=WatchedWord, fields=("word",), why="The moderators' list of words."),
    ),
    sections=(
        Section(
            key="reports_made",
            heading=_("Reports you made about posts and questions"),
            rows=reports_made,
            labels={"reason": _("Reason"), "text": _("Text"), "made": _("Made")},
        ),
        Section(
            key="moderation",
            heading=_("Moderators' decisions about what you wrote"),
            rows=decisions,
            labels={"action": _("Decision"), "reason": _("Reason"), "when": _("When")},
        ),
        Section(
            key="suspensions",
            heading=_("Suspensions of your account"),
            rows=suspensions,
            labels={
                "reason": _("Reason"),
                "since": _("Since"),
                "until": _("Until"),
                "lifted": _("Lifted"),
            },
        ),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="moderation",
            data=_("Reports you make about posts, and moderators' decisions about what you wrote"),
            why=_("To keep the discussion civil and to be able to explain every decision"),
            who=_("The moderators"),
            period=_("Until you delete the account; a report then stays without your name"),
        ),
    ),
)
