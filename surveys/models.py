"""Perceived safety over the years (trygghetsmätning): the questions a survey asks every year or
two, who asked them and how, and the share per district and year; and the page that shows them
beside the measures taken."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import PageManager, TranslatableMixin
from wagtail.query import PageQuerySet

from home.cache import public
from home.models.pages import ContentPage
from home.querysets import TranslatedQuerySet


class SurveyQuestion(TranslatableMixin, models.Model):
    """A question asked the same way every time ("Do you feel unsafe outdoors alone late in the
    evening?"); results name it by its short key."""

    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_(
            "Short and fixed, as in the import file's column “question”, e.g. unsafe-evening."
        ),
    )
    text = models.CharField(_("question"), max_length=200)
    finding = models.CharField(
        _("what a share means"),
        max_length=120,
        help_text=_(
            "How a district page names the figure, e.g. “Feel unsafe outdoors late in the evening”."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TranslatedQuerySet.as_manager()

    panels = [FieldPanel("key"), FieldPanel("text"), FieldPanel("finding"), FieldPanel("order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="survey_question_key_once")
        ]

    def __str__(self):
        return self.text


class Survey(TranslatableMixin, models.Model):
    """One measurement: which year, who ran it and how, and where the full report is."""

    name = models.CharField(_("name"), max_length=160)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    conducted_by = models.CharField(_("conducted by"), max_length=160)
    method = models.TextField(
        _("method"), help_text=_("A few sentences: who was asked, how, and how many answered.")
    )
    report_url = models.URLField(_("link to the report"), blank=True)

    objects = TranslatedQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("year"),
        FieldPanel("conducted_by"),
        FieldPanel("method"),
        FieldPanel("report_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.name} ({self.year})"


class SurveyResultQuerySet(models.QuerySet):
    def for_chart(self, questions, districts):
        """The figures of these questions and districts (in the default language's rows),
        oldest first."""
        return self.filter(
            question__translation_key__in=[q.translation_key for q in questions],
            district__translation_key__in=[d.translation_key for d in districts],
        ).order_by("year")


class SurveyResult(models.Model):
    """The share of a district's respondents who answered yes, one year."""

    question = models.ForeignKey(
        SurveyQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="+"
    )
    district = models.ForeignKey(
        "home.DistrictPage", verbose_name=_("district"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    share = models.DecimalField(
        _("share (%)"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    respondents = models.PositiveIntegerField(_("respondents"))
    margin = models.DecimalField(
        _("margin of error (percentage points)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
    )

    updated_at = models.DateTimeField(auto_now=True)  # the open data catalogue's "modified"

    objects = SurveyResultQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("district"),
        FieldPanel("year"),
        FieldPanel("share"),
        FieldPanel("respondents"),
        FieldPanel("margin"),
    ]

    class Meta:
        verbose_name = _("survey result")
        verbose_name_plural = _("survey results")
        ordering = ["question", "district", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "district", "year"], name="survey_result_once"
            )
        ]

    def __str__(self):
        return f"{self.question.key} {self.district} {self.year}: {self.share} %"


class SurveyPageQuerySet(PageQuerySet):
    def listed_under(self, index_page):
        """The live survey pages under the safety work's page, in its language as its children
        are, that every reader may open."""
        return public(self.live().child_of(index_page)).order_by("path")


class SurveyPage(ContentPage):
    """Trygghetsmätning: each question as a chart with a line per district over the years, and
    beside it a table with the same numbers."""

    example_data = models.BooleanField(
        _("the figures are example data"),
        default=False,
        help_text=_("The page then says so above the charts (the demo's figures are invented)."),
    )

    objects = PageManager.from_queryset(SurveyPageQuerySet)()

    parent_page_types = ["updates.UpdateIndexPage"]
    subpage_types = []

    content_panels = [*ContentPage.content_panels, FieldPanel("example_data")]

    class Meta:
        verbose_name = _("safety survey page")

    def get_context(self, request, *args, **kwargs):
        from home.cache import deferred
        from home.models import DistrictPage
        from surveys.selectors import figures

        context = super().get_context(request, *args, **kwargs)
        slug = request.GET.get("district")

        def shared():
            districts = list(DistrictPage.objects.listed(self.locale))
            chosen = next((d for d in districts if d.slug == slug), None)
            shown = [chosen] if chosen else districts
            return {
                "districts": districts,
                "chosen": chosen,
                "figures": figures(self.locale, shown),
            }

        # Worked out only when the page's shared part is not in the cache.
        context.update(deferred(shared, "districts", "chosen", "figures"))
        return context
