from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import has_verified_email
from polls import services
from polls.forms import VoteForm
from polls.models import Poll


@require_POST
def vote(request, poll_id):
    poll = get_object_or_404(Poll.objects.select_related("page"), pk=poll_id)
    page = poll.page.specific.localized
    back = f"{page.url}#poll-{poll.pk}"
    if not has_verified_email(request.user):
        login = reverse("account_login")
        return redirect(f"{login}?{urlencode({'next': back})}")
    form = VoteForm(request.POST, poll=poll)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    try:
        services.vote_cast(
            poll=poll,
            user=request.user,
            option=form.cleaned_data["option"],
            district=form.cleaned_data.get("district"),
        )
    except services.PollError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you for voting. Here are the results so far."))
    return redirect(back)
