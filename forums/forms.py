from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from forums.models import Association, AssociationMembership
from home.forms import honeypot_field

TEXT_HELP = _(
    "You can use Markdown: *italics*, **bold**, lists with -, > quotes and links. "
    "No images. Write about issues, not about people."
)


class PostingForm(forms.Form):
    """A text, written as oneself or as a verified association one belongs to."""

    text = forms.CharField(
        label=_("Your text"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=TEXT_HELP,
    )
    write_as = forms.ChoiceField(label=_("Write as"), required=False)
    website = honeypot_field()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.associations = {str(a.pk): a for a in Association.objects.postable_by(user)}
        if self.associations:
            self.fields["write_as"].widget = forms.RadioSelect()
            self.fields["write_as"].choices = [
                ("", _("Myself (%(name)s)") % {"name": user.public_name}),
                *[(pk, a.name) for pk, a in self.associations.items()],
            ]
        else:
            del self.fields["write_as"]

    @property
    def claims_foreign_association(self) -> bool:
        """Asked to write as an association the person does not belong to: refused, not
        corrected, because the page never offers it."""
        chosen = self.data.get("write_as", "")
        return bool(chosen) and chosen not in self.associations

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    @property
    def association(self) -> Association | None:
        return self.associations.get(self.cleaned_data.get("write_as") or "")


class ThreadForm(PostingForm):
    title = forms.CharField(label=_("Title"), max_length=140)
    tags = TagField(
        label=_("Tags"),
        required=False,
        help_text=_("Words that help others find the thread, separated by commas."),
    )

    field_order = ["title", "text", "tags", "write_as", "website"]


class ReplyForm(PostingForm):
    pass


class EditForm(forms.Form):
    text = forms.CharField(
        label=_("Your text"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=TEXT_HELP,
    )


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("Their email"))
    role = forms.ChoiceField(
        label=_("Role"), choices=AssociationMembership.Role.choices, initial="member"
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the forum"), max_length=200, required=False)
