"""Emails to a proposal's author and supporters when its status or answer changes."""

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from home.cache import section_page
from home.links import absolute_url, object_from_token, signed_token
from home.services import email_queue
from proposals.models import Proposal, ProposalIndexPage

UNSUBSCRIBE_SALT = "proposals.emails"


def unsubscribe_token(user) -> str:
    return signed_token(user, UNSUBSCRIBE_SALT)


def user_from_token(token: str):
    return object_from_token(User.objects.all(), token, UNSUBSCRIBE_SALT)


def status_change_tell(*, proposal: Proposal) -> None:
    """Queue the emails as a background task once the change is committed."""
    from proposals.tasks import status_change_send

    change = {"proposal_id": proposal.pk, "status": proposal.status, "verdict": proposal.verdict}
    transaction.on_commit(lambda: status_change_send.enqueue(**change))


def recipients(proposal: Proposal):
    """The author and every supporter who wants these emails, each once."""
    return User.objects.filter(
        Q(pk=proposal.thread.author_id) | Q(proposal_supports__proposal=proposal),
        proposal_emails=True,
        is_active=True,
    ).distinct()


def status_change_send(*, proposal_id: int, status: str, verdict: str) -> int:
    """One email to each recipient about the change; none when a later change replaced it
    before the task ran (they hear of that one)."""
    proposal = (
        Proposal.objects.visible().select_related("thread", "measure").filter(pk=proposal_id)
    ).first()
    if proposal is None or (proposal.status, proposal.verdict) != (status, verdict):
        return 0
    sent = 0
    for user in recipients(proposal):
        with translation.override(user.preferred_language):
            # The proposals page in their language, or the one there is.
            index = section_page(ProposalIndexPage) or ProposalIndexPage.objects.live().first()
            if index is None:
                return sent
            unsubscribe_url = absolute_url(
                reverse("proposals:unsubscribe", args=[unsubscribe_token(user)])
            )
            context = {
                "user": user,
                "proposal": proposal,
                "is_author": user.pk == proposal.thread.author_id,
                "url": absolute_url(index.proposal_url(proposal)),
                "unsubscribe_url": unsubscribe_url,
                "emails_url": absolute_url(reverse("my_emails")),
            }
            email_queue(
                to=user.email,
                subject=render_to_string("proposals/email/status_subject.txt", context),
                body=render_to_string("proposals/email/status.txt", context),
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        sent += 1
    return sent
