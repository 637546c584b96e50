"""Surveys keep nothing about a person (home.personal_data): results are shares per district,
imported by staff from surveys made elsewhere. Declared so that the test of personal fields
knows their texts are staff's."""

from home.personal_data import Declaration, StaffData
from surveys.models import Survey, SurveyQuestion

DECLARATION = Declaration(
    app="surveys",
    staff_data=(
        StaffData(
            model=SurveyQuestion,
            fields=("text", "finding"),
            why="The survey's questions, entered by staff.",
        ),
        StaffData(
            model=Survey,
            fields=("name", "conducted_by", "method"),
            why="Who made the survey and how, entered by staff.",
        ),
    ),
)
