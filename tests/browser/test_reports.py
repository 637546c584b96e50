from django.utils import timezone
from playwright.sync_api import expect

from accounts.services import SAFETY_COORDINATORS
from accounts.tests.factories import UserFactory
from reports import services
from reports.models import Observation
from tests.browser.test_forum import log_in
from tests.browser.test_site import assert_accessible


def test_a_resident_reports_and_it_appears_nowhere_public(page, site_tree):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    page.get_by_role("link", name="Berätta för trygghetssamordnarna vad du ser").click()
    expect(page.get_by_text("Det här är ingen larmtjänst.")).to_be_visible()
    page.get_by_role("button", name="Skicka rapporten").click()
    expect(page.get_by_role("alert")).to_contain_text("Rätta fälten")
    assert_accessible(page)
    page.get_by_label("Stadsdel").select_option(label="Fittja")
    page.get_by_label("Var?").fill("Gångtunneln vid torget")
    page.get_by_label("Skadegörelse").check()
    page.get_by_label("Vad hände?").fill("Någon har sprejat över alla skyltar i tunneln.")
    page.get_by_label("Jag har läst hur rapporten hanteras.").check()
    page.get_by_role("button", name="Skicka rapporten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för din rapport")
    reference = Observation.objects.get().reference
    expect(page.get_by_text(reference)).to_be_visible()
    assert_accessible(page)

    for path in ("/?v=1", "/stadsdelar/fittja/?v=1", "/sok/?q=sprejat", "/en/?v=1"):
        page.goto(path)
        expect(page.get_by_text("sprejat över alla skyltar")).to_have_count(0)
    page.goto("/admin/lagesbild/")
    expect(page.get_by_text("sprejat")).to_have_count(0)


def test_a_coordinator_sees_the_weekly_chart(page, site_tree):
    services.observation_create(
        district=site_tree["district"],
        place="Torget",
        happened_at=timezone.now(),
        kind="vandalism",
        description="Krossat glas i väntkuren.",
        language="sv",
    )
    log_in(page, UserFactory(groups=[SAFETY_COORDINATORS]))
    page.goto("/admin/lagesbild/")
    page.get_by_role("link", name=Observation.objects.get().reference).click()
    expect(page.get_by_text("Krossat glas i väntkuren.")).to_be_visible()
    assert_accessible(page)
    page.goto("/admin/lagesbild/diagram/")
    expect(page.get_by_role("img", name="Fittja: 1 rapporter på tolv veckor")).to_be_visible()
    assert_accessible(page)
