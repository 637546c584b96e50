from django import forms
from django.utils.translation import gettext_lazy as _

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


class AccountDeleteForm(forms.Form):
    """What happens to the person's posts, and a last confirmation."""

    KEEP, REMOVE = "keep", "remove"
    posts = forms.ChoiceField(
        label=_("What should happen to your posts and questions?"),
        choices=[
            (KEEP, _("Keep them, signed “Former member”, so that conversations stay readable")),
            (REMOVE, _("Remove them too")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what should happen to your posts.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good and cannot be restored."),
        error_messages={
            "required": _("Tick the box to confirm that you want to delete the account.")
        },
    )

    @property
    def remove_posts(self) -> bool:
        return self.cleaned_data["posts"] == self.REMOVE
