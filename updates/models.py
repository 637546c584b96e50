from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.cache import deferred, public
from home.models.pages import ContentPage, ServedPageMixin
from home.querysets import TranslatedQuerySet


class MeasureCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TranslatedQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("measure category")
        verbose_name_plural = _("measure categories")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Responsible(TranslatableMixin, models.Model):
    """Who carries a measure out: the municipality, the police, the housing company, ..."""

    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("responsible party")
        verbose_name_plural = _("responsible parties")
        ordering = ["name"]

    def __str__(self):
        return self.name


class UpdateTag(TaggedItemBase):
    content_object = ParentalKey(
        "updates.UpdatePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class UpdatePageQuerySet(PageQuerySet):
    def listed(self, locale: Locale):
        return public(self.live().filter(locale=locale))

    def filtered(self, *, district=None, category=None, status="", tag=""):
        updates = self
        if district is not None:
            updates = updates.filter(districts__translation_key=district.translation_key)
        if category is not None:
            updates = updates.filter(category__translation_key=category.translation_key)
        if status:
            updates = updates.filter(kind=UpdatePage.Kind.MEASURE, status=status)
        if tag:
            updates = updates.filter(tagged_items__tag__slug=tag)
        return updates.distinct()

    def newest_change_first(self):
        return (
            self.select_related("category")
            .prefetch_related("districts")
            .order_by("-last_published_at", "-pk")
        )

    def status_counts(self) -> dict[str, int]:
        measures = self.filter(kind=UpdatePage.Kind.MEASURE)
        return measures.aggregate(
            planned=Count("pk", filter=Q(status="planned")),
            ongoing=Count("pk", filter=Q(status="ongoing")),
            done=Count("pk", filter=Q(status="done")),
            paused=Count("pk", filter=Q(status="paused")),
        )


class UpdateIndexPage(RoutablePageMixin, ContentPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["updates.UpdatePage", "surveys.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("safety work index page")

    @path("", name="list")
    def list_view(self, request):
        from updates import views

        return views.update_list(request, self)

    @path("rss/", name="rss")
    def rss(self, request):
        from updates.feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from updates.feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)

    @path("bevakning/", name="subscribe")
    def subscribe(self, request):
        from updates import views

        return views.subscribe(request, self)


class UpdatePage(ServedPageMixin, Page):
    class Kind(models.TextChoices):
        MEASURE = "measure", _("Measure")
        NEWS = "news", _("News")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")
        PAUSED = "paused", _("Paused")

    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEASURE)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        help_text=_("For measures."),
    )
    started_on = models.DateField(_("started"), null=True, blank=True)
    expected_end = models.DateField(_("expected to be done"), null=True, blank=True)
    ended_on = models.DateField(_("done on"), null=True, blank=True)
    category = models.ForeignKey(
        MeasureCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    districts = ParentalManyToManyField(
        "home.DistrictPage", verbose_name=_("districts"), blank=True, related_name="+"
    )
    responsible = ParentalManyToManyField(
        Responsible, verbose_name=_("responsible"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(through=UpdateTag, blank=True, verbose_name=_("tags"))
    related_meetings = ParentalManyToManyField(
        "events.EventPage", verbose_name=_("related meetings"), blank=True, related_name="+"
    )
    related_threads = ParentalManyToManyField(
        "forums.Thread", verbose_name=_("related forum threads"), blank=True, related_name="+"
    )
    related_questions = ParentalManyToManyField(
        "events.Question",
        verbose_name=_("questions that led to it"),
        blank=True,
        related_name="+",
        help_text=_("Residents' questions to meetings that this measure answers."),
    )
    survey_question = models.ForeignKey(
        "surveys.SurveyQuestion",
        verbose_name=_("survey question it addresses"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page then shows that question's figures for the measure's districts."),
    )
    change_note = models.CharField(
        _("what changed"),
        max_length=200,
        blank=True,
        help_text=_("One sentence shown with the date of the latest change."),
    )

    objects = PageManager.from_queryset(UpdatePageQuerySet)()

    # Facts shared by every language version: the page in the default language decides
    # (home.translations; wagtail-localize's editor shows them as not translatable).
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "kind",
            "status",
            "started_on",
            "expected_end",
            "ended_on",
            "category",
            "districts",
            "responsible",
            "related_meetings",
            "related_threads",
            "related_questions",
            "survey_question",
        )
    ]

    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types = []

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel(
                    [FieldPanel("started_on"), FieldPanel("expected_end"), FieldPanel("ended_on")]
                ),
                FieldPanel("category"),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("responsible", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("About the measure"),
        ),
        FieldPanel("body"),
        InlinePanel("progress", heading=_("Timeline"), label=_("Progress")),
        MultiFieldPanel(
            [
                FieldPanel("related_meetings"),
                FieldPanel("related_threads"),
                FieldPanel("related_questions"),
                FieldPanel("survey_question"),
            ],
            heading=_("Related"),
        ),
        FieldPanel("change_note"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("summary"),
        APIField("started_on"),
        APIField("expected_end"),
        APIField("ended_on"),
        APIField("category", serializer=serializers.StringRelatedField()),
        APIField(
            "districts",
            serializer=serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True),
        ),
        APIField("change_note"),
    ]

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.MEASURE and not self.status:
            raise ValidationError({"status": _("A measure needs a status.")})
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("It cannot end before it started.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out only when the page's shared part is not in the cache.
        context.update(
            deferred(
                self._shared_context,
                "index_page",
                "districts",
                "responsible",
                "tags",
                "timeline",
                "meetings",
                "threads",
                "questions",
            )
        )
        return context

    def _shared_context(self) -> dict:
        # A few questions chosen by the editor, each with its meeting page in the reader's
        # language.
        language = self.locale.language_code
        questions = []
        for question in self.related_questions.select_related("meeting"):
            meeting = question.meeting.page_in(language)
            if question.status == "visible" and meeting.live:
                questions.append((question, meeting))
        return {
            # The parent by its tree path: one query where get_parent().specific takes two.
            "index_page": UpdateIndexPage.objects.get(path=self.path[: -self.steplen]),
            "districts": list(self.districts.all()),
            "responsible": list(self.responsible.all()),
            "tags": list(self.tags.all()),
            "timeline": list(self.progress.all().order_by("-date")),
            "meetings": [m for m in self.related_meetings.all() if m.live],
            "threads": [t for t in self.related_threads.all() if t.status == "visible"],
            "questions": questions,
        }


class ProgressEntry(Orderable):
    page = ParentalKey(UpdatePage, on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.CharField(_("what happened"), max_length=400)

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("progress")


class SubscriptionQuerySet(models.QuerySet):
    def of_user(self, user):
        """The confirmed alerts sent to an account's confirmed addresses, with their districts;
        an address the person has not confirmed may be someone else's."""
        from allauth.account.models import EmailAddress

        if not user.is_authenticated:
            return self.none()
        addresses = (
            EmailAddress.objects.filter(user=user, verified=True)
            .annotate(lowered=Lower("email"))
            .values("lowered")
        )
        return (
            self.alias(lowered=Lower("email"))
            .filter(lowered__in=addresses, confirmed_at__isnull=False)
            .prefetch_related("districts")
            .order_by("created_at")
        )

    def for_districts(self, districts):
        """Confirmed subscriptions to any of `districts` (whichever language version), or to
        any district at all when `districts` is empty. An unconfirmed address gets nothing."""
        confirmed = self.filter(confirmed_at__isnull=False)
        keys = [district.translation_key for district in districts]
        if keys:
            confirmed = confirmed.filter(districts__translation_key__in=keys).distinct()
        return confirmed.order_by("pk")


class Subscription(models.Model):
    """Email alerts for districts, without an account; double opt-in."""

    email = models.EmailField(_("email"))
    districts = models.ManyToManyField("home.DistrictPage", related_name="+")
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self):
        return self.email


class AlertSent(models.Model):
    """One row per change that subscribers were told about, so that none is told twice."""

    translation_key = models.UUIDField()
    change = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "change"], name="alert_once_per_change"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} {self.change}"


class NoticeAlert(models.Model):
    """A disruption notice sent by email to the subscribers of its districts: once per notice
    (whichever language version), with who sent it and to how many."""

    notice_key = models.UUIDField(unique=True)  # the notice's translation_key
    notice = models.ForeignKey(
        "home.DisruptionNotice", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"))

    class Meta:
        verbose_name = _("notice sent by email")
        verbose_name_plural = _("notices sent by email")

    def __str__(self):
        return f"{self.notice_key} → {self.recipients}"
