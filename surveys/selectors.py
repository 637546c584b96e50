"""What the survey page, the district pages and the measures show: the figures arranged per
question and district, in the reader's language, in three queries."""

from dataclasses import dataclass

from home.models import DistrictPage
from surveys.charts import change_sentence, line_chart, sparkline
from surveys.models import SurveyQuestion, SurveyResult


@dataclass
class Row:
    district: DistrictPage
    cells: list  # a SurveyResult or None for each year of the question


@dataclass
class QuestionFigures:
    question: SurveyQuestion
    years: list[int]
    rows: list[Row]
    chart: dict


def figures(locale, districts=None, question=None) -> list[QuestionFigures]:
    """Each question with figures (or just `question`), in the editors' order: its chart and
    table for `districts` (every district when None)."""
    questions = SurveyQuestion.objects.in_language(locale)
    if question is not None:
        questions = questions.filter(translation_key=question.translation_key)
    questions = list(questions)
    shown = list(districts if districts is not None else DistrictPage.objects.listed(locale))
    results = _results(questions, shown)
    found = []
    for question in questions:
        by_district = results.get(question.translation_key, {})
        years = sorted({r.year for rs in by_district.values() for r in rs})
        if not years:
            continue
        rows, series = [], []
        for district in shown:
            mine = {r.year: r for r in by_district.get(district.translation_key, [])}
            if not mine:
                continue
            rows.append(Row(district=district, cells=[mine.get(year) for year in years]))
            series.append((district, [(r.year, r.share) for r in sorted(mine.values(), key=_year)]))
        found.append(
            QuestionFigures(
                question=question, years=years, rows=rows, chart=line_chart(question, series)
            )
        )
    return found


def district_headlines(district, locale) -> list[dict]:
    """A district's latest figure for each question, with the change since the measurement
    before and a sparkline."""
    questions = list(SurveyQuestion.objects.in_language(locale))
    results = _results(questions, [district])
    headlines = []
    for question in questions:
        mine = sorted(
            results.get(question.translation_key, {}).get(district.translation_key, []), key=_year
        )
        if not mine:
            continue
        points = [(r.year, r.share) for r in mine]
        headlines.append(
            {
                "question": question,
                "sentence": change_sentence(question.finding, points),
                "sparkline": sparkline(points),
            }
        )
    return headlines


def _results(questions, districts) -> dict:
    """{question translation key: {district translation key: [results]}}"""
    found = {}
    for result in SurveyResult.objects.for_chart(questions, districts).select_related(
        "question", "district"
    ):
        found.setdefault(result.question.translation_key, {}).setdefault(
            result.district.translation_key, []
        ).append(result)
    return found


def _year(result) -> int:
    return result.year
