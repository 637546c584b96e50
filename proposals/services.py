"""Every change to a proposal: proposing, supporting and the municipality's answer."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from accounts import eid
from accounts.models import User, Verification, has_verified_email
from forums import services as forum_services
from forums.services import ForumError
from home.cache import structure_part
from home.models import SiteSettings
from home.services import RuleError, counted_marks_remove, counted_toggle
from proposals.models import Proposal, ProposalIndexPage, Support

# Staff who may move a proposal through its lifecycle and answer it.
ANSWER_PERMISSION = "proposals.change_proposal"
ANSWERED_STATUSES = (
    Proposal.Status.ANSWERED,
    Proposal.Status.IN_PROGRESS,
    Proposal.Status.DONE,
)


class ProposalError(RuleError):
    """Something the proposals' rules refuse."""


def rules() -> SiteSettings:
    """The threshold and the time to answer, as staff set them in the site settings."""
    return structure_part("proposal-rules", lambda: SiteSettings.objects.first() or SiteSettings())


def threshold_counts_verified() -> bool:
    """Whether only verified supporters count toward the answer threshold: as staff chose,
    and by default once e-identification is set up (before it, few could be verified)."""
    choice = rules().proposal_threshold_counts
    if choice == SiteSettings.ThresholdCounts.AUTOMATIC:
        return eid.configured()
    return choice == SiteSettings.ThresholdCounts.VERIFIED


def proposal_create(
    *,
    index_page: ProposalIndexPage,
    author,
    district,
    title: str,
    text: str,
    category=None,
    place: str = "",
    image_file=None,
    image_alt: str = "",
    at=None,
) -> Proposal:
    """A proposal is a forum thread whose first post is its text, so it passes the same trust
    and moderation rules as a post (a newcomer's waits for a moderator)."""
    if not has_verified_email(author):
        raise PermissionDenied
    at = at or timezone.now()
    with transaction.atomic():
        try:
            thread = forum_services.thread_create(
                category=index_page.discussion_category,
                author=author,
                title=title,
                text=text,
                at=at,
            )
        except ForumError as error:
            raise ProposalError(error.code, error.message) from None
        image = None
        if image_file is not None:
            image = get_image_model().objects.create(
                title=title[:255], file=image_file, uploaded_by_user=author
            )
        return Proposal.objects.create(
            thread=thread,
            opening_post=thread.posts.get(),
            district=district,
            category=category,
            place=place.strip(),
            image=image,
            image_alt=image_alt.strip() if image else "",
            created_at=at,
            status_changed_at=at,
        )


def support_month_start(at=None):
    """Supports count per calendar month: when this one began."""
    at = timezone.localtime(at or timezone.now())
    return at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def supports_left(user, at=None, *, used: int | None = None) -> int:
    """How many more proposals the person may support this calendar month (`used`: the
    supports they gave since `support_month_start`, when already counted)."""
    if used is None:
        used = Support.objects.filter(user=user, created_at__gte=support_month_start(at)).count()
    return max(settings.TORGET_PROPOSAL_SUPPORTS_PER_MONTH - used, 0)


def support_toggle(*, proposal: Proposal, user, at=None) -> bool:
    """Support a published, open proposal once, or take the support back; True when the
    person now supports it."""
    at = at or timezone.now()
    if not has_verified_email(user):
        raise PermissionDenied
    if not Proposal.objects.visible().filter(pk=proposal.pk).exists():
        raise PermissionDenied
    if proposal.author is not None and proposal.author.pk == user.pk:
        raise ProposalError("own", _("This is your own proposal; others can support it."))
    if not proposal.is_open_for_support:
        raise ProposalError(
            "closed", _("The municipality has answered this proposal; support is closed.")
        )
    with transaction.atomic():
        # One person's supports one at a time, so that two clicks cannot pass the limit.
        User.objects.select_for_update().filter(pk=user.pk).first()
        supporting = Support.objects.filter(proposal=proposal, user=user).exists()
        if not supporting and not supports_left(user, at):
            raise ProposalError(
                "limit",
                _(
                    "You have supported %(count)d proposals this month, as many as anyone may. "
                    "You can support more next month, or take back a support you gave."
                )
                % {"count": settings.TORGET_PROPOSAL_SUPPORTS_PER_MONTH},
            )
        now_supporting = counted_toggle(
            mark=Support, target=proposal, counter="support_count", proposal=proposal, user=user
        )
        if Verification.objects.filter(user=user).exists():
            _verified_recount([proposal.pk])
        if now_supporting:
            _threshold_check(proposal, at)
    return now_supporting


