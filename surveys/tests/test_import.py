"""Importing survey results in the admin: a preview of every row, plain errors with their row,
nothing saved until the whole file is right, a year replaced after a confirmation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from accounts.services import EDITORS, MODERATORS, SAFETY_COORDINATORS
from accounts.tests.factories import UserFactory
from surveys.models import SurveyResult
from surveys.tests.conftest import figure

pytestmark = pytest.mark.django_db
URL = "/admin/trygghetsmatning/import/"
HEADER = "year;district;question;share;respondents;margin\n"


def csv_file(text, name="resultat.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def coordinator(client):
    person = UserFactory(groups=[SAFETY_COORDINATORS])
    client.force_login(person)
    return person


def test_a_valid_file_is_previewed_row_by_row_then_saved(client, coordinator, question, site_tree):
    rows = HEADER + "2016;Fittja;otrygg-kvall;32,0;410;\n2018;fittja;otrygg-kvall;41,5;388;3,2\n"
    page = client.post(URL, {"file": csv_file(rows)})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Importera 2 rader" in html and html.count("Rätt") == 2
    assert not SurveyResult.objects.exists()  # a preview saves nothing
    saved = client.post(URL, {"confirm": "1"}, follow=True)
    assert "2 siffror importerade för 2016, 2018." in saved.content.decode()
    latest = SurveyResult.objects.get(year=2018)
    assert (latest.district, latest.share, latest.respondents, str(latest.margin)) == (
        site_tree["district"],
        pytest.approx(41.5),
        388,
        "3.2",
    )


def test_an_excel_file_is_read_too(client, coordinator, question, site_tree):
    book = Workbook()
    sheet = book.active
    sheet.append(["Year", "District", "Question key", "Share", "Respondents"])
    sheet.append([2018, "Fittja", "otrygg-kvall", 41.5, 388])
    content = io.BytesIO()
    book.save(content)
    upload = SimpleUploadedFile("resultat.xlsx", content.getvalue())
    assert "Importera 1 rad" in client.post(URL, {"file": upload}).content.decode()
    client.post(URL, {"confirm": "1"})
    assert SurveyResult.objects.get().share == pytest.approx(41.5)


def test_every_error_is_listed_with_its_row_and_nothing_is_saved(
    client, coordinator, question, site_tree
):
    rows = HEADER + (
        "2018;Fittja;otrygg-kvall;41,5;388;\n"  # row 2: right
        "2018;Atlantis;otrygg-kvall;30;300;\n"  # row 3: unknown district
        "2018;Fittja;okand-fraga;30;300;\n"  # row 4: unknown question
        "2016;Fittja;otrygg-kvall;130;300;\n"  # row 5: share above 100
        "2014;Fittja;otrygg-kvall;30;12,5;\n"  # row 6: respondents not whole
        "2018;fittja;otrygg-kvall;40;300;\n"  # row 7: row 2 again
    )
    page = client.post(URL, {"file": csv_file(rows)})
    html = page.content.decode()
    assert page.status_code == 400
    assert "5 rader har fel. Ingenting sparades" in html
    assert "Okänd stadsdel ”Atlantis”." in html
    assert "Okänd fråga ”okand-fraga”" in html
    assert "share: Kontrollera att detta värde är mindre än eller lika med 100." in html
    assert "respondents: Fyll i ett heltal." in html
    assert "Samma år, stadsdel och fråga som rad 2." in html
    assert 'name="confirm"' not in html
    assert not SurveyResult.objects.exists()
    # A confirmation without a checked file in the session saves nothing either.
    assert (
        "ingenting importerades" in client.post(URL, {"confirm": "1"}, follow=True).content.decode()
    )


def test_a_file_without_the_columns_or_of_another_kind_is_refused(client, coordinator, question):
    html = client.post(URL, {"file": csv_file("år;stadsdel\n2018;Fittja\n")}).content.decode()
    assert "Filen saknar kolumnerna: question, share, respondents." in html
    other = SimpleUploadedFile("resultat.pdf", b"%PDF-1.4")
    assert "Välj en .csv- eller .xlsx-fil." in client.post(URL, {"file": other}).content.decode()


def test_importing_a_year_that_exists_replaces_it_after_a_confirmation(
    client, coordinator, question, site_tree
):
    district = site_tree["district"]
    figure(question, district, 2016, "30.0")
    figure(question, district, 2018, "50.0")
    page = client.post(URL, {"file": csv_file(HEADER + "2018;Fittja;otrygg-kvall;41,5;388;\n")})
    assert "2018 har 1 siffra redan; importen ersätter den." in page.content.decode()
    assert SurveyResult.objects.get(year=2018).share == 50
    client.post(URL, {"confirm": "1"})
    assert sorted(SurveyResult.objects.values_list("year", "share")) == [
        (2016, pytest.approx(30)),
        (2018, pytest.approx(41.5)),
    ]


def test_only_safety_coordinators_and_editors_import(client, question):
    for person, allowed in [
        (UserFactory(), False),
        (UserFactory(groups=[MODERATORS]), False),
        (UserFactory(groups=[EDITORS]), True),
        (UserFactory(groups=[SAFETY_COORDINATORS]), True),
    ]:
        client.force_login(person)
        assert (client.get(URL).status_code == 200) is allowed
