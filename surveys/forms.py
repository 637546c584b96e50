"""The survey import: a CSV or Excel file read by tablib, each row checked by a Django form, so
every error is one of Django's plain, translated messages or ours."""

import tablib
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from home.models import DistrictPage
from surveys.models import SurveyQuestion

MAX_FILE_BYTES = 2 * 1024 * 1024
# The file's column names, in English as in the README or in Swedish; case and spaces ignored.
COLUMNS = {
    "year": "year",
    "år": "year",
    "district": "district",
    "stadsdel": "district",
    "question": "question",
    "questionkey": "question",
    "fråga": "question",
    "share": "share",
    "andel": "share",
    "respondents": "respondents",
    "svarande": "respondents",
    "margin": "margin",
    "felmarginal": "margin",
}
REQUIRED = ("year", "district", "question", "share", "respondents")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File with the results"),
        help_text=_(
            "CSV (comma or semicolon) or Excel (.xlsx) with the columns year, district, question, "
            "share and respondents; margin may follow."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        name = upload.name.lower()
        content = upload.read()
        try:
            if name.endswith(".xlsx"):
                data = tablib.Dataset().load(content, format="xlsx")
            elif name.endswith((".csv", ".txt")):
                text = content.decode("utf-8-sig")
                first = text.splitlines()[0] if text else ""
                delimiter = ";" if first.count(";") > first.count(",") else ","
                data = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
            else:
                raise forms.ValidationError(_("Choose a .csv or an .xlsx file."))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Save the CSV file as UTF-8 and try again.")) from None
        except forms.ValidationError:
            raise
        except Exception:  # a damaged or mislabelled file: tablib and openpyxl raise many kinds
            raise forms.ValidationError(_("The file could not be read as CSV or Excel.")) from None
        headers = [_column(header) for header in data.headers or []]
        missing = [column for column in REQUIRED if column not in headers]
        if missing:
            raise forms.ValidationError(
                _("The file lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        return [
            {column: _cell(value) for column, value in zip(headers, row, strict=False) if column}
            for row in data
            if any(_cell(value) for value in row)
        ]


class ResultRowForm(forms.Form):
    """One row of the file."""

    year = forms.IntegerField(min_value=1990, max_value=2100)
    district = forms.CharField()
    question = forms.CharField()
    share = forms.DecimalField(
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    respondents = forms.IntegerField(min_value=1)
    margin = forms.DecimalField(max_digits=3, decimal_places=1, min_value=0, required=False)

    def __init__(self, *args, districts: dict, questions: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts, self.questions = districts, questions

    def clean_district(self):
        name = self.cleaned_data["district"]
        district = self.districts.get(name.strip().lower())
        if district is None:
            raise forms.ValidationError(
                _("Unknown district “%(name)s”.") % {"name": name}, code="unknown"
            )
        return district

    def clean_question(self):
        key = self.cleaned_data["question"]
        question = self.questions.get(key.strip().lower())
        if question is None:
            message = _("Unknown question “%(key)s”: add it under Survey questions first.")
            raise forms.ValidationError(message % {"key": key}, code="unknown")
        return question


def row_lookups() -> tuple[dict, dict]:
    """Districts by slug and by name, questions by key: the default language's."""
    from wagtail.models import Locale

    default = Locale.get_default()
    districts = {}
    for district in DistrictPage.objects.filter(locale=default):
        districts[district.slug.lower()] = district
        districts[district.title.lower()] = district
    questions = {q.key.lower(): q for q in SurveyQuestion.objects.filter(locale=default)}
    return districts, questions


def _column(header) -> str:
    name = str(header or "").strip().lower().replace(" ", "").replace("_", "")
    return COLUMNS.get(name, "")


def _cell(value) -> str:
    """A cell as text; a decimal comma (Swedish Excel) as a point."""
    if value is None:
        return ""
    text = str(value).strip()
    number = text.replace(",", "", 1).replace("-", "", 1)
    return text.replace(",", ".") if number.isdigit() else text
