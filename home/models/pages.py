from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock, StandardStreamBlock
from home.cache import deferred, public, restricted_paths, site_root_paths, structure_part

INTRO_FEATURES = ["bold", "italic", "link"]


def tel_uri(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


class ServedPageMixin:
    """For every page type: Wagtail's view-restriction check without its two queries per page
    when no restriction covers the page (the restricted sections are cached), and `page.url`
    without a cache lookup in the database for every link on a page."""

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        holder = cache_object or kwargs.get("request") or self
        if not hasattr(holder, "_wagtail_cached_site_root_paths"):
            holder._wagtail_cached_site_root_paths = site_root_paths()
        return holder._wagtail_cached_site_root_paths

    def get_view_restrictions(self):
        paths = restricted_paths()
        # An alias follows its source's restrictions (Wagtail resolves them), but where no page
        # is restricted at all, nothing is.
        if paths and (self.alias_of_id or any(self.path.startswith(path) for path in paths)):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class ContentPage(ServedPageMixin, Page):
    """Fields and search settings shared by every content page type."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


class HomePage(ContentPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.DistrictIndexPage",
        "events.EventIndexPage",
        "forums.ForumPage",
        "updates.UpdateIndexPage",
        "home.StandardPage",
        "home.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Finds the deepest page on the path in one query, where Wagtail asks once per level,
        and keeps it with the content version, so that a page read often is found without one.

        What is left of the path after that page is routed by the page itself (the forum's
        own addresses), or ends in a 404 as Wagtail's own routing would.
        """
        if not path_components:
            return super().route(request, path_components)
        found = structure_part(
            "route", lambda: self._deepest_page(path_components), self.pk, *path_components
        )
        if not found:
            raise Http404
        deepest, depth = found
        return deepest.route(request, path_components[depth:])

    def _deepest_page(self, path_components):
        prefixes = {
            self.url_path + "/".join(path_components[:depth]) + "/": depth
            for depth in range(1, len(path_components) + 1)
        }
        deepest = (
            Page.objects.descendant_of(self)
            .filter(url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        # False, not None, for "no such page": the cache keeps it too.
        return (deepest.specific, prefixes[deepest.url_path]) if deepest else False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            deferred(
                lambda: {"districts": DistrictPage.objects.listed(self.locale_id)}, "districts"
            )
        )
        return context


class DistrictIndexPage(ContentPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.DistrictPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("district index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            deferred(
                lambda: {"districts": DistrictPage.objects.listed(self.locale_id).child_of(self)},
                "districts",
            )
        )
        return context


class DistrictPageQuerySet(PageQuerySet):
    def listed(self, locale: Locale):
        """The districts a visitor sees in one language, alphabetically."""
        return public(self.live().filter(locale=locale)).order_by("title")


class DistrictPage(ContentPage):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("alternative text for the hero image"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    hero_image_decorative = models.BooleanField(
        _("the hero image is only decoration"),
        default=False,
        help_text=_("Then it needs no alternative text: screen readers pass it by."),
    )

    api_fields = [APIField("intro")]

    objects = PageManager.from_queryset(DistrictPageQuerySet)()

    parent_page_types = ["home.DistrictIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        InlinePanel("contacts", heading=_("Contact people"), label=_("Contact person")),
    ]

    class Meta:
        verbose_name = _("district page")

    def clean(self):
        super().clean()
        if (
            self.hero_image_id
            and not self.hero_image_decorative
            and not self.hero_image_alt.strip()
        ):
            raise ValidationError(
                {
                    "hero_image_alt": _(
                        "Describe the image for people who cannot see it, or mark it as only "
                        "decoration."
                    )
                }
            )


class DistrictContact(Orderable):
    page = ParentalKey(DistrictPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        return tel_uri(self.phone)


class StandardPage(ContentPage):
    """About, privacy policy, accessibility statement, community guidelines and the like."""

    body = StreamField(StandardStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.AccessibilityStatementPage"]

    class Meta:
        verbose_name = _("standard page")


class AccessibilityStatementPage(ContentPage):
    """The accessibility statement, in the structure required of Swedish public bodies (the
    law on accessibility of digital public services, DIGG's model statement): how compliant
    the site is, what does not work, how to get content another way and report a problem, the
    supervisory authority, and how the site was tested. Editors keep the known problems
    current; the required wording is in the template, in every language."""

    class Conformance(models.TextChoices):
        FULL = "full", _("Fully compliant")
        PARTIAL = "partial", _("Partially compliant")
        NONE = "none", _("Not compliant")

    conformance = models.CharField(
        _("compliance with WCAG 2.1 level AA"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    contact_email = models.EmailField(
        _("email for accessibility problems"),
        help_text=_("Where people ask for content in another form and report problems."),
    )
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("we answer within (working days)"), default=5
    )
    assessed_on = models.DateField(
        _("last assessed on"),
        help_text=_("Review the statement, and the site, at least once a year."),
    )
    assessment = RichTextField(
        _("how the site was tested"), blank=True, features=INTRO_FEATURES + ["ul"]
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("conformance"),
        InlinePanel(
            "known_problems",
            label=_("Known problems"),
            help_text=_("Remove a problem when it is fixed; add new ones as soon as you know."),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("response_days")],
            heading=_("Reporting a problem"),
        ),
        FieldPanel("assessed_on"),
        FieldPanel("assessment"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")

    @property
    def phone_uri(self):
        return tel_uri(self.contact_phone)


class KnownProblem(Orderable):
    page = ParentalKey(
        AccessibilityStatementPage, on_delete=models.CASCADE, related_name="known_problems"
    )
    description = models.TextField(_("what does not work"))
    criterion = models.CharField(
        _("WCAG success criterion"),
        max_length=80,
        blank=True,
        help_text=_("For example “1.4.3 Contrast (minimum)”."),
    )
    fix_by = models.DateField(_("planned fix"), null=True, blank=True)

    panels = [FieldPanel("description"), FieldPanel("criterion"), FieldPanel("fix_by")]

    class Meta(Orderable.Meta):
        verbose_name = _("known problem")
