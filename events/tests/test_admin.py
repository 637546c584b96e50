import csv
import io

import pytest

from accounts.services import EDITORS, MODERATORS, ORGANISERS
from accounts.tests.factories import UserFactory
from events import services
from events.models import Registration, RegistrationLogEntry
from events.tests.test_registration import confirmed_guest, register_guest
from moderation.models import LogEntry

pytestmark = pytest.mark.django_db


def admin_url(meeting_page, suffix=""):
    return f"/admin/moten/{meeting_page.meeting.pk}/{suffix}"


def held_by_account(meeting_page, name):
    """A place taken by a resident signed in with their account."""
    resident = UserFactory()
    return services.registration_create(
        page=meeting_page,
        name=name,
        email=resident.email,
        language="sv",
        user=resident,
        source=Registration.Source.ACCOUNT,
    )


@pytest.fixture
def organiser(meeting_page):
    return UserFactory(groups=[ORGANISERS])


@pytest.fixture
def registered(meeting_page):
    return confirmed_guest(
        meeting_page, "amina@example.org", interpretation_language="ar", name="Åsa Öberg"
    )


def test_anonymous_visitors_are_sent_to_log_in(client, meeting_page):
    response = client.get(admin_url(meeting_page))
    assert response.status_code == 302
    assert "login" in response.url


@pytest.mark.parametrize("groups", [[], [MODERATORS]])
def test_residents_and_moderators_see_no_personal_data(client, meeting_page, registered, groups):
    client.force_login(UserFactory(groups=groups))
    response = client.get(admin_url(meeting_page))
    if not groups:
        assert response.status_code in (302, 403)
    else:
        assert response.status_code == 200
        assert "amina@example.org" not in response.content.decode()
    assert client.get(admin_url(meeting_page, "export.csv")).status_code in (302, 403)
    assert client.get(admin_url(meeting_page, "incheckning/")).status_code in (302, 403)


@pytest.mark.parametrize("groups", [[ORGANISERS], [EDITORS]])
def test_organisers_and_editors_see_counts_needs_and_the_list(
    client, meeting_page, registered, groups
):
    register_guest(meeting_page, "unconfirmed@example.org")
    client.force_login(UserFactory(groups=groups))
    html = client.get(admin_url(meeting_page)).content.decode()
    assert "amina@example.org" in html
    assert "Tolkning till arabiska: 1" in html
    assert "<strong>1</strong> inte bekräftade ännu" in html


def test_the_list_can_be_searched(client, meeting_page, registered, organiser):
    confirmed_guest(meeting_page, "bo@example.org", name="Bo Berg")
    client.force_login(organiser)
    html = client.get(admin_url(meeting_page), {"q": "åsa"}).content.decode()
    assert "amina@example.org" in html
    assert "bo@example.org" not in html


