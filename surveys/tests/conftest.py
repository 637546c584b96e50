from decimal import Decimal

import pytest

from surveys.models import SurveyPage, SurveyQuestion, SurveyResult
from updates.tests.factories import UpdateIndexPageFactory


@pytest.fixture
def question(db):
    return SurveyQuestion.objects.create(
        key="otrygg-kvall",
        text="Känner du dig otrygg ute sent på kvällen?",
        finding="Känner sig otrygga ute sent på kvällen",
    )


@pytest.fixture
def safety_index(site_tree):
    return UpdateIndexPageFactory(parent=site_tree["home"])


@pytest.fixture
def survey_page(safety_index):
    page = SurveyPage(title="Trygghetsmätning", slug="trygghetsmatning", example_data=True)
    safety_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def figure(question, district, year, share, respondents=300, margin=None):
    return SurveyResult.objects.create(
        question=question,
        district=district,
        year=year,
        share=Decimal(share),
        respondents=respondents,
        margin=None if margin is None else Decimal(margin),
    )
