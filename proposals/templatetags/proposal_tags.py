from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from home.cache import active_locale, cached_part, section_page
from proposals.models import Proposal, ProposalIndexPage
from proposals.services import threshold_counts_verified
from proposals.views import localize, localize_measures

register = template.Library()


@register.inclusion_tag("proposals/includes/district_proposals.html")
def district_proposals(district, limit=3):
    """A district's proposals with the most support, and "you said – we did": the latest
    answers and the measures they became."""
    index = section_page(ProposalIndexPage)
    if index is None:
        return {"index_page": None}
    proposals = Proposal.objects.visible().in_district(district)
    locale = active_locale()
    return {
        "index_page": index,
        "counts_verified": threshold_counts_verified(),
        "open": localize(
            list(proposals.filter(status__in=Proposal.OPEN_STATUSES).for_list()[:limit]), locale
        ),
        "answered": localize_measures(
            localize(
                list(proposals.answered().select_related("thread", "district", "measure")[:limit]),
                locale,
            ),
            locale,
        ),
        "more_url": f"{index.url}?{urlencode({'district': district.slug})}",
        "district": district,
        "empty_text": _("No proposals for %(district)s yet.") % {"district": district.title},
    }


@register.simple_tag
def proposals_behind(measure) -> list:
    """For a measure's timeline: the residents' proposals it came from, each with its address
    in the reader's language."""
    index = section_page(ProposalIndexPage)
    if index is None:
        return []
    proposals = list(
        Proposal.objects.visible()
        .filter(measure__translation_key=measure.translation_key)
        .select_related("thread")
        .order_by("created_at")
    )
    for proposal in proposals:
        proposal.shown_url = index.proposal_url(proposal)
    return proposals


@register.inclusion_tag("proposals/includes/thread_proposal.html")
def thread_proposal(thread):
    """On a forum thread that is a proposal's discussion: the way to the proposal."""
    found = cached_part(
        "thread-proposal",
        lambda: (
            Proposal.objects.filter(thread_id=thread.pk).values_list("pk", flat=True).first() or 0
        ),
        thread.pk,
    )
    index = section_page(ProposalIndexPage) if found else None
    return {"url": f"{index.url}{found}/" if index else ""}


@register.inclusion_tag("proposals/includes/raised_at_meeting.html")
def proposals_raised_at(meeting):
    """In a meeting's minutes: the proposals that came up there, with where they stand."""
    index = section_page(ProposalIndexPage)
    proposals = list(Proposal.objects.visible().raised_at_meeting(meeting)) if index else []
    return {"proposals": proposals, "index_page": index}
