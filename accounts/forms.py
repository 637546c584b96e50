from django import forms

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]


class EmailsForm(forms.ModelForm):
    """A switch for each kind of email sent to an account."""

    class Meta:
        model = User
        fields = ["reminder_emails", "reply_emails", "proposal_emails"]
        widgets = {"reply_emails": forms.RadioSelect}
