from django import template
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from accounts.readers import can_take_part, is_verified
from polls.forms import VoteForm
from polls.models import Poll
from polls.selectors import polls_voted_in

register = template.Library()


@register.inclusion_tag("polls/includes/page_polls.html", takes_context=True)
def page_polls(context, page):
    """The page's polls that have opened: the vote for those who may still vote, the results
    after voting or once the poll has closed. The polls are kept with the page parts, and the
    form and the results are drawn in shared parts (made only when those are); the reader
    costs one query, for their votes, where a page has polls."""
    request = context["request"]
    user = request.user
    now = timezone.now()
    polls = [poll for poll in Poll.objects.shown_on(page) if poll.opens_at <= now]
    voted = polls_voted_in(user, polls)
    may_vote = bool(polls) and can_take_part(request)
    verified = may_vote and any(poll.verified_only for poll in polls) and is_verified(user)
    shown = []
    for poll in polls:
        has_voted = poll.pk in voted
        closed = poll.is_closed(now)
        needs_verifying = poll.verified_only and not verified
        shown.append(
            {
                "poll": poll,
                "closed": closed,
                "has_voted": has_voted,
                "may_vote": may_vote and not has_voted and not closed and not needs_verifying,
                "needs_verifying": may_vote and needs_verifying and not closed,
                "form": SimpleLazyObject(lambda poll=poll: VoteForm(poll=poll)),
                "results_shown": has_voted or closed,
                "tally": SimpleLazyObject(lambda poll=poll: _tally(poll)),
            }
        )
    return {"polls": shown, "request": request, "user": user}


def _tally(poll) -> dict:
    rows = poll.results()
    return {"rows": rows, "total": sum(row["votes"] for row in rows)}
