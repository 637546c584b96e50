from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, UserFactory
from home.tests.factories import DisruptionNoticeFactory

AXE = Axe()


def assert_accessible(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_visitor_goes_from_the_home_page_to_a_district_by_links(page, site_tree):
    page.goto("/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Stadsdelar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stadsdelar")
    page.get_by_role("link", name="Fittja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fittja")
    expect(page.get_by_text("Samira Haddad")).to_be_visible()


def test_the_language_switch_keeps_the_visitor_on_the_same_page(page, site_tree):
    page.goto("/stadsdelar/fittja/")
    switch = page.get_by_role("navigation", name="Språk")
    expect(switch.get_by_role("link", name="English")).to_be_hidden()  # folded on every screen
    switch.locator("summary").click()
    switch.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{page.url.split('/en/')[0]}/en/stadsdelar/fittja/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("About Fittja.")).to_be_visible()
    page.get_by_role("navigation", name="Language").locator("summary").click()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert urlparse(page.url).path == "/stadsdelar/fittja/"


def test_the_language_switch_works_by_keyboard(page, site_tree):
    page.goto("/stadsdelar/fittja/")
    for _step in range(10):  # past the skip link and the brand, to the switch
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    page.keyboard.press("Enter")
    links = page.get_by_role("navigation", name="Språk").get_by_role("link")
    expect(links).to_have_text(["Svenska", "English", "Suomi", "العربية", "Soomaali", "Türkçe"])
    for _step in range(4):  # Svenska, English, Suomi, العربية
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.lang") == "ar"
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_the_first_tab_reaches_the_skip_link_which_jumps_to_the_content(page, site_tree):
    page.goto("/stadsdelar/fittja/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Hoppa till innehållet"
    expect(page.get_by_role("link", name="Hoppa till innehållet")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(
    "path",
    ["/", "/stadsdelar/", "/stadsdelar/fittja/", "/om-torget/", "/sok/?q=Fittja", "/konto/signup/"],
)
def test_no_page_scrolls_sideways_on_a_small_phone(page, site_tree, path):
    DisruptionNoticeFactory(message="Eldningsförbud i hela Stockholms län, med en lång förklaring.")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_no_request_leaves_this_machine(page, site_tree, live_server):
    DisruptionNoticeFactory()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    for path in ("/", "/stadsdelar/fittja/", "/en/om-torget/", "/sok/?q=Fittja", "/konto/login/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert hosts == {urlparse(live_server.url).hostname}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/stadsdelar/",
        "/stadsdelar/fittja/",
        "/om-torget/",
        "/en/",
        "/en/stadsdelar/fittja/",
        "/sok/?q=Fittja",
        "/sok/?q=zebrapark",
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/finns-inte/",
    ],
)
def test_axe_finds_no_accessibility_violations(page, site_tree, path):
    DisruptionNoticeFactory()
    page.goto(path)
    assert_accessible(page)


def test_axe_finds_no_violations_on_forms_showing_errors_or_on_the_profile(page, site_tree):
    page.goto("/konto/signup/")
    page.get_by_label("E-post").fill("inte-en-adress")
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)

    person = UserFactory()
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill(person.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Mitt konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Profil")
    assert_accessible(page)
    page.get_by_label("Visningsnamn").fill("Amina")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("status")).to_contain_text("Din profil har sparats.")
    links = (
        "Mina mejl",
        "Mina uppgifter",
        "E-postadresser",
        "Lösenord",
        "Tvåstegsverifiering",
        "Där du är inloggad",
    )
    for link in links:
        account_link = page.get_by_role("navigation", name="Konto").get_by_role("link", name=link)
        address = account_link.get_attribute("href")
        account_link.click()
        page.wait_for_url(f"**{address}")  # axe reads the new page, not one being left
        assert_accessible(page)
    expect(page.get_by_role("cell", name="Ja, den här")).to_be_visible()


def test_a_hidden_notice_stays_hidden_until_it_changes(page, site_tree):
    notice = DisruptionNoticeFactory(message="Eldningsförbud.")
    page.goto("/")
    expect(page.get_by_text("Eldningsförbud.")).to_be_visible()
    page.get_by_role("button", name="Dölj meddelandet").click()
    expect(page.get_by_text("Eldningsförbud.")).to_be_hidden()
    page.goto("/stadsdelar/fittja/")
    expect(page.get_by_text("Eldningsförbud.")).to_be_hidden()
    assert page.context.cookies() == []

    notice.message = "Eldningsförbudet gäller nu även grillplatser."
    notice.save()
    page.goto("/om-torget/")  # a page the browser has not cached yet
    expect(page.get_by_text("Eldningsförbudet gäller nu även grillplatser.")).to_be_visible()


def test_the_site_works_without_javascript(browser, live_server, site_tree):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Sök på webbplatsen").fill("Fittja")
    page.get_by_role("button", name="Sök").first.click()
    page.get_by_role("link", name="Fittja").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fittja")
    context.close()


def test_an_editor_logs_in_and_edits_a_district_without_policy_errors(page, site_tree):
    from accounts.services import EDITORS

    editor = UserFactory(groups=[EDITORS])
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto("/admin/")
    expect(page).to_have_url(f"{page.url.split('/konto/')[0]}/konto/login/?next=/admin/")
    page.get_by_label("E-post").fill(editor.email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Logga in").click()
    page.goto(f"/admin/pages/{site_tree['district'].pk}/edit/")
    expect(page.get_by_label("Alternativtext för toppbilden")).to_be_visible()
    assert [text for text in console if "Content Security Policy" in text] == []


def test_pictures_load_from_the_site_itself(page, site_tree, settings):
    from home.demo_media import district_image
    from home.images import renditions_encode

    settings.TORGET_PAGE_CACHE_SECONDS = 0
    district = site_tree["district"]
    district.hero_image = district_image("Fittja", 1)
    district.hero_image_alt = "Hus och träd i Fittja."
    district.save_revision().publish()
    renditions_encode(district.hero_image, kinds=["hero"])  # what the task worker does
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))

    page.goto("/stadsdelar/fittja/")

    hero = page.get_by_role("img", name="Hus och träd i Fittja.")
    expect(hero).to_be_visible()
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    assert hero.evaluate("image => image.currentSrc").endswith((".avif", ".webp"))
    assert hosts <= {"localhost", "127.0.0.1"}
    assert_accessible(page)
