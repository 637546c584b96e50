from django import template

from home.cache import active_locale, section_page
from surveys.models import Survey, SurveyPage
from surveys.selectors import district_headlines, figures

register = template.Library()


@register.simple_tag
def surveys_listed() -> list:
    """The surveys behind the figures, newest first, in the reader's language."""
    return list(Survey.objects.in_language(active_locale()).order_by("-year"))


@register.inclusion_tag("surveys/includes/district_headlines.html")
def district_survey(district):
    """A district's headline figures with the change since the measurement before, linking to
    the survey page with the district chosen."""
    page = section_page(SurveyPage)
    if page is None:
        return {"headlines": []}
    return {
        "headlines": district_headlines(district, active_locale()),
        "page": page,
        "district": district,
    }


@register.inclusion_tag("surveys/includes/measure_figures.html")
def measure_survey(update):
    """The figures of the survey question a measure addresses, for the measure's districts."""
    question = update.survey_question
    districts = list(update.districts.all())
    if question is None or not districts:
        return {"figures": []}
    localized = [district.localized for district in districts]
    return {
        "figures": figures(active_locale(), localized, question=question),
        "page": section_page(SurveyPage),
    }
