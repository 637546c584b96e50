"""What polls keep about a person (home.personal_data): which account gave a vote."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

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
from polls.models import Poll, PollOption, Vote
from polls.services import votes_of_person_unlink, votes_unlink


def votes(user):
    for vote in Vote.objects.filter(user=user).select_related("poll", "option"):
        yield {
            "poll": vote.poll.question,
            "answer": vote.option.text,
            "voted": when(vote.created_at),
        }


DECLARATION = Declaration(
    app="polls",
    holdings=(
        Holding(
            model=Vote,
            fields=("user",),
            fate=Fate.KEPT,
            person="user",
            why="The vote stays in the results; only the account goes.",
        ),
    ),
    staff_data=(
        StaffData(model=Poll, fields=("question",), why="Written by the editors."),
        StaffData(model=PollOption, fields=("text",), why="Written by the editors."),
    ),
    sections=(
        Section(
            key="votes",
            heading=_("Poll votes"),
            rows=votes,
            labels={"poll": _("Poll"), "answer": _("Answer"), "voted": _("Voted")},
        ),
    ),
    counts=(
        DeletionCount(
            key="votes", sentence=_("Your votes in polls stay in the results, without your name.")
        ),
    ),
    steps=(Step(stage=Stage.RELEASE, run=votes_of_person_unlink),),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="poll_votes",
            data=_("Which account gave a vote in a poll, and whether it was verified then"),
            why=_("So that each person votes once"),
            who=_("Nobody: staff see totals per answer, district and verification"),
            period=ngettext_lazy(
                "Until %(days)s day after the poll closed; the vote stays in the results",
                "Until %(days)s days after the poll closed; the vote stays in the results",
                "days",
            ),
            setting="TORGET_POLL_VOTE_ACCOUNT_DAYS",
            purge=votes_unlink,
            report="Unlinked %(count)s poll votes from their accounts, %(days)s days after "
            "closing.",
        ),
    ),
)
