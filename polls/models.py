"""Short polls editors put on a meeting, a district page or an update: one question, two to
six answers, open between two dates, one vote per confirmed account."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

from home.cache import cached_part


class PollQuerySet(models.QuerySet):
    def on_page(self, page):
        """The polls shown on a page, in any of its languages, earliest closing first."""
        return (
            self.filter(page__translation_key=page.translation_key)
            .prefetch_related("options")
            .order_by("closes_at", "pk")
        )

    def started(self, at=None):
        return self.filter(opens_at__lte=at or timezone.now())

    def shown_on(self, page) -> list:
        """`on_page`, opened or not, kept with the page parts: a page asks for them for every
        reader."""
        return cached_part("page-polls", lambda: list(self.on_page(page)), page.translation_key)


class Poll(ClusterableModel):
    question = models.CharField(_("question"), max_length=200)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("shown on"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A meeting, a district page or an update; it shows in every language."),
    )
    districts = ParentalManyToManyField(
        "home.DistrictPage",
        verbose_name=_("districts"),
        blank=True,
        related_name="+",
        help_text=_("Voters may say which of these they live in; the results count per district."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"))
    verified_only = models.BooleanField(
        _("verified residents only"),
        default=False,
        help_text=_(
            "Only people verified as one person (with e-identification, or in person at a "
            "meeting) may vote; others see the results when the poll closes."
        ),
    )
    results_by_verification = models.BooleanField(
        _("show the results split by verified and not verified voters"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = PollQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        PageChooserPanel("page", ["events.EventPage", "home.DistrictPage", "updates.UpdatePage"]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("verified_only"),
        FieldPanel("results_by_verification"),
        InlinePanel("options", heading=_("Answers"), label=_("Answer"), min_num=2, max_num=6),
    ]

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at"]

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A poll closes after it opens.")})

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at

    def is_closed(self, at=None) -> bool:
        return (at or timezone.now()) >= self.closes_at

    def results(self) -> list[dict]:
        """Each answer with its votes and share, in the editors' order (kept with the page
        parts until the next change to public content, which a vote is)."""
        return cached_part("poll-results", self.counted_results, self.pk)

    def counted_results(self) -> list[dict]:
        counted = self.votes.values("option").annotate(
            n=Count("pk"), verified=Count("pk", filter=Q(verified=True))
        )
        counts = {row["option"]: (row["n"], row["verified"]) for row in counted}
        total = sum(n for n, _verified in counts.values())
        rows = []
        for option in self.options.all():
            votes, verified = counts.get(option.pk, (0, 0))
            rows.append(
                {
                    "option": option,
                    "votes": votes,
                    "verified": verified,
                    "not_verified": votes - verified,
                    "percent": round(100 * votes / total) if total else 0,
                }
            )
        return rows

    def totals_by_district(self) -> dict:
        """Votes per answer and district ("" for voters who did not say), for staff."""
        rows = self.votes.values("option", "district").annotate(n=Count("pk"))
        totals = {}
        for row in rows:
            totals.setdefault(row["option"], {})[row["district"] or ""] = row["n"]
        return totals


class PollOption(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("answer"), max_length=120)

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class Vote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="votes")
    # Empty once the person's account is deleted, or some time after the poll closed
    # (see home.retention): the vote stays in the results.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="poll_votes"
    )
    district = models.ForeignKey(
        "home.DistrictPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the voter was verified as one person when voting; stays when the account goes.
    verified = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "user"], name="vote_once")]

    def __str__(self):
        return f"{self.user} → {self.option}"
