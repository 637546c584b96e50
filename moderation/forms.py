from django import forms
from django.utils.translation import gettext_lazy as _

from moderation.models import Report

HIDE_REASONS = [
    _("Spam or advertising"),
    _("Harassment, threats or hate"),
    _("Personal information about someone"),
    _("Off topic for this thread"),
    _("Breaks the community guidelines"),
]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Tell us more"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you choose “Something else”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == Report.Reason.OTHER and not data.get("text", "").strip():
            self.add_error("text", _("Please say what is wrong."))
        return data


class HideForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", "—")] + [(str(r), r) for r in HIDE_REASONS]
    )
    reason = forms.CharField(label=_("In your own words"), required=False, max_length=400)

    def clean(self):
        data = super().clean()
        reason = " ".join(part for part in (data.get("template"), data.get("reason")) if part)
        if not reason:
            raise forms.ValidationError(_("Give a reason; the author is told it."))
        data["full_reason"] = reason
        return data


class SuspendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Days"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=_("Empty: until further notice."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=400)
