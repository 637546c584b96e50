from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin

from home.querysets import TranslatedQuerySet


class CategoryQuerySet(TranslatedQuerySet):
    def listed(self, locale: Locale):
        """The categories in one language (those not translated yet in the default language),
        in the editors' order, with counts and latest activity from the threads of every
        language version."""
        from forums.models import Post, Thread

        threads = Thread.objects.visible().filter(
            category__translation_key=OuterRef("translation_key")
        )
        thread_count = (
            threads.values("category__translation_key").annotate(n=Count("pk")).values("n")
        )
        post_count = (
            Post.objects.visible()
            .filter(thread__category__translation_key=OuterRef("translation_key"))
            .filter(thread__status=Thread.Status.VISIBLE)
            .values("thread__category__translation_key")
            .annotate(n=Count("pk"))
            .values("n")
        )
        latest = (
            threads.values("category__translation_key")
            .annotate(latest=Max("last_activity_at"))
            .values("latest")
        )
        return (
            self.in_language(locale)
            .annotate(
                thread_count=Coalesce(Subquery(thread_count), 0),
                post_count=Coalesce(Subquery(post_count), 0),
                latest_activity=Subquery(latest),
            )
            .order_by("order", "name")
        )

    def for_district(self, district):
        return self.filter(district__translation_key=district.translation_key)


class Category(TranslatableMixin, models.Model):
    """A part of the forum: one per district and a few topics. Translated like a snippet; the
    threads are shared by all languages and belong to the category's translation key."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = models.TextField(_("description"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    district = models.ForeignKey(
        "home.DistrictPage",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The district page that shows this category's active threads."),
    )

    objects = CategoryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("order"),
        FieldPanel("district"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="category_slug_per_language")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from forums.models.pages import RESERVED_SLUGS

        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("The forum uses this address itself; choose another.")}
            )

    def in_language(self, locale: Locale) -> "Category":
        return (
            Category.objects.filter(translation_key=self.translation_key, locale=locale).first()
            or self
        )
