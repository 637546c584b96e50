from django import template
from django.utils import timezone

from accounts.models import has_verified_email
from polls.forms import VoteForm
from polls.models import Poll, Vote

register = template.Library()


@register.inclusion_tag("polls/includes/page_polls.html", takes_context=True)
def page_polls(context, page):
    """The page's polls that have opened: the vote for those who may still vote, the results
    after voting or once the poll has closed."""
    request = context["request"]
    user = request.user
    now = timezone.now()
    polls = list(Poll.objects.on_page(page).started(now).prefetch_related("districts"))
    voted = set()
    if polls and user.is_authenticated:
        voted = set(
            Vote.objects.filter(user=user, poll__in=polls).values_list("poll_id", flat=True)
        )
    may_vote = bool(polls) and has_verified_email(user)
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
                "form": VoteForm(poll=poll) if may_vote and not has_voted and not closed else None,
                "results": results,
                "total": sum(row["votes"] for row in results or ()),
            }
        )
    return {"polls": shown, "request": request, "user": user}