def supports_take_back(*, user, at=None) -> None:
    """The person's account goes: their support leaves each proposal's count (the verified
    count followed when their verification went, just before)."""
    counted_marks_remove(mark=Support, target="proposal", counter="support_count", user=user)


def proposals_erase(*, user, at=None) -> None:
    """The person chose to take what they wrote along (forums removes the text): a proposal
    that stays, because others replied to it, loses its place and image, and the images they
    uploaded go."""
    with transaction.atomic():
        Proposal.objects.filter(thread__author=user).update(place="", image=None, image_alt="")
        in_use = Proposal.objects.filter(image__isnull=False).values("image")
        get_image_model().objects.filter(uploaded_by_user=user).exclude(pk__in=in_use).delete()


def supporters_recount_verified(*, user) -> None:
    """A person's verification came or went: each proposal they support counts its verified
    supporters again, and one that now has enough is due its answer."""
    supported = Proposal.objects.filter(supports__user=user)
    with transaction.atomic():
        _verified_recount(list(supported.values_list("pk", flat=True)))
        at = timezone.now()
        for proposal in supported.filter(threshold_reached_on__isnull=True):
            if proposal.is_open_for_support:
                _threshold_check(proposal, at)


def _verified_recount(proposal_ids: list[int]) -> None:
    """Count the verified supporters of these proposals afresh (a count, not a step: a double
    click that counted once must not count twice here)."""
    verified = (
        Support.objects.filter(proposal=OuterRef("pk"), user__verification__isnull=False)
        .order_by()
        .values("proposal")
        .annotate(count=Count("pk"))
        .values("count")
    )
    Proposal.objects.filter(pk__in=proposal_ids).update(
        verified_support_count=Coalesce(Subquery(verified), 0)
    )


def _threshold_check(proposal: Proposal, at) -> None:
    """At the threshold, the proposal is due a formal answer by a stated date (once)."""
    settings_now = rules()
    today = timezone.localdate(at)
    counter = "verified_support_count" if threshold_counts_verified() else "support_count"
    Proposal.objects.filter(
        pk=proposal.pk,
        **{f"{counter}__gte": settings_now.proposal_support_threshold},
        threshold_reached_on__isnull=True,
    ).update(
        threshold_reached_on=today,
        answer_due=today + timedelta(days=settings_now.proposal_answer_days),
    )


def proposal_answer(
    *,
    proposal: Proposal,
    by,
    status: str,
    verdict: str = "",
    answer: str = "",
    measure=None,
    raised_at=None,
    at=None,
) -> Proposal:
    """Staff move a proposal through its lifecycle. An answer (accepted, partly or not) needs
    its written reasons; work in progress or done needs a yes. The author and the supporters
    hear of each change of status or verdict, once."""
    from proposals.notifications import status_change_tell

    if not by.has_perm(ANSWER_PERMISSION):
        raise PermissionDenied
    at = at or timezone.now()
    answer = answer.strip()
    if status in ANSWERED_STATUSES and not verdict:
        raise ProposalError("verdict", _("Choose the answer: accepted, partly or not accepted."))
    if status in ANSWERED_STATUSES and not answer:
        raise ProposalError("answer", _("Write the answer: residents need to know why."))
    if status not in ANSWERED_STATUSES and verdict:
        raise ProposalError(
            "verdict", _("An answer goes with the status “Answered”, “In progress” or “Done”.")
        )
    if status in (Proposal.Status.IN_PROGRESS, Proposal.Status.DONE) and verdict == (
        Proposal.Verdict.NOT_ACCEPTED
    ):
        raise ProposalError("verdict", _("A proposal that was not accepted is not carried out."))
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        changed = (proposal.status, proposal.verdict) != (status, verdict)
        if verdict and not proposal.verdict:
            proposal.answered_at = at
        if not verdict:
            proposal.answered_at = None
        if changed:
            proposal.status_changed_at = at
        proposal.status, proposal.verdict, proposal.answer = status, verdict, answer
        proposal.measure, proposal.raised_at = measure, raised_at
        proposal.save()
        if changed:
            status_change_tell(proposal=proposal)
    return proposal


def proposal_emails_stop(*, user) -> None:
    """The one-click unsubscribe: no more emails about proposals (the profile turns them on)."""
    User.objects.filter(pk=user.pk).update(proposal_emails=False)
