from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import honeypot_field
from home.models import DistrictPage
from updates.models import MeasureCategory, UpdatePage


class DistrictCategoryFilter(forms.Form):
    """A list's district and measure-category filters, by slug, in the reader's language; the
    safety work and the proposals lists share them."""

    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=DistrictPage.objects.none(),
        empty_label=_("All districts"),
        to_field_name="slug",
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=MeasureCategory.objects.none(),
        empty_label=_("All categories"),
        to_field_name="slug",
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.listed(locale)
        self.fields["category"].queryset = MeasureCategory.objects.filter(locale=locale)


class FilterForm(DistrictCategoryFilter):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *UpdatePage.Status.choices]
    )
    tag = forms.SlugField(label=_("Tag"), required=False, widget=forms.HiddenInput)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=DistrictPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one district.")},
    )
    website = honeypot_field()

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = DistrictPage.objects.listed(locale)