def test_csv_export_opens_in_spreadsheets_and_is_logged(
    client, meeting_page, registered, organiser
):
    confirmed_guest(meeting_page, "evil@example.org", name="=HYPERLINK(1)")
    client.force_login(organiser)
    response = client.get(admin_url(meeting_page, "export.csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert rows[0][:3] == ["Namn", "E-post", "Status"]
    names = [row[0] for row in rows[1:]]
    assert "Åsa Öberg" in names
    assert "'=HYPERLINK(1)" in names
    entry = RegistrationLogEntry.objects.get()
    assert (entry.actor, entry.action) == (organiser, RegistrationLogEntry.Action.EXPORTED)


def test_organisers_add_and_cancel_registrations_by_hand_and_it_is_logged(
    client, meeting_page, organiser
):
    client.force_login(organiser)
    client.post(
        admin_url(meeting_page, "lagg-till/"),
        {"name": "Kerstin Holm", "email": "", "companions": "0", "accessibility_needs": ""},
    )
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.source == Registration.Source.STAFF
    client.post(f"/admin/moten/anmalan/{registration.pk}/avboka/")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    actions = list(RegistrationLogEntry.objects.order_by("at").values_list("action", "actor"))
    assert actions == [("added", organiser.pk), ("cancelled", organiser.pk)]


def test_check_in_at_the_door(client, meeting_page, registered, organiser):
    client.force_login(organiser)
    html = client.get(admin_url(meeting_page, "incheckning/"), {"q": "Åsa"}).content.decode()
    assert "Åsa Öberg" in html
    client.post(f"/admin/moten/anmalan/{registered.pk}/incheckning/", {"q": "Åsa"})
    registered.refresh_from_db()
    assert registered.attended_at is not None
    client.post(f"/admin/moten/anmalan/{registered.pk}/incheckning/", {"undo": "1"})
    registered.refresh_from_db()
    assert registered.attended_at is None
    assert RegistrationLogEntry.objects.filter(actor=organiser).count() == 2


def test_moderators_hide_questions(client, meeting_page):
    question = services.question_create(page=meeting_page, author=UserFactory(), text="Reklam!")
    moderator = UserFactory(groups=[MODERATORS])
    client.force_login(moderator)
    client.post(f"/admin/moten/fraga/{question.pk}/", {"action": "hide", "reason": "Reklam"})
    question.refresh_from_db()
    assert question.status == "hidden"
    entry = LogEntry.objects.get(question=question)
    assert (entry.actor, entry.action, entry.reason) == (moderator, "hidden", "Reklam")


def test_organisers_answer_questions_and_the_answer_is_shown(client, meeting_page, organiser):
    question = services.question_create(page=meeting_page, author=UserFactory(), text="När?")
    client.force_login(organiser)
    client.post(f"/admin/moten/fraga/{question.pk}/", {"action": "answer", "answer": "I maj."})
    client.logout()
    assert "I maj." in client.get(meeting_page.url).content.decode()


def test_residents_cannot_moderate(client, meeting_page):
    question = services.question_create(page=meeting_page, author=UserFactory(), text="När?")
    client.force_login(UserFactory())
    client.post(f"/admin/moten/fraga/{question.pk}/", {"action": "hide"})
    question.refresh_from_db()
    assert question.status == "visible"


def test_the_admin_menu_and_index_list_meetings_with_counts(client, meeting_page, registered):
    client.force_login(UserFactory(groups=[ORGANISERS]))
    html = client.get("/admin/moten/").content.decode()
    assert "Storsamling Fittja" in html
    assert "/ 10" in html


def test_an_organiser_verifies_an_account_holder_in_person_at_the_door(
    client, meeting_page, registered, organiser
):
    from accounts.models import Verification

    held = held_by_account(meeting_page, "Bilal Yusuf")
    resident = held.user
    client.force_login(organiser)
    html = client.get(admin_url(meeting_page, "incheckning/")).content.decode()
    assert html.count("Verifiera på plats") == 1  # the guest without an account cannot be
    verify = f"/admin/moten/anmalan/{held.pk}/verifiera/"
    client.post(verify, {"document": ""})
    assert not Verification.objects.exists()
    client.post(verify, {"document": "passport", "q": "Bilal"})
    verification = Verification.objects.get(user=resident)
    assert verification.method == Verification.Method.IN_PERSON
    assert verification.person_hash is None
    entry = RegistrationLogEntry.objects.get(action="verified_in_person")
    assert (entry.actor, entry.registration, entry.document) == (organiser, held, "passport")
    html = client.get(admin_url(meeting_page, "incheckning/")).content.decode()
    assert "Verifierad (på plats," in html and "Verifiera på plats" not in html
    assert (
        "verifierade på plats (Bilal Yusuf): Pass"
        in client.get(admin_url(meeting_page)).content.decode()
    )
    client.post(f"/admin/moten/anmalan/{registered.pk}/verifiera/", {"document": "passport"})
    assert Verification.objects.count() == 1


def test_only_those_who_may_change_registrations_verify_at_the_door(client, meeting_page):
    from accounts.models import Verification

    held = held_by_account(meeting_page, "Bilal")
    client.force_login(UserFactory(groups=[MODERATORS]))
    client.post(f"/admin/moten/anmalan/{held.pk}/verifiera/", {"document": "passport"})
    assert not Verification.objects.exists()
