"""What residents read: the survey page's charts and tables, district headlines, measures."""

import re

import pytest

from surveys.models import SurveyPage
from surveys.tests.conftest import figure
from updates.tests.factories import update

pytestmark = pytest.mark.django_db


@pytest.fixture
def alby(site_tree):
    from home.tests.factories import DistrictPageFactory

    return DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")


@pytest.fixture
def figures(question, site_tree, alby):
    fittja = site_tree["district"]
    figure(question, fittja, 2016, "32.0", respondents=410)
    figure(question, fittja, 2018, "41.0", respondents=388, margin="3.2")
    figure(question, alby, 2016, "30.0")
    figure(question, alby, 2018, "27.5")


def test_each_question_is_a_described_chart_beside_a_table_with_every_number(
    client, survey_page, figures
):
    html = client.get(survey_page.url).content.decode()
    assert "Exempeldata." in html
    chart = html.index('<figure class="survey-chart">')
    svg = html[chart : html.index("</svg>", chart)]
    assert 'role="img"' in svg
    assert "<title id=" in svg and "Känner du dig otrygg ute sent på kvällen?</title>" in svg
    assert "Alby: 27,5 % år 2018, ned från 30,0 % år 2016." in svg
    assert "Fittja: 41,0 % år 2018, upp från 32,0 % år 2016." in svg
    # Told apart without colour: each line has its own marker and its name at its end.
    lines = re.findall(r'<g class="survey-line survey-line--\d">(.*?)</g>', svg, re.S)
    shapes = {re.sub(r"[-\d.,\s]", "", re.search(r' d="([^"]+)"', line)[1]) for line in lines}
    assert len(lines) == 2 and len(shapes) == 2
    assert sum("stroke-dasharray" in line for line in lines) == 1
    assert ">Alby</text>" in svg and ">Fittja</text>" in svg
    table = html[html.index("<table") : html.index("</table>")]
    for number in ("32,0 %", "41,0 %", "30,0 %", "27,5 %", "410 svarade", "± 3,2"):
        assert number in table


def test_the_district_filter_shows_one_district(client, survey_page, figures):
    html = client.get(f"{survey_page.url}?district=alby").content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    assert "Alby" in table and "Fittja" not in table


def test_a_page_without_figures_says_so(client, survey_page):
    assert "Inga resultat från trygghetsmätningar har publicerats ännu." in (
        client.get(survey_page.url).content.decode()
    )


def test_a_district_page_shows_its_headline_with_the_change(
    client, survey_page, figures, site_tree
):
    html = client.get(site_tree["district"].url).content.decode()
    assert (
        "Känner sig otrygga ute sent på kvällen: 41,0 % år 2018, upp från 32,0 % år 2016." in html
    )
    assert f'href="{survey_page.url}?district=fittja"' in html


def test_a_measure_shows_the_figures_of_the_question_it_addresses(
    client, survey_page, figures, question, safety_index, site_tree
):
    measure = update(
        safety_index, "Ny belysning", [site_tree["district"]], survey_question=question
    )
    html = client.get(measure.url).content.decode()
    assert "Vad invånarna säger" in html
    table = html[html.index('<table class="survey-table"') :]
    assert "41,0 %" in table and "Alby" not in table[: table.index("</table>")]
    assert f'href="{survey_page.url}"' in html


def survey_links(html):
    """The survey pages the safety work's page leads to, as (address, text)."""
    if 'id="survey-pages-heading"' not in html:
        return []
    start = html.index('id="survey-pages-heading"')
    box = html[start : html.index("</section>", start)]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', box)


def test_a_reader_of_the_safety_page_finds_the_survey_page_and_follows_it(
    client, survey_page, figures, safety_index
):
    links = survey_links(client.get(safety_index.url).content.decode())
    assert links == [(survey_page.url, "Trygghetsmätning")]
    html = client.get(links[0][0]).content.decode()
    assert "<h1>Trygghetsmätning</h1>" in html and "Alby" in html


def test_the_safety_page_leads_to_the_survey_page_in_the_readers_language(
    client, survey_page, safety_index
):
    from home.tests.factories import translate

    translate(safety_index, title="Safety")
    survey_page_en = translate(survey_page, title="Safety survey")
    links = survey_links(client.get(survey_page_en.get_parent().url).content.decode())
    assert links == [(survey_page_en.url, "Safety survey")]
    assert survey_page_en.url.startswith("/en/")


def test_the_safety_page_has_no_survey_link_without_a_live_survey_page(client, safety_index):
    assert survey_links(client.get(safety_index.url).content.decode()) == []
    draft = SurveyPage(title="Trygghetsmätning", slug="trygghetsmatning", live=False)
    safety_index.add_child(instance=draft)
    assert survey_links(client.get(safety_index.url).content.decode()) == []
