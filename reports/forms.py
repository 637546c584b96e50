from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import ModelChoiceField, honeypot_field
from home.models import DistrictPage
from reports.models import Observation


class ObservationForm(forms.Form):
    district = ModelChoiceField(
        label=_("District"), queryset=DistrictPage.objects.none(), empty_label=_("Choose")
    )
    place = forms.CharField(
        label=_("Where?"),
        max_length=200,
        help_text=_("A street, a square, a bus stop or a building; as exactly as you can."),
    )
    happened_at = forms.DateTimeField(
        label=_("When?"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    kind = forms.ChoiceField(
        label=_("What kind of thing?"), choices=Observation.Kind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What happened?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe what you saw or heard. Do not name people who are not involved."),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Your email"), required=False)
    contact_phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False)
    consent = forms.BooleanField(
        label=_("I have read how the report is handled."),
        error_messages={"required": _("Please confirm that you have read how it is handled.")},
    )
    website = honeypot_field()

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.listed(locale)
        self.fields["happened_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        self.fields["consent"].help_text = _(
            "Only the municipality's safety coordinators read it. Your contact details are "
            "deleted after %(contact)s days and the report after %(days)s days."
        ) % {
            "contact": settings.TORGET_OBSERVATION_CONTACT_DAYS,
            "days": settings.TORGET_OBSERVATION_RETENTION_DAYS,
        }

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_happened_at(self):
        happened_at = self.cleaned_data["happened_at"]
        if happened_at > timezone.now() + timedelta(minutes=10):
            raise forms.ValidationError(_("The time cannot be in the future."))
        return happened_at


class ReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Observation.Status.choices)
    note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FilterForm(forms.Form):
    district = ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=DistrictPage.objects.none(),
        empty_label=_("All"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Observation.Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Observation.Status.choices]
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.listed(locale)
