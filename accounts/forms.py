from django import forms

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "reply_emails", "proposal_emails"]
        widgets = {"reply_emails": forms.RadioSelect}
