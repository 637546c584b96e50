from django import forms
from django.utils.translation import gettext_lazy as _


def honeypot_field() -> forms.CharField:
    """A field people never see or reach with the keyboard; a bot that fills it is ignored.
    Templates render it with includes/honeypot.html."""
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
