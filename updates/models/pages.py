"""One measure or news item on the safety work, its tags and its timeline."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.cache import deferred, public
from home.models.pages import ServedPageMixin

from .index import UpdateIndexPage
from .snippets import MeasureCategory, Responsible


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
