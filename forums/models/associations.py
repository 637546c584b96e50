from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index


class AssociationQuerySet(models.QuerySet):
    def postable_by(self, user):
        """The verified associations `user` belongs to, and so may write in the name of."""
        return self.filter(memberships__user=user, verified=True)


class Association(index.Indexed, ClusterableModel):
    """A förening whose members may post in its name once staff have verified it."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    website = models.URLField(_("website"), blank=True)
    district = models.ForeignKey(
        "home.DistrictPage",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(_("alternative text for the logo"), max_length=200, blank=True)
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("Only verified associations show the badge. Check who they are first."),
    )
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = AssociationQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.SearchField("description")]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("district"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("verified"),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt.strip():
            raise ValidationError(
                {"logo_alt": _("Describe the logo for people who cannot see it.")}
            )


class AssociationMembership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    association = ParentalKey(Association, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(default=timezone.now)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["association", "user"], name="one_membership_each")
        ]

    def __str__(self):
        return f"{self.user} – {self.association}"
