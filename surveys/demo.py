"""Demo survey results: three measurements (2014, 2016, 2018) for the six districts and three
questions. The figures are invented for this demo, and the page says so."""

from decimal import Decimal

from wagtail.models import Locale

from home.demo import english_translate
from home.models import DistrictPage
from surveys.models import Survey, SurveyPage, SurveyQuestion, SurveyResult
from updates.models import UpdateIndexPage, UpdatePage

# key, (question, what a share means) in Swedish and English
QUESTIONS = [
    (
        "otrygg-kvall",
        (
            "Känner du dig otrygg om du går ut ensam sent en kväll i ditt bostadsområde?",
            "Känner sig otrygga ute sent på kvällen",
        ),
        (
            "Do you feel unsafe if you go out alone late in the evening where you live?",
            "Feel unsafe outdoors late in the evening",
        ),
    ),
    (
        "avstar",
        (
            "Har du under det senaste året avstått från någon aktivitet för att du känt dig otrygg?",
            "Har avstått från något för att de känt sig otrygga",
        ),
        (
            "In the past year, have you given up an activity because you felt unsafe?",
            "Gave up something because they felt unsafe",
        ),
    ),
    (
        "utsatt",
        (
            "Har du utsatts för brott i ditt bostadsområde under det senaste året?",
            "Har utsatts för brott i sitt område",
        ),
        (
            "Have you been the victim of a crime where you live in the past year?",
            "Were victims of crime where they live",
        ),
    ),
]
YEARS = [2014, 2016, 2018]
# Invented: where each district starts (per question) and how it moves every second year.
START = {
    "alby": (38, 22, 9),
    "fittja": (34, 20, 10),
    "hallunda-norsborg": (30, 17, 8),
    "tullinge": (14, 7, 4),
    "tumba": (21, 11, 6),
    "grodinge": (9, 4, 3),
}
STEP = {
    "alby": (3.5, 1.2, -0.4),
    "fittja": (4.6, 2.1, 0.8),
    "hallunda-norsborg": (1.8, 0.6, -0.6),
    "tullinge": (-0.7, 0.4, 0.3),
    "tumba": (2.2, -0.8, 0.2),
    "grodinge": (0.9, 0.3, -0.2),
}
PAGE = {
    "sv": (
        "Trygghetsmätning",
        "Hur trygga invånarna känner sig, stadsdel för stadsdel, i de enkäter som görs vartannat år.",
    ),
    "en": (
        "Safety survey",
        "How safe residents feel, district by district, in the surveys made every second year.",
    ),
}


def seed() -> None:
    """Create the demo questions, surveys, results and page once."""
    if SurveyQuestion.objects.exists():
        return
    swedish = Locale.get_default()
    questions = []
    for order, (key, (text_sv, finding_sv), (text_en, finding_en)) in enumerate(QUESTIONS):
        question = SurveyQuestion.objects.create(
            key=key, text=text_sv, finding=finding_sv, order=order
        )
        english_translate(question, text=text_en, finding=finding_en)
        questions.append(question)
    for year in YEARS:
        survey = Survey.objects.create(
            name=f"Trygghetsmätning {year} (exempeldata)",
            year=year,
            conducted_by="Botkyrka kommun och Polisen",
            method=(
                "Exempeldata för demonstrationen: en enkät med post och webb till ett slumpvis "
                "urval av invånare 16–84 år i varje stadsdel."
            ),
        )
        english_translate(
            survey,
            name=f"Safety survey {year} (example data)",
            conducted_by="Botkyrka municipality and the police",
            method=(
                "Example data for the demo: a postal and web survey of a random sample of "
                "residents aged 16–84 in each district."
            ),
        )
    districts = {d.slug: d for d in DistrictPage.objects.filter(locale=swedish)}
    results = []
    for slug, district in districts.items():
        for number, question in enumerate(questions):
            for step, year in enumerate(YEARS):
                share = START[slug][number] + STEP[slug][number] * step
                results.append(
                    SurveyResult(
                        question=question,
                        district=district,
                        year=year,
                        share=Decimal(f"{share:.1f}"),
                        respondents=260 + 17 * (len(slug) + step),
                        margin=Decimal("4.1") if slug in ("grodinge", "tullinge") else None,
                    )
                )
    SurveyResult.objects.bulk_create(results)
    _page(swedish)
    # A fact: publishing the Swedish page gives it to the translations (home.translations).
    for measure in UpdatePage.objects.filter(slug="belysning-albytunneln", locale=swedish):
        measure.survey_question = questions[0]
        measure.save_revision().publish()


def _page(swedish) -> None:
    index = UpdateIndexPage.objects.filter(locale=swedish).first()
    if index is None:
        return
    title, intro = PAGE["sv"]
    page = index.add_child(
        instance=SurveyPage(
            title=title, slug="trygghetsmatning", intro=f"<p>{intro}</p>", example_data=True
        )
    )
    page.save_revision().publish()
    title, intro = PAGE["en"]
    english_translate(page, title=title, intro=f"<p>{intro}</p>")
