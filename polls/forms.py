from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import DistrictPage
from polls.models import Poll, PollOption


class VoteForm(forms.Form):
    option = forms.ModelChoiceField(
        label=_("Your answer"),
        queryset=PollOption.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose an answer.")},
    )
    district = forms.ModelChoiceField(
        label=_("Where do you live? (optional)"),
        queryset=DistrictPage.objects.none(),
        required=False,
        empty_label=_("I would rather not say"),
    )

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = poll.options.all()
        self.fields["option"].widget.attrs["id"] = f"poll-{poll.pk}-option"
        self.fields["district"].queryset = poll.districts.all()
        self.fields["district"].widget.attrs["id"] = f"poll-{poll.pk}-district"
        if not poll.districts.exists():
            del self.fields["district"]
