"""What measures are sorted by and who carries them out: snippets editors keep."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

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
