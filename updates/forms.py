from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from home.forms import ModelChoiceField, ModelMultipleChoiceField, honeypot_field
from home.models import DistrictPage
from updates.models import MeasureCategory, UpdatePage


class DistrictCategoryFilter(forms.Form):
    """A list's district and measure-category filters, by slug, in the reader's language; the
    safety work and the proposals lists share them."""

    district = ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=DistrictPage.objects.none(),
        empty_label=_("All districts"),
        to_field_name="slug",
    )
    category = ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=MeasureCategory.objects.none(),
        empty_label=_("All categories"),
        to_field_name="slug",
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.listed(locale)
        self.fields["category"].queryset = MeasureCategory.objects.in_language(locale)

    @classmethod
    def checked(cls, query, *, locale) -> dict:
        """The filters in a URL's query, each field present (None or "" when not given); an
        unknown value is a 404, not a silent "all"."""
        form = cls(query or None, locale=locale)
        if form.is_bound and not form.is_valid():
            raise Http404
        data = form.cleaned_data if form.is_bound else {}
        return {
            name: data.get(name, None if isinstance(field, forms.ModelChoiceField) else "")
            for name, field in form.fields.items()
        }


class FilterForm(DistrictCategoryFilter):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *UpdatePage.Status.choices]
    )
    tag = forms.SlugField(label=_("Tag"), required=False, widget=forms.HiddenInput)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))
    districts = ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=DistrictPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one district.")},
    )
    website = honeypot_field()

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = DistrictPage.objects.listed(locale)
