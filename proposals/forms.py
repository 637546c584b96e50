from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField

from forums.forms import TEXT_HELP
from home.forms import ModelChoiceField, honeypot_field
from home.models import DistrictPage
from proposals.models import Proposal
from updates.forms import DistrictCategoryFilter
from updates.models import MeasureCategory


class FilterForm(DistrictCategoryFilter):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Proposal.Status.choices]
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Most support first")), ("newest", _("Newest first"))],
    )

    field_order = ["district", "status", "category", "sort"]


class ProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Your proposal in one sentence"),
        max_length=140,
        help_text=_("For example: “Light the footpath between the school and the square.”"),
    )
    district = ModelChoiceField(
        label=_("District"), queryset=DistrictPage.objects.none(), empty_label=_("Choose")
    )
    text = forms.CharField(
        label=_("What and why"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=TEXT_HELP,
    )
    place = forms.CharField(
        label=_("Where (optional)"),
        max_length=200,
        required=False,
        help_text=_("A street, a square, a building: wherever it is about."),
    )
    category = ModelChoiceField(
        label=_("Category (optional)"),
        queryset=MeasureCategory.objects.none(),
        required=False,
        empty_label=_("No category"),
    )
    image = WagtailImageField(label=_("Image (optional)"), required=False)
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see the image. Needed with an image."),
    )
    website = honeypot_field()

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.listed(locale)
        self.fields["category"].queryset = MeasureCategory.objects.in_language(locale)

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return data
