"""The accessibility statement has the structure required of Swedish public bodies."""

import datetime

import pytest

from home.models import AccessibilityStatementPage, KnownProblem
from home.tests.factories import translate

pytestmark = pytest.mark.django_db

REQUIRED_HEADINGS = [
    "Hur tillgänglig är webbplatsen?",
    "Vad kan du göra om du inte kan använda delar av webbplatsen?",
    "Rapportera brister i webbplatsens tillgänglighet",
    "Tillsynsmyndighet",
    "Teknisk information om webbplatsens tillgänglighet",
    "Innehåll som inte är tillgängligt",
    "Hur vi testat webbplatsen",
]


@pytest.fixture
def statement(site_tree):
    page = AccessibilityStatementPage(
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        contact_email="tillganglighet@example.org",
        contact_phone="08-530 610 00",
        response_days=3,
        assessed_on=datetime.date(2026, 10, 1),
    )
    site_tree["home"].add_child(instance=page)
    page.known_problems = [
        KnownProblem(
            description="Kartlänken fungerar inte med skärmläsare.",
            criterion="1.1.1 Icke-textuellt innehåll",
            fix_by=datetime.date(2027, 3, 1),
        )
    ]
    page.save_revision().publish()
    return page


def headings(html):
    import re

    return [
        re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)
    ]


def test_the_statement_has_every_required_part_in_order(client, statement):
    html = client.get("/tillganglighet/").content.decode()
    found = [h for h in headings(html) if h in REQUIRED_HEADINGS]
    assert found == REQUIRED_HEADINGS
    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in html
    assert "Myndigheten för digital förvaltning (DIGG)" in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'href="mailto:tillganglighet@example.org"' in html and 'href="tel:0853061000"' in html
    assert "Vi svarar inom 3 arbetsdagar." in html
    assert "Kartlänken fungerar inte med skärmläsare." in html
    assert "1 mars 2027" in html and "1 oktober 2026" in html


def test_a_fully_compliant_site_says_so_and_lists_no_problems(client, statement):
    statement.conformance = AccessibilityStatementPage.Conformance.FULL
    statement.known_problems = []
    statement.save_revision().publish()
    html = client.get("/tillganglighet/").content.decode()
    assert "helt förenlig med lagen" in html
    assert "Vi känner inte till några brister just nu." in html
    assert "Kartlänken" not in html


def test_the_english_statement_keeps_the_structure(client, statement):
    translate(statement, title="Accessibility statement")
    html = client.get("/en/tillganglighet/").content.decode()
    assert "Supervisory authority" in html and "How we tested the website" in html
    assert "partially compliant with the law" in html


def test_an_editor_writes_the_statement_in_the_admin(client, site_tree):
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from accounts.services import EDITORS
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(groups=[EDITORS]))
    url = reverse(
        "wagtailadmin_pages:add", args=("home", "accessibilitystatementpage", site_tree["home"].pk)
    )
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Tillgänglighetsredogörelse",
            "slug": "tillganglighet",
            "intro": rich_text(""),
            "conformance": "partial",
            "known_problems": inline_formset(
                [{"description": "Kartlänken.", "criterion": "", "fix_by": ""}]
            ),
            "contact_email": "torget@example.org",
            "contact_phone": "",
            "response_days": "5",
            "assessed_on": "2026-11-01",
            "assessment": rich_text("<p>axe-core.</p>"),
            "body": nested_form_data({"count": 0}),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AccessibilityStatementPage.objects.get(slug="tillganglighet")
    assert page.live and [p.description for p in page.known_problems.all()] == ["Kartlänken."]
    assert "Kartlänken." in client.get("/tillganglighet/").content.decode()
