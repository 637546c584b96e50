import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import override_settings

from accounts.models import User, has_verified_email
from accounts.services import EDITORS, MODERATORS, ORGANISERS, SAFETY_COORDINATORS
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_signing_up_sends_a_verification_email_and_login_waits_for_it(client, home_page):
    response = client.post(
        "/konto/signup/",
        {"email": "ny@example.org", "password1": PASSWORD, "password2": PASSWORD, "website": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ny@example.org"]
    assert "/konto/confirm-email/" in mail.outbox[0].body
    client.logout()
    response = client.post("/konto/login/", {"login": "ny@example.org", "password": PASSWORD})
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_a_bot_that_fills_the_honeypot_gets_no_account(client, home_page):
    client.post(
        "/konto/signup/",
        {
            "email": "bot@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "website": "http://spam.example",
        },
    )
    assert not User.objects.filter(email="bot@example.org").exists()


def test_a_verified_person_logs_in_with_email_and_password(client, home_page):
    person = UserFactory()
    response = client.post("/konto/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == person.pk


def test_a_wrong_password_gets_a_clear_message_in_swedish(client, home_page):
    person = UserFactory()
    response = client.post("/konto/login/", {"login": person.email, "password": "fel"})
    assert response.status_code == 200
    assert "Epost-adressen och/eller lösenordet är felaktigt." in response.content.decode()


def test_password_reset_does_not_reveal_whether_an_account_exists(client, home_page):
    person = UserFactory()
    known = client.post("/konto/password/reset/", {"email": person.email})
    unknown = client.post("/konto/password/reset/", {"email": "okand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert {message.to[0] for message in mail.outbox} == {person.email, "okand@example.org"}


def test_a_person_sets_display_name_and_language_on_the_profile(client, home_page):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        "/konto/profil/", {"display_name": " Amina ", "preferred_language": "en"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.display_name == "Amina"
    assert person.preferred_language == "en"


def test_my_emails_has_a_switch_for_each_kind_of_email(client, home_page):
    person = UserFactory()
    client.force_login(person)
    html = client.get("/konto/mejl/").content.decode()
    for label in ("Mötespåminnelser", "Mejl om det du följer i forumet", "Mejl om förslag"):
        assert label in html
    response = client.post("/konto/mejl/", {"reply_emails": "daily"})  # the others switched off
    assert response["Location"] == "/konto/mejl/"
    person.refresh_from_db()
    assert (person.reminder_emails, person.reply_emails, person.proposal_emails) == (
        False,
        "daily",
        False,
    )
    client.post(
        "/konto/mejl/",
        {"reminder_emails": "on", "reply_emails": "never", "proposal_emails": "on"},
    )
    person.refresh_from_db()
    assert (person.reminder_emails, person.reply_emails, person.proposal_emails) == (
        True,
        "never",
        True,
    )


def test_the_profile_rejects_an_unknown_language_with_a_message(client, home_page):
    person = UserFactory()
    client.force_login(person)
    response = client.post("/konto/profil/", {"display_name": "A", "preferred_language": "xx"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    person.refresh_from_db()
    assert person.preferred_language == "sv"


def test_the_profile_needs_a_login(client, home_page):
    response = client.get("/konto/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_staff_groups_exist_with_their_permissions(home_page):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITORS,
        MODERATORS,
        ORGANISERS,
        SAFETY_COORDINATORS,
    }
    editor = UserFactory(groups=[EDITORS])
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("home.change_disruptionnotice")
    assert GroupPagePermission.objects.filter(
        group__name=EDITORS, permission__codename="publish_page"
    ).exists()
    resident = UserFactory()
    assert not resident.has_perm("wagtailadmin.access_admin")


def test_the_admin_login_goes_through_the_account_login(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/admin/")


@override_settings(TORGET_REQUIRE_STAFF_MFA=True)
def test_staff_without_two_factor_authentication_are_sent_to_set_it_up(client, home_page):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"


@override_settings(TORGET_REQUIRE_STAFF_MFA=True)
def test_staff_with_two_factor_authentication_reach_the_admin(client, home_page):
    from allauth.mfa.models import Authenticator

    editor = UserFactory(groups=[EDITORS])
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_only_a_confirmed_account_address_lets_a_person_take_part():
    confirmed = UserFactory(email="Amina_Y@example.org")
    assert has_verified_email(confirmed)
    # Another confirmed address of the same person, alike but for the "_" (a LIKE wildcard).
    waiting = UserFactory(email="a_b@example.org", verified=False)
    EmailAddress.objects.create(user=waiting, email="axb@example.org", verified=True)
    assert not has_verified_email(waiting)
    assert not has_verified_email(AnonymousUser())


def test_the_address_is_compared_whatever_its_case():
    person = UserFactory(email="amina@example.org")
    person.email = "Amina@Example.org"
    person.save()
    assert has_verified_email(person)


def test_a_person_sees_where_they_are_signed_in_and_signs_out_the_others(home_page):
    from django.test import Client

    person = UserFactory()
    laptop, phone = Client(HTTP_USER_AGENT="Laptop"), Client(HTTP_USER_AGENT="Telefon")
    for device in (laptop, phone):
        device.post("/konto/login/", {"login": person.email, "password": PASSWORD})
    html = laptop.get("/konto/sessions/").content.decode()
    assert "Laptop" in html and "Telefon" in html and "Ja, den här" in html
    laptop.post("/konto/sessions/")
    assert phone.get("/konto/profil/").status_code == 302  # signed out there
    assert laptop.get("/konto/profil/").status_code == 200
    assert "Telefon" not in laptop.get("/konto/sessions/").content.decode()


def test_sessions_need_a_login(client, home_page):
    assert client.get("/konto/sessions/").status_code == 302


def test_emails_to_an_account_holder_link_to_my_emails(home_page, meeting_page):
    """Moderators' decisions and a registration's cancellation too, not only newsletters."""
    from events import services as meeting_services
    from events.models import Registration
    from home.models import OutgoingEmail
    from moderation import services as moderation

    person = UserFactory()
    registration = meeting_services.registration_create(
        page=meeting_page,
        name="Amina",
        email=person.email,
        user=person,
        language="sv",
        source=Registration.Source.ACCOUNT,
    )
    meeting_services.registration_cancel(registration=registration)
    question = meeting_services.question_create(page=meeting_page, author=person, text="Varför?")
    moderation.item_hide(
        item=question, moderator=UserFactory(groups=[MODERATORS]), reason="Utanför ämnet"
    )
    moderation.user_suspend(
        user=person, moderator=UserFactory(groups=[MODERATORS]), reason="Hot", days=3
    )
    bodies = list(OutgoingEmail.objects.filter(to=person.email).values_list("body", flat=True))
    assert len(bodies) == 4  # confirmed, cancelled, hidden, suspended
    for body in bodies:
        assert "Välj vilka mejl du får: http" in body and "/konto/mejl/" in body
