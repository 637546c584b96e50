"""Residents' proposals for their district, the support they gather and the municipality's
answer. A proposal's text and its comments are a forum thread: the first post is the proposal
itself, so moderation, editing, reports and notifications are the forum's own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from forums.models import Post, Thread
from home.models.pages import ContentPage

VISIBLE = Thread.Status.VISIBLE


class ProposalIndexPage(RoutablePageMixin, ContentPage):
    """/forslag/: every district's proposals, the form for a new one and each proposal."""

    discussion_category = models.ForeignKey(
        "forums.Category",
        verbose_name=_("forum category for the discussion"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Each proposal's comments are a thread in this category of the forum."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*ContentPage.content_panels, FieldPanel("discussion_category")]

    class Meta:
        verbose_name = _("proposals page")

    @path("", name="list")
    def list_view(self, request):
        from proposals import views

        return views.proposal_list(request, self)

    @path("nytt/", name="new")
    def new(self, request):
        from proposals import views

        return views.proposal_new(request, self)

    @path("<int:proposal_id>/", name="detail")
    def detail(self, request, proposal_id):
        from proposals import views

        return views.proposal_detail(request, self, proposal_id)

    @path("<int:proposal_id>/stod/", name="support")
    def support(self, request, proposal_id):
        from proposals import views

        return views.proposal_support(request, self, proposal_id)

    def proposal_url(self, proposal) -> str:
        return f"{self.url}{proposal.pk}/"


class ProposalQuerySet(models.QuerySet):
    def visible(self):
        """Published: the thread and its first post passed moderation and stay up."""
        return self.filter(thread__status=VISIBLE, opening_post__status=VISIBLE)

    def visible_to(self, user):
        """Published ones, and the person's own while they wait for a moderator."""
        if not user.is_authenticated:
            return self.visible()
        shown = Q(thread__status=VISIBLE, opening_post__status=VISIBLE)
        return self.filter(shown | Q(thread__author=user, opening_post__status=Post.Status.PENDING))

    def waiting_by(self, user):
        """The person's own proposals that wait for a moderator, newest first."""
        return (
            self.filter(thread__author=user, opening_post__status=Post.Status.PENDING)
            .select_related("thread")
            .order_by("-created_at")
        )

    def in_district(self, district):
        return self.filter(district__translation_key=district.translation_key)

    def filtered(self, *, district=None, status="", category=None):
        proposals = self
        if district is not None:
            proposals = proposals.in_district(district)
        if status:
            proposals = proposals.filter(status=status)
        if category is not None:
            proposals = proposals.filter(category__translation_key=category.translation_key)
        return proposals

    def for_list(self, sort: str = "support"):
        order = ["-created_at", "-pk"] if sort == "newest" else ["-support_count", "-created_at"]
        return self.select_related("thread", "district", "category").order_by(*order)

    def raised_at_meeting(self, meeting):
        """Those raised at a meeting (in any of its languages), for its minutes."""
        return self.filter(raised_at__translation_key=meeting.translation_key).select_related(
            "thread"
        )

    def answered(self):
        """Those the municipality answered, newest answer first: "you said – we did"."""
        return self.exclude(verdict="").order_by("-answered_at", "-pk")

    def awaiting_answer(self):
        """Past the support threshold and not answered yet: staff owe a formal answer."""
        return self.filter(threshold_reached_on__isnull=False, verdict="")

    def answer_due_by(self, day):
        """Owed an answer by `day` at the latest (overdue ones included), oldest date first."""
        return (
            self.awaiting_answer()
            .filter(answer_due__lte=day)
            .select_related("thread")
            .order_by("answer_due", "pk")
        )


class Proposal(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "review", _("Under review")
        ANSWERED = "answered", _("Answered")
        IN_PROGRESS = "progress", _("In progress")
        DONE = "done", pgettext_lazy("proposal", "Done")

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        NOT_ACCEPTED = "rejected", _("Not accepted")

    # Support is open until the municipality answers.
    OPEN_STATUSES = (Status.SUBMITTED, Status.UNDER_REVIEW)

    thread = models.OneToOneField(
        Thread, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("thread")
    )
    opening_post = models.OneToOneField(
        Post, on_delete=models.CASCADE, related_name="+", verbose_name=_("the proposal's text")
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.ForeignKey(
        "updates.MeasureCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("where"), max_length=200, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("what the image shows"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    verdict = models.CharField(
        _("answer"), max_length=10, choices=Verdict.choices, blank=True, default=""
    )
    answer = models.TextField(_("the municipality's answer"), max_length=5000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    measure = models.ForeignKey(
        "updates.UpdatePage",
        verbose_name=_("measure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text=_("The measure on the safety work pages that the proposal became."),
    )
    raised_at = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("raised at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The meeting where the proposal came up; its minutes then link to it."),
    )
    support_count = models.PositiveIntegerField(_("supporters"), default=0)
    # Of them, people verified as one person (accounts.Verification); kept in step by the
    # proposals' services when a support or a verification comes or goes.
    verified_support_count = models.PositiveIntegerField(_("verified supporters"), default=0)
    threshold_reached_on = models.DateField(_("reached the support threshold"), null=True)
    answer_due = models.DateField(_("to be answered by"), null=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ProposalQuerySet.as_manager()

    # Wagtail's API (opendata): what the proposal's page shows, never who supports it.
    api_fields = [
        APIField("title"),
        APIField("status"),
        APIField("verdict"),
        APIField("answer"),
        APIField("support_count"),
        APIField("verified_support_count"),
        APIField("threshold_reached_on"),
        APIField("answer_due"),
        APIField("answered_at"),
        APIField("created_at"),
        APIField(
            "district", serializer=serializers.SlugRelatedField(slug_field="slug", read_only=True)
        ),
        APIField("category", serializer=serializers.StringRelatedField()),
    ]

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-support_count"])]

    def __str__(self):
        return self.thread.title

    @property
    def title(self) -> str:
        return self.thread.title

    @property
    def author(self):
        return self.thread.author

    @property
    def is_open_for_support(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Support(models.Model):
    """One person's support for one proposal; it counts from a confirmed account only."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="support_once"),
        ]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"{self.user} → {self.proposal}"
