from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import ModelChoiceField
from home.models import DistrictPage
from polls.models import Poll, PollOption


class VoteForm(forms.Form):
    option = ModelChoiceField(
        label=_("Your answer"),
        queryset=PollOption.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose an answer.")},
    )
    district = ModelChoiceField(
        label=_("Where do you live? (optional)"),
        queryset=DistrictPage.objects.none(),
        required=False,
        empty_label=_("I would rather not say"),
    )

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices from the poll's answers and districts as they are (a page shows polls
        # kept with their answers and districts): no query to draw the form.
        options = list(poll.options.all())
        self.fields["option"].queryset = poll.options.all()
        self.fields["option"].choices = [(option.pk, option.text) for option in options]
        self.fields["option"].widget.attrs["id"] = f"poll-{poll.pk}-option"
        districts = list(poll.districts.all())
        if districts:
            field = self.fields["district"]
            field.queryset = poll.districts.all()
            field.choices = [("", field.empty_label)] + [(d.pk, d.title) for d in districts]
            field.widget.attrs["id"] = f"poll-{poll.pk}-district"
        else:
            del self.fields["district"]
