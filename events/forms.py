from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from events.models import EventPage, Question
from events.models.pages import INTERPRETATION_LANGUAGES
from events.models.registrations import MAX_COMPANIONS
from home.forms import honeypot_field

COMPANION_CHOICES = [(0, _("No, only me"))] + [
    (n, ngettext_lazy("%(count)d more person", "%(count)d more people", n) % {"count": n})
    for n in range(1, MAX_COMPANIONS + 1)
]


class RegistrationForm(forms.Form):
    """What an account holder gives: only the optional needs."""

    companions = forms.TypedChoiceField(
        label=_("Is anyone coming with you?"),
        choices=COMPANION_CHOICES,
        coerce=int,
        initial=0,
        help_text=_("Children and adults count alike; each takes a place."),
    )
    interpretation_language = forms.ChoiceField(
        label=_("Do you need an interpreter?"), required=False
    )
    accessibility_needs = forms.CharField(
        label=_("Anything else we should know to make the meeting work for you?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a wheelchair space, a hearing loop or a quiet seat."),
    )

    def __init__(self, *args, page: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        offered = dict(INTERPRETATION_LANGUAGES)
        choices = [
            (code, offered[code]) for code in page.interpretation_languages if code in offered
        ]
        if choices:
            self.fields["interpretation_language"].choices = [
                ("", _("No, thank you")),
                *choices,
            ]
        else:
            del self.fields["interpretation_language"]


class GuestRegistrationForm(RegistrationForm):
    """What a guest without an account gives; the place is taken when they confirm by email."""

    name = forms.CharField(
        label=_("Your name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("We send a link there that you press to confirm your place."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my name, email and needs are kept for the meeting."),
        error_messages={"required": _("Please accept how we keep your details.")},
    )
    website = honeypot_field()

    field_order = [
        "name",
        "email",
        "companions",
        "interpretation_language",
        "accessibility_needs",
        "consent",
        "website",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = _(
            "Only the organisers see them. They are deleted %(days)s days after the meeting."
        ) % {"days": settings.TORGET_REGISTRATION_RETENTION_DAYS}

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text"]
        labels = {"text": _("Your question")}
        help_texts = {
            "text": _("Others can support your question; the most supported are answered first.")
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 600})}


class MeetingFilterForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        required=False,
        choices=[("", _("All kinds")), *EventPage.Kind.choices],
    )

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("All districts"))] + [
            (district.slug, district.title) for district in districts
        ]


class StaffRegistrationForm(RegistrationForm):
    """An organiser adds someone who called or came to the desk; email is optional."""

    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("Email"), required=False, help_text=_("With an email they get a confirmation.")
    )

    field_order = ["name", "email", "companions", "interpretation_language", "accessibility_needs"]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
