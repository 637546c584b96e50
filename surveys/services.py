"""The one way survey results change: a checked file replaces the years it holds."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from surveys.forms import ResultRowForm, row_lookups
from surveys.models import SurveyResult


@dataclass
class CheckedRow:
    number: int  # as a spreadsheet numbers it: the header is row 1
    values: dict
    errors: list[str] = field(default_factory=list)
    result: SurveyResult | None = None


def results_check(*, rows: list[dict]) -> list[CheckedRow]:
    """Every row of a file with what is wrong with it, in plain words, or the result it makes."""
    districts, questions = row_lookups()
    checked, seen = [], {}
    for number, values in enumerate(rows, start=2):
        row = CheckedRow(number=number, values=values)
        form = ResultRowForm(values, districts=districts, questions=questions)
        if not form.is_valid():
            row.errors = [
                f"{name}: {message}"
                for name, messages in form.errors.items()
                for message in messages
            ]
        else:
            data = form.cleaned_data
            key = (data["year"], data["district"].pk, data["question"].pk)
            if key in seen:
                row.errors = [
                    _("The same year, district and question as row %(row)s.") % {"row": seen[key]}
                ]
            else:
                seen[key] = number
                row.result = SurveyResult(**data)
        checked.append(row)
    return checked


def years_replaced(checked: list[CheckedRow]) -> dict[int, int]:
    """The file's years that already have figures, with how many each has."""
    years = {row.result.year for row in checked if row.result}
    found = {}
    for year in SurveyResult.objects.filter(year__in=years).values_list("year", flat=True):
        found[year] = found.get(year, 0) + 1
    return dict(sorted(found.items()))


def results_import(*, checked: list[CheckedRow]) -> int:
    """Save a whole valid file: each year in it replaces that year's figures. Nothing is saved
    when any row has an error."""
    if not checked or any(row.errors for row in checked):
        raise ValueError("only a whole valid file is imported")
    results = [row.result for row in checked]
    with transaction.atomic():
        SurveyResult.objects.filter(year__in={r.year for r in results}).delete()
        SurveyResult.objects.bulk_create(results)
    return len(results)
