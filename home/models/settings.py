from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _page_link(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who runs this site, where its fixed pages are and the rules staff set; content, never
    code."""

    organisation_name = models.CharField(
        _("organisation"), max_length=120, blank=True, help_text=_("For example the municipality.")
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    privacy_page = _page_link(_("privacy policy"))
    accessibility_page = _page_link(_("accessibility statement"))
    guidelines_page = _page_link(_("community guidelines"))
    proposal_support_threshold = models.PositiveIntegerField(
        _("supporters for a formal answer"),
        default=50,
        help_text=_("A proposal with this many supporters gets a formal answer by a set date."),
    )
    proposal_answer_days = models.PositiveIntegerField(
        _("days to answer"),
        default=90,
        help_text=_("Counted from the day a proposal reaches the number of supporters above."),
    )

    class ThresholdCounts(models.TextChoices):
        AUTOMATIC = "auto", _("Verified supporters once e-identification is set up, else everyone")
        VERIFIED = "verified", _("Verified supporters only")
        EVERYONE = "everyone", _("Every supporter")

    proposal_threshold_counts = models.CharField(
        _("who counts toward the answer"),
        max_length=10,
        choices=ThresholdCounts.choices,
        default=ThresholdCounts.AUTOMATIC,
        help_text=_(
            "Verified supporters are people verified with e-identification or in person at a "
            "meeting: one person, one voice. Proposals then show how many of their supporters are "
            "verified."
        ),
    )

    review_updates = models.BooleanField(
        _("updates on the safety work need a second editor's approval"),
        default=False,
        help_text=_(
            "Editors then submit updates for review (Granskning) before they are published, as "
            "meeting organisers always do."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("guidelines_page"),
        MultiFieldPanel(
            [
                FieldPanel("proposal_support_threshold"),
                FieldPanel("proposal_threshold_counts"),
                FieldPanel("proposal_answer_days"),
            ],
            heading=_("Proposals"),
        ),
        FieldPanel("review_updates"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request_readonly(cls, request):
        """Like `for_request`, but never writes: an anonymous visit must not touch the database."""
        cached = getattr(request, "_torget_site_settings", None)
        if cached is None:
            from wagtail.models import Site

            site = Site.find_for_request(request)
            cached = cls.objects.filter(site=site).first() or cls(site=site)
            request._torget_site_settings = cached
        return cached
