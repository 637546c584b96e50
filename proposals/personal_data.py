"""What proposals keep about a person (home.personal_data): the proposals they make and the
ones they support."""

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
from proposals.models import Proposal, Support
from proposals.services import proposals_erase, supports_take_back


def proposals(user):
    for proposal in Proposal.objects.filter(thread__author=user).select_related("thread"):
        yield {
            "title": proposal.thread.title,
            "status": proposal.status,
            "answer": proposal.answer,
            "supporters": proposal.support_count,
            "proposed": when(proposal.created_at),
        }


def supports(user):
    for support in Support.objects.filter(user=user).select_related("proposal__thread"):
        yield {"proposal": support.proposal.thread.title, "since": when(support.created_at)}


def supports_given(user) -> int:
    return Support.objects.filter(user=user).count()


def proposals_made(user) -> int:
    return Proposal.objects.filter(thread__author=user).count()


DECLARATION = Declaration(
    app="proposals",
    holdings=(
        Holding(
            model=Proposal,
            fields=("place", "image", "image_alt"),
            fate=Fate.CHOICE,
            person="thread__author",
            why="Its title and text are its thread's (forums): it goes with a thread only they "
            "wrote in; if they choose so, one that stays loses its place and image.",
        ),
        Holding(
            model=Support,
            fields=("user",),
            fate=Fate.ERASED,
            person="user",
            why="Taken out of the proposal's count first (Stage.RELEASE).",
        ),
    ),
    staff_data=(StaffData(model=Proposal, fields=("answer",), why="The municipality's answer."),),
    sections=(
        Section(
            key="proposals",
            heading=_("Proposals"),
            rows=proposals,
            labels={
                "title": _("Title"),
                "status": _("Status"),
                "answer": _("Answer"),
                "supporters": _("Supporters"),
                "proposed": _("Proposed"),
            },
        ),
        Section(
            key="supports",
            heading=_("Proposals you support"),
            rows=supports,
            labels={"proposal": _("Proposal"), "since": _("Since")},
        ),
    ),
    counts=(
        DeletionCount(
            key="supports",
            count=supports_given,
            sentence=ngettext_lazy(
                "Your support for %(counter)s proposal is taken back.",
                "Your support for %(counter)s proposals is taken back.",
                "counter",
            ),
        ),
        DeletionCount(
            key="proposals",
            count=proposals_made,
            writing=True,
            sentence=ngettext_lazy(
                "You have made %(counter)s proposal.",
                "You have made %(counter)s proposals.",
                "counter",
            ),
        ),
    ),
    steps=(
        Step(stage=Stage.RELEASE, run=supports_take_back),
        Step(stage=Stage.WRITING, run=proposals_erase),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="proposals",
            data=_("Proposals you make: title, text, place, and an image if you add one"),
            why=_("It is the conversation, and you chose to publish it"),
            who=_("Everyone; what moderators hide, only moderators see"),
            period=_(
                "Until you delete the account; then you choose whether they stay, signed "
                "“Former member”"
            ),
        ),
        Rule(
            key="supports",
            data=_("Your support for proposals"),
            why=_("To count support, so that a proposal with enough of it gets an answer"),
            who=_("Only the counts are public"),
            period=_("Until you take it back or delete the account"),
        ),
    ),
)
