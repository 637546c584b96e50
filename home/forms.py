from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The largest key SQLite's and PostgreSQL's 64-bit integer columns hold.
ROW_ID_MAX = 2**63 - 1


def row_id(value) -> int | None:
    """A row's id as a request gives it outside a form ("12"), or None for anything no table's
    id can be: not ASCII digits ("abc", "-1", and "²" or "١٢", which str.isdigit accepts),
    or more than the database holds (a 20-digit number, which SQLite refuses to compare)."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        number = int(value)
        if 0 < number <= ROW_ID_MAX:
            return number
    return None


def honeypot_field() -> forms.CharField:
    """A field people never see or reach with the keyboard; a bot that fills it is ignored.
    Templates render it with includes/honeypot.html."""
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class ModelChoiceField(forms.ModelChoiceField):
    """Django's, with a number no database integer holds an invalid choice like any other.

    Django bounds a number compared with an integer column, but not one compared with a
    relation, and a page's key is its relation to Wagtail's page: given a 20-digit district,
    SQLite raises OverflowError instead of finding nothing."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, bounded as `ModelChoiceField` is."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": ", ".join(str(choice) for choice in value)},
            ) from None
