import hashlib
from datetime import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Locale, TranslatableMixin


class DisruptionNoticeQuerySet(models.QuerySet):
    def active(self, at: datetime | None = None):
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at)

    def not_ended(self, at: datetime | None = None):
        return self.filter(ends_at__gt=at or timezone.now()).select_related("locale")


def notice_to_show(notices, locale: Locale, at: datetime):
    """Of `notices`, the one to show at `at` in this language, or in the default language."""
    shown = sorted(
        (notice for notice in notices if notice.starts_at <= at < notice.ends_at),
        key=lambda notice: notice.starts_at,
        reverse=True,
    )
    for wanted in (locale.language_code, settings.LANGUAGE_CODE):
        for notice in shown:
            if notice.locale.language_code == wanted:
                return notice
    return shown[0] if shown else None


def next_notice_change(notices, at: datetime) -> datetime | None:
    """When the set of visible notices next changes: a start or an end after `at`."""
    moments = [moment for notice in notices for moment in (notice.starts_at, notice.ends_at)]
    return min((moment for moment in moments if moment > at), default=None)


class DisruptionNotice(TranslatableMixin, models.Model):
    """A site-wide message, such as a fire ban, shown on every page between start and end."""

    message = models.TextField(_("message"), max_length=400)
    link_url = models.URLField(_("link"), blank=True)
    link_text = models.CharField(_("link text"), max_length=80, blank=True)
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(_("shown until"))
    districts = models.ManyToManyField(
        "home.DistrictPage",
        verbose_name=_("districts"),
        blank=True,
        related_name="+",
        help_text=_(
            "Where it applies. Empty: the whole municipality. Sent as an email, it reaches those "
            "who follow these districts' safety work."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = DisruptionNoticeQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("disruption notice")
        verbose_name_plural = _("disruption notices")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message[:60]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        if self.link_url and not self.link_text:
            raise ValidationError({"link_text": _("Say where the link leads.")})

    @property
    def version_key(self):
        """Changes whenever the notice's content changes, so a visitor who hid it sees it again."""
        content = "|".join(
            str(part)
            for part in (
                self.translation_key,
                self.locale_id,
                self.message,
                self.link_url,
                self.link_text,
                self.starts_at.isoformat(),
                self.ends_at.isoformat(),
            )
        )
        return hashlib.sha256(content.encode()).hexdigest()[:20]
