from django import template
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from accounts.readers import can_take_part
from polls.forms import VoteForm
from polls.models import Poll, Vote

register = template.Library()


@register.inclusion_tag("polls/includes/page_polls.html", takes_context=True)
def page_polls(context, page):
    """The page's polls that have opened: the vote for those who may still vote, the results
    after voting or once the poll has closed. The polls and their results are kept with the
    page parts; the reader costs one query, for their votes, where a page has polls."""
    request = context["request"]
    user = request.user
    now = timezone.now()
    polls = [poll for poll in Poll.objects.shown_on(page) if poll.opens_at <= now]
    voted = set()
    if polls and user.is_authenticated:
        voted = set(
            Vote.objects.filter(user=user, poll__in=polls).values_list("poll_id", flat=True)
        )
    may_vote = bool(polls) and can_take_part(request)
    shown = []
    for poll in polls:
        has_voted = poll.pk in voted
        closed = poll.is_closed(now)
        results = poll.results() if has_voted or closed else None
        shown.append(
            {
                "poll": poll,
                "closed": closed,
                "has_voted": has_voted,
                "may_vote": may_vote and not has_voted and not closed,
                # Drawn in a shared part, so made only when that is.
                "form": SimpleLazyObject(lambda poll=poll: VoteForm(poll=poll)),
                "results": results,
                "total": sum(row["votes"] for row in results or ()),
            }
        )
    return {"polls": shown, "request": request, "user": user}
