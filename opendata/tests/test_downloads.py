"""Downloads, the DCAT-AP-SE catalogue and the page for people (issue 21)."""

import csv
import io
import json

import pytest

from events.tests.test_registration import confirmed_guest
from home.models import SiteSettings
from surveys.tests.conftest import figure

pytestmark = pytest.mark.django_db


def rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_survey_results_as_csv_and_json(client, question, site_tree):
    figure(question, site_tree["district"], 2018, "41.5", respondents=388, margin="3.2")
    (row,) = rows(client.get("/oppna-data/trygghetsmatning.csv"))
    assert (row["year"], row["district"], row["question"], row["share"], row["margin"]) == (
        "2018",
        "fittja",
        "otrygg-kvall",
        "41.5",
        "3.2",
    )
    data = client.get("/oppna-data/trygghetsmatning.json").json()
    assert data["results"][0]["respondents"] == 388
    assert client.get("/oppna-data/trygghetsmatning.xml").status_code == 404


def test_meetings_and_measures_as_csv(client, meeting_page, site_tree):
    from updates.tests.factories import UpdateIndexPageFactory, update

    confirmed_guest(meeting_page, "amina@example.org")
    (meeting,) = rows(client.get("/oppna-data/moten.csv"))
    assert (meeting["title"], meeting["places_left"], meeting["districts"]) == (
        "Storsamling Fittja",
        "9",
        "fittja",
    )
    update(
        UpdateIndexPageFactory(parent=site_tree["home"]), "Ny belysning", [site_tree["district"]]
    )
    (measure,) = rows(client.get("/oppna-data/insatser.csv"))
    assert (measure["title"], measure["status"], measure["districts"]) == (
        "Ny belysning",
        "ongoing",
        "fittja",
    )


def test_the_catalogue_describes_each_dataset_with_licence_publisher_and_contact(
    client, meeting_page, site_tree
):
    SiteSettings.objects.update_or_create(
        site=site_tree["home"].get_site(),
        defaults={"organisation_name": "Botkyrka kommun", "contact_email": "data@example.org"},
    )
    response = client.get("/dcat.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = {d["@id"].rsplit("#", 1)[1]: d for d in catalogue["dcat:dataset"]}
    assert set(datasets) == {"meetings", "measures", "proposals", "survey-results"}
    meetings = datasets["meetings"]
    assert meetings["dct:publisher"]["foaf:name"] == "Botkyrka kommun"
    assert meetings["dcat:contactPoint"]["vcard:hasEmail"]["@id"] == "mailto:data@example.org"
    assert meetings["dct:license"]["@id"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert meetings["dct:modified"]["@value"]
    formats = {d["dct:format"] for d in meetings["dcat:distribution"]}
    assert formats == {"CSV", "JSON", "iCalendar"}
    urls = [d["dcat:downloadURL"]["@id"] for d in meetings["dcat:distribution"]]
    assert "http://testserver/oppna-data/moten.csv" in urls
    assert {t["@language"] for t in meetings["dct:title"]} == {"sv", "en"}


def test_the_open_data_page_lists_the_same_for_people(client, meeting_page):
    html = client.get("/oppna-data/").content.decode()
    assert "Öppna data" in html and "Offentliga möten" in html
    assert 'href="/oppna-data/moten.csv"' in html and 'href="/dcat.jsonld"' in html
