"""The demo as `make run` loads it: every test that reads it is in this module, which one test
worker runs after all its others (`--dist loadfile`; conftest.py), so it is loaded once."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from accounts.models import User
from events.models import EventPage, Registration
from home.models import AccessibilityStatementPage, DisruptionNotice, DistrictPage, StandardPage
from home.tests.test_page_tree import PREFIXES, menu_links, tree_problems
from reports.models import Observation

pytestmark = pytest.mark.django_db


DISTRICTS = {"Alby", "Fittja", "Hallunda-Norsborg", "Tullinge", "Tumba", "Grödinge"}


def test_demo_content_is_refused_without_debug():
    users = User.objects.count()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert User.objects.count() == users


def test_demo_builds_the_site_in_both_languages_and_can_run_again(client, demo):
    for code in ("sv", "en"):
        locale = Locale.objects.get(language_code=code)
        districts = DistrictPage.objects.live().filter(locale=locale)
        assert set(districts.values_list("title", flat=True)) == DISTRICTS
        assert all(district.contacts.count() == 1 for district in districts)
        assert StandardPage.objects.live().filter(locale=locale).count() == 3
        assert AccessibilityStatementPage.objects.live().filter(locale=locale).count() == 1
        assert DisruptionNotice.objects.active().filter(locale=locale).count() == 1
    assert User.objects.count() == 8
    assert User.objects.get(email="arrangor@example.org").has_perm("events.view_registration")
    assert User.objects.get(email="admin@example.org").check_password("demo")
    assert User.objects.get(email="redaktor@example.org").groups.filter(name="Redaktörer")
    assert "Eldningsförbud" in client.get("/stadsdelar/alby/").content.decode()
    assert "A fire ban applies" in client.get("/en/stadsdelar/alby/").content.decode()
    privacy = client.get("/integritet/").content.decode()
    assert "Vad vi sparar, varför, hur länge och vem som ser det" in privacy
    assert "Tills 30 dagar efter mötet" in privacy
    statement = client.get("/tillganglighet/").content.decode()
    assert "Tillsynsmyndighet" in statement and "Kartlänken på mötessidorna" in statement
    assert 'href="/tillganglighet/"' in client.get("/").content.decode()  # the footer


def test_demo_meetings_show_a_full_range_of_states(client, demo):
    for code in ("sv", "en"):
        meetings = EventPage.objects.live().filter(locale__language_code=code)
        assert meetings.upcoming().count() == 3
        assert meetings.past().count() == 1
    walk = EventPage.objects.get(slug="trygghetsvandring-alby", locale__language_code="sv")
    assert walk.capacity == 12
    assert walk.meeting.registrations.confirmed().places() == 10
    assert walk.meeting.registrations.waiting_line().count() == 1
    assembly = EventPage.objects.get(slug="storsamling-fittja", locale__language_code="sv")
    assert assembly.capacity == 120
    supports = list(assembly.meeting.questions.by_support().values_list("support_count", flat=True))
    assert supports == [4, 3, 1]
    past = EventPage.objects.get(slug="storsamling-fittja-varen", locale__language_code="en")
    page = client.get(past.url).content.decode()
    assert "Minutes and outcomes" in page
    assert "the youth centre stays open until 10 pm" in page


def test_demo_gives_the_moderator_a_queue(demo):
    from moderation.models import Report
    from moderation.services import queue_counts

    counts = queue_counts()
    # A newcomer's forum reply and their proposal wait; an advert was reported.
    assert (counts["pending"], counts["reported"]) == (2, 1)
    assert Report.objects.count() == 2


def test_demo_proposals_cover_the_lifecycle_and_one_became_a_measure(client, demo):
    from proposals.models import Proposal

    assert Proposal.objects.count() == 5
    states = set(Proposal.objects.visible().values_list("status", "verdict"))
    assert {("done", "accepted"), ("answered", "rejected"), ("review", ""), ("submitted", "")} <= (
        states
    )
    became = Proposal.objects.get(measure__isnull=False)
    html = client.get(became.measure.url).content.decode()
    assert "Det började som invånarnas förslag" in html and became.title in html
    assert became.measure.title in client.get(f"/forslag/{became.pk}/").content.decode()


def test_demo_polls_one_closed_with_results_and_one_open(client, demo):
    from polls.models import Poll

    closed, open_poll = Poll.objects.order_by("closes_at")
    assert closed.is_closed() and closed.votes.count() == 5
    assert open_poll.is_open() and open_poll.votes.count() == 2
    html = client.get(closed.page.url).content.decode()
    assert "Resultat: 5 röster" in html
    html = client.get(open_poll.page.url).content.decode()
    assert open_poll.question in html and "för att rösta" in html


@pytest.mark.parametrize(
    ("prefix", "title", "swedish_title"),
    [
        ("/fi", "Suuri asukastapaaminen Fittjassa (storsamling)", "Storsamling Fittja"),
        ("/ar", None, "Storsamling Fittja"),
        ("/so", None, "Storsamling Fittja"),
        ("/tr", None, "Storsamling Fittja"),
    ],
)
def test_demo_shows_the_first_pages_in_every_language_and_the_rest_in_swedish(
    client, demo, prefix, title, swedish_title
):
    from wagtail_localize.models import Translation

    code = prefix.strip("/")
    meeting = client.get(f"{prefix}/moten/storsamling-fittja/").content.decode()
    assert f'<html lang="{code}"' in meeting
    assert f"<h1>{swedish_title}</h1>" not in meeting  # translated
    if title:
        assert f"<h1>{title}</h1>" in meeting
    assert 'role="note"' not in meeting
    other = client.get(f"{prefix}/integritet/")
    assert other.status_code == 200  # an alias until translated, never a 404
    assert 'role="note"' in other.content.decode()
    assert Translation.objects.filter(target_locale__language_code=code).count() >= 18


def test_demo_english_pages_are_wagtail_localize_translations(demo):
    from wagtail.models import Page
    from wagtail_localize.models import Translation

    english_pages = Page.objects.live().filter(locale__language_code="en", alias_of__isnull=True)
    translated_from_swedish = set(
        Translation.objects.filter(
            target_locale__language_code="en", source__locale__language_code="sv"
        ).values_list("source__object_id", flat=True)
    )

    assert english_pages.count() >= 30
    assert {
        page.url_path
        for page in english_pages
        if page.translation_key not in translated_from_swedish
    } == set()
    # The English text is wagtail-localize's translation, not a copy written over it.
    alby = english_pages.get(slug="alby").specific
    catalog = Translation.objects.get(
        source__object_id=alby.translation_key, target_locale=alby.locale
    ).export_po()
    assert alby.hero_image_alt in {entry.msgstr for entry in catalog}


def test_the_demo_tree_has_no_problems_and_holds_when_migrate_syncs_the_languages_again(demo):
    assert tree_problems() == {}

    # A language added to the site later, or a synchronisation removed and made again.
    LocaleSynchronization.objects.filter(locale__language_code="fi").delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert LocaleSynchronization.objects.filter(locale__language_code="fi").exists()
    assert tree_problems() == {}


def test_the_demo_menu_is_whole_in_every_language(client, demo):
    swedish = menu_links(client.get("/").content.decode())
    assert len(swedish) == 5

    for code, prefix in PREFIXES.items():
        links = menu_links(client.get(f"{prefix}/").content.decode())
        assert len(links) == len(swedish), code


LISTINGS = ["pages", "images", "documents", "proposals"]
DOWNLOADS = [
    "/dcat.jsonld",
    "/oppna-data/trygghetsmatning.csv",
    "/oppna-data/trygghetsmatning.json",
    "/oppna-data/moten.csv",
    "/oppna-data/insatser.csv",
]


def everything_published(client) -> list[str]:
    bodies = [client.get(url).content.decode() for url in DOWNLOADS]
    for endpoint in LISTINGS:
        offset, total = 0, 1
        while offset < total:
            answer = client.get(f"/api/v2/{endpoint}/?fields=*&limit=20&offset={offset}")
            assert answer.status_code == 200, answer.content
            data = answer.json()
            bodies.append(answer.content.decode())
            total = data["meta"]["total_count"]
            offset += 20
            for item in data["items"]:
                detail = client.get(f"/api/v2/{endpoint}/{item['id']}/")
                assert detail.status_code == 200
                bodies.append(detail.content.decode())
    return bodies


def test_no_personal_data_and_no_unpublished_page_anywhere(client, demo, settings):
    """Never personal data (issue 21): with the demo loaded, every API endpoint (each listing
    with every field, each detail), every download and the catalogue hold none of the demo's
    residents' names or addresses, registrations, reports or votes, and no unpublished page."""
    settings.TORGET_API_REQUESTS_PER_MINUTE = 100_000  # the walk is many requests from one address
    draft = Page.objects.get(depth=2, locale__language_code="sv").add_child(
        instance=Page(title="Utkast som ingen ska se", slug="utkast", live=False)
    )
    assert not draft.live
    secrets = {draft.title}
    residents = User.objects.filter(is_staff=False, is_superuser=False)
    assert residents.exists()
    for person in residents:
        secrets.add(person.email)  # (user names are words like "boende", and never shown)
        if person.display_name:
            secrets.add(person.display_name)
    for registration in Registration.objects.exclude(email=""):
        secrets |= {registration.email, registration.name}
    assert Observation.objects.exists()
    for observation in Observation.objects.all():
        secrets |= {observation.description[:40], observation.reference}
    secrets = {s for s in secrets if s and len(s) > 3}
    published = "\n".join(everything_published(client))
    found = sorted(s for s in secrets if re.search(re.escape(s), published))
    assert found == []
