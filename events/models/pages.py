from functools import cached_property
from urllib.parse import quote_plus

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.languages import language_name
from home.models.pages import ServedPageMixin

from .querysets import EventPageQuerySet
from .state import MeetingState

# The site's own languages (the same codes and names, in the reader's language), then others
# residents often ask interpretation into.
INTERPRETATION_LANGUAGES = [
    (code, lazy(language_name, str)(code))
    for code in [
        *(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE),
        "syc",
        "fa",
        "ti",
        "swl",
    ]
]

# Shared by every language version of a meeting: set on the page in the default language and
# copied to its translations when either is published (wagtail-localize's synchronised fields,
# home.translations.translations_synchronise, called by events.services.meeting_published).
SHARED_FIELDS = [
    "kind",
    "status",
    "start",
    "end",
    "venue_name",
    "street_address",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "online_url",
    "interpretation_languages",
    "step_free_access",
    "hearing_loop",
    "accessible_toilet",
    "seating",
    "childcare",
    "organiser_email",
    "organiser_phone",
    "districts",
]
SHARED_HELP = _("Shared by all languages: the page in the default language decides.")


class LanguageListField(models.JSONField):
    """A list of interpretation language codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=INTERPRETATION_LANGUAGES,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class EventPage(MeetingState, RoutablePageMixin, ServedPageMixin, Page):
    # Loaded only where the page itself is shown (see Meeting.page_in).
    LONG_TEXTS = ("description", "agenda", "minutes", "accessibility_notes")

    class Kind(models.TextChoices):
        ASSEMBLY = "assembly", _("Assembly (storsamling)")
        DIALOGUE = "dialogue", _("Dialogue meeting")
        SAFETY_WALK = "safety_walk", _("Safety walk")
        WORKSHOP = "workshop", _("Workshop")
        ONLINE = "online", _("Online meeting")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ASSEMBLY)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    districts = ParentalManyToManyField(
        "home.DistrictPage", verbose_name=_("districts"), blank=True, related_name="+"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=120, blank=True)
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("For example: Fittja torg 9, 145 50 Norsborg"),
    )
    intro = models.TextField(
        _("summary"), max_length=400, blank=True, help_text=_("One or two sentences for lists.")
    )
    description = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    agenda = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("agenda"))
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    seating = models.BooleanField(_("seating for everyone"), default=False)
    childcare = models.BooleanField(_("childcare during the meeting"), default=False)
    accessibility_notes = models.TextField(_("more about accessibility"), blank=True)
    interpretation_languages = LanguageListField(
        _("interpretation offered"), default=list, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. Raising it moves people up from the waiting list."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: when published.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    online_url = models.URLField(
        _("link to the online meeting"),
        blank=True,
        help_text=_("Shown only to confirmed participants."),
    )
    organiser_name = models.CharField(_("organiser"), max_length=120, blank=True)
    organiser_email = models.EmailField(_("organiser's email"), blank=True)
    organiser_phone = models.CharField(_("organiser's phone"), max_length=40, blank=True)
    minutes = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("minutes and outcomes"))

    objects = PageManager.from_queryset(EventPageQuerySet)()

    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in SHARED_FIELDS
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue_name"),
                FieldPanel("street_address"),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When and where"),
            help_text=SHARED_HELP,
        ),
        FieldPanel("description"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("organiser_name"),
                FieldRowPanel([FieldPanel("organiser_email"), FieldPanel("organiser_phone")]),
            ],
            heading=_("Organiser"),
        ),
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("online_url"),
            ],
            heading=_("Registration"),
            help_text=SHARED_HELP,
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessible_toilet"),
                FieldPanel("seating"),
                FieldPanel("childcare"),
                FieldPanel("interpretation_languages"),
            ],
            heading=_("Accessibility and interpretation"),
            help_text=SHARED_HELP,
        ),
        FieldPanel("accessibility_notes"),
    ]
    after_panels = [
        FieldPanel("minutes"),
        InlinePanel("follow_ups", heading=_("Measures that followed"), label=_("Update")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(registration_panels, heading=_("Registration and access")),
            ObjectList(after_panels, heading=_("After the meeting")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    # Wagtail's API (opendata): what the page shows, never the organiser's contact details.
    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("start"),
        APIField("end"),
        APIField("venue_name"),
        APIField("street_address"),
        APIField("online_url"),
        APIField("capacity"),
        APIField("places_left", serializer=serializers.ReadOnlyField(source="places_left_now")),
        APIField("registration_url", serializer=serializers.ReadOnlyField()),
        APIField(
            "districts",
            serializer=serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True),
        ),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The meeting must end after it starts.")
        if self.kind == self.Kind.ONLINE and not self.online_url:
            errors["online_url"] = _("An online meeting needs a link.")
        if self.kind != self.Kind.ONLINE and not self.venue_name:
            errors["venue_name"] = _("Say where the meeting is held.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.capacity == 0:
            errors["capacity"] = _("Leave empty for no limit, or give at least one place.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from events.models import Meeting

        result = super().save(*args, **kwargs)
        Meeting.objects.get_or_create(translation_key=self.translation_key)
        return result

    @cached_property
    def meeting(self):
        from events.models import Meeting

        return Meeting.objects.get_or_create(translation_key=self.translation_key)[0]

    @property
    def map_url(self):
        if not self.street_address:
            return ""
        return "https://www.openstreetmap.org/search?query=" + quote_plus(self.street_address)

    def interpretation_language_names(self):
        names = dict(INTERPRETATION_LANGUAGES)
        return [names[code] for code in self.interpretation_languages if code in names]

    def accessibility_facts(self):
        """(label, offered) for each structured fact, in a fixed order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in ("step_free_access", "hearing_loop", "accessible_toilet", "seating")
        ]

    def get_context(self, request, *args, **kwargs):
        from events.views import meeting_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(meeting_page_context(self, request))
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("anmalan/", name="register")
    def register(self, request):
        from events.views import registration_submit

        return registration_submit(self, request)

    @path("anmalan/skicka-igen/", name="resend")
    def resend(self, request):
        from events.views import registration_resend

        return registration_resend(self, request)

    @path("fragor/", name="ask")
    def ask(self, request):
        from events.views import question_submit

        return question_submit(self, request)

    @path("fragor/<int:question_id>/stod/", name="support")
    def support(self, request, question_id):
        from events.views import question_support

        return question_support(self, request, question_id)


class EventFollowUp(Orderable):
    """A link from a meeting to a page about what was done afterwards."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="follow_ups")
    target = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("measure that followed")
        verbose_name_plural = _("measures that followed")
