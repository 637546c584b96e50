"""Perceived safety in the browser (issue 21): the charts beside their tables, the district
filter without JavaScript, the district's headline, in Swedish and in Arabic on a phone."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from home.tests.factories import DistrictPageFactory, translate
from surveys.models import SurveyPage, SurveyQuestion, SurveyResult
from tests.browser.test_site import assert_accessible
from updates.tests.factories import UpdateIndexPageFactory


@pytest.fixture
def survey_page(site_tree):
    alby = DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")
    question = SurveyQuestion.objects.create(
        key="otrygg-kvall",
        text="Känner du dig otrygg ute sent på kvällen?",
        finding="Känner sig otrygga ute sent på kvällen",
    )
    for district, shares in ((site_tree["district"], (32, 41)), (alby, (30, 27.5))):
        for year, share in zip((2016, 2018), shares, strict=True):
            SurveyResult.objects.create(
                question=question,
                district=district,
                year=year,
                share=Decimal(str(share)),
                respondents=400,
            )
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    page = SurveyPage(title="Trygghetsmätning", slug="trygghetsmatning", example_data=True)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_resident_reads_the_charts_and_chooses_a_district(page, survey_page, site_tree):
    page.goto(survey_page.url)
    chart = page.get_by_role("img", name="Känner du dig otrygg ute sent på kvällen?")
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name="Känner du dig otrygg ute sent på kvällen?: andel")
    expect(table.get_by_role("row", name="Fittja 32,0 %")).to_be_visible()
    expect(page.get_by_text("Exempeldata.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Stadsdel", exact=True).select_option(label="Alby")
    page.get_by_role("button", name="Visa").click()
    expect(table.get_by_role("row")).to_have_count(2)  # the header and Alby
    expect(table.get_by_role("row", name="Alby 30,0 %")).to_be_visible()

    page.goto(site_tree["district"].url)
    expect(
        page.get_by_text("Känner sig otrygga ute sent på kvällen: 41,0 % år 2018, upp från 32,0 %")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Alla siffror för Fittja").click()
    expect(table.get_by_role("row", name="Alby")).to_have_count(0)


def test_the_survey_page_reads_right_to_left_in_arabic_on_a_phone(page, survey_page, site_tree):
    from home.models import DistrictPage

    translate(survey_page, "ar", title="قياس الأمان")
    for district in DistrictPage.objects.filter(locale=site_tree["district"].locale):
        translate(district, "ar")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/ar/trygghet/trygghetsmatning/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("table")).to_be_visible()
    # The chart's time runs left to right, as in the reports; its labels are not mirrored.
    assert (
        page.locator(".survey-chart svg").evaluate("svg => getComputedStyle(svg).direction")
        == "ltr"
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_accessible(page)


def check_file(page, content: bytes) -> None:
    """Choose a CSV file with `content` and have it checked."""
    page.get_by_label("Fil med resultaten").set_input_files(
        files=[{"name": "resultat.csv", "mimeType": "text/csv", "buffer": content}]
    )
    page.get_by_role("button", name="Kontrollera filen").click()


def test_a_safety_coordinator_imports_a_file_after_correcting_it(page, survey_page):
    from accounts.services import SAFETY_COORDINATORS
    from accounts.tests.factories import UserFactory
    from tests.browser.test_forum import log_in

    header = b"year;district;question;share;respondents\n"
    log_in(page, UserFactory(groups=[SAFETY_COORDINATORS]))
    page.goto("/admin/")
    page.get_by_role("button", name="Trygghetsmätningar").click()
    page.get_by_role("link", name="Importera resultat").click()
    check_file(page, header + b"2020;Fittja;otrygg-kvall;140;400\n")
    expect(page.get_by_role("alert").first).to_contain_text("1 rad har fel. Ingenting sparades")
    expect(page.get_by_text("share: Kontrollera att detta värde är mindre än")).to_be_visible()
    assert_accessible(page)
    check_file(page, header + b"2020;Fittja;otrygg-kvall;40,5;400\n")
    expect(page.get_by_role("cell", name="Rätt")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Importera 1 rad").click()
    expect(page.get_by_text("1 siffra importerad för 2020.")).to_be_visible()
    assert SurveyResult.objects.filter(year=2020).get().share == Decimal("40.5")


def test_the_open_data_page_lists_the_datasets_and_their_downloads(page, survey_page):
    page.goto("/")
    page.get_by_role("link", name="Öppna data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Öppna data")
    expect(page.get_by_role("heading", name="Upplevd trygghet per stadsdel och år")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").last.click()
    assert download.value.suggested_filename == "trygghetsmatning.csv"
