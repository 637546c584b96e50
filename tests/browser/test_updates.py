import pytest
from playwright.sync_api import expect

from updates.models import ProgressEntry
from updates.tests.test_updates import UpdateIndexPageFactory, update


@pytest.fixture
def safety_work(site_tree):
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    page = update(index, "Kameror på Fittja torg", [site_tree["district"]], status="ongoing")
    page.progress.add(ProgressEntry(text="Fyra av åtta kameror uppsatta"))
    page.change_note = "Fler kameror uppsatta"
    page.save_revision().publish()
    update(index, "Belysning i tunneln", [site_tree["district"]], status="done")
    return index


@pytest.mark.parametrize("where", ["index", "update", "district"])
def test_safety_work_pages_have_no_accessibility_violations(page, safety_work, site_tree, where):
    from tests.browser.test_site import assert_accessible

    urls = {
        "index": "/trygghet/",
        "update": "/trygghet/kameror-pa-fittja-torg/",
        "district": "/stadsdelar/fittja/?v=updates",
    }
    page.goto(urls[where])
    expect(page.get_by_text("Kameror på Fittja torg").first).to_be_visible()
    assert_accessible(page)


def test_a_resident_filters_and_asks_for_alerts(page, safety_work):
    from tests.browser.test_site import assert_accessible

    page.goto("/trygghet/")
    page.get_by_label("Status").select_option(label="Klar")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("link", name="Belysning i tunneln")).to_be_visible()
    expect(page.get_by_role("link", name="Kameror på Fittja torg")).to_have_count(0)
    page.get_by_role("button", name="Starta bevakningen").click()
    expect(page.get_by_text("Välj minst en stadsdel.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Din e-postadress").fill("amina@example.org")
    page.get_by_label("Fittja").check()
    page.get_by_role("button", name="Starta bevakningen").click()
    expect(page.get_by_text("Nästan klart")).to_be_visible()
