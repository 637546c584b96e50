"""The retention rules: the command removes what is due and only that; the privacy page shows
the periods the command uses."""

import json
from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from accounts.services import MODERATORS
from accounts.sessions import SessionStore
from accounts.tests.factories import UserFactory
from events.models import Registration
from events.tests.test_registration import confirmed_guest, register_guest
from home import retention
from home.models import OutgoingEmail
from home.tests.factories import StandardPageFactory
from polls.models import Poll, PollOption, Vote
from reports.models import Observation
from reports.tests.test_reports import observation
from updates.models import Subscription

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def aged(model, obj, days, field="created_at"):
    model.objects.filter(pk=obj.pk).update(**{field: timezone.now() - days * DAY})


def session_for(user, *, expires_in_days):
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store.create()
    store.set_expiry(expires_in_days * DAY)
    store.save()
    return UserSession.objects.create(
        user=user, session_key=store.session_key, ip="192.0.2.1", user_agent="Firefox"
    )


@pytest.fixture
def due_and_not(meeting_page, site_tree):
    """For each rule, one thing past its period and one just inside it."""
    now = timezone.now()
    made = {}
    # Registrations: the meeting ended 31 days ago (due) and 29 days ago (not yet).
    made["registration_kept"] = confirmed_guest(meeting_page, "kept@example.org")
    old_page = meeting_page.copy(
        to=meeting_page.get_parent(),
        update_attrs={"slug": "gammalt", "title": "Gammalt möte"},
        copy_revisions=False,
        keep_live=True,
    )
    made["registration_due"] = confirmed_guest(old_page, "due@example.org")
    old_page.start, old_page.end = now - 31 * DAY - 2 * DAY / 24, now - 31 * DAY
    old_page.save_revision().publish()
    # A guest whose link lapsed two days ago (due) and one who may still confirm.
    made["guest_due"] = register_guest(meeting_page, "lapsed@example.org")
    aged(Registration, made["guest_due"], 2, "expires_at")
    made["guest_kept"] = register_guest(meeting_page, "waiting@example.org")
    # Observation reports: contact details after 90 days, the report after 365.
    district = site_tree["district"]
    made["contact_due"] = observation(district, contact_email="a@example.org")
    aged(Observation, made["contact_due"], 91)
    made["contact_kept"] = observation(district, contact_email="b@example.org")
    aged(Observation, made["contact_kept"], 89)
    made["report_due"] = observation(district)
    aged(Observation, made["report_due"], 366)
    # Emails: sent 31 days ago, failed 31 days ago, sent 29 days ago, still queued 40 days.
    for key, status, days in (
        ("email_due", OutgoingEmail.Status.SENT, 31),
        ("failed_due", OutgoingEmail.Status.FAILED, 31),
        ("email_kept", OutgoingEmail.Status.SENT, 29),
        ("queued_kept", OutgoingEmail.Status.QUEUED, 40),
    ):
        made[key] = OutgoingEmail.objects.create(to="x@example.org", subject=key, status=status)
        aged(OutgoingEmail, made[key], days)
    # Alert requests: unconfirmed for 8 days (due), 6 days, and confirmed long ago.
    for key, days, confirmed in (
        ("alert_due", 8, None),
        ("alert_kept", 6, None),
        ("alert_confirmed", 400, now),
    ):
        made[key] = Subscription.objects.create(email=f"{key}@example.org", confirmed_at=confirmed)
        aged(Subscription, made[key], days)
    # Accounts: never confirmed for 15 days (due), 13 days, and confirmed ones.
    made["account_due"] = UserFactory(verified=False)
    aged(User, made["account_due"], 15, "date_joined")
    made["account_kept"] = UserFactory(verified=False)
    aged(User, made["account_kept"], 13, "date_joined")
    made["account_confirmed"] = UserFactory()
    aged(User, made["account_confirmed"], 400, "date_joined")
    # Sessions: one that ended, one still going.
    made["session_due"] = session_for(made["account_confirmed"], expires_in_days=-1)
    made["session_kept"] = session_for(made["account_confirmed"], expires_in_days=3)
    # Poll votes: a poll closed 31 days ago and one closed 29 days ago.
    for key, days in (("vote_due", 31), ("vote_kept", 29)):
        poll = Poll.objects.create(
            question=key, page=meeting_page, opens_at=now - 60 * DAY, closes_at=now - days * DAY
        )
        option = PollOption.objects.create(poll=poll, text="Ja")
        made[key] = Vote.objects.create(poll=poll, option=option, user=made["account_confirmed"])
    return made


def test_the_command_removes_what_is_due_and_only_that(due_and_not, capsys):
    made = due_and_not
    call_command("purge_personal_data")
    output = capsys.readouterr().out

    def reloaded(key):
        obj = made[key]
        return type(obj).objects.filter(pk=obj.pk).first()

    assert reloaded("registration_due").email == "" and reloaded("registration_due").purged_at
    assert reloaded("registration_kept").email == "kept@example.org"
    assert reloaded("guest_due").email == "" and reloaded("guest_due").status == "expired"
    assert reloaded("guest_kept").email == "waiting@example.org"
    assert reloaded("contact_due").contact_email == ""
    assert reloaded("contact_kept").contact_email == "b@example.org"
    assert reloaded("report_due") is None
    assert reloaded("email_due") is None and reloaded("failed_due") is None
    assert reloaded("email_kept") and reloaded("queued_kept")
    assert reloaded("alert_due") is None
    assert reloaded("alert_kept") and reloaded("alert_confirmed")
    assert reloaded("account_due") is None
    assert reloaded("account_kept") and reloaded("account_confirmed")
    assert reloaded("session_due") is None and reloaded("session_kept")
    assert reloaded("vote_due").user is None
    assert reloaded("vote_kept").user == made["account_confirmed"]
    # Counts stay: the registrations and the votes are still there.
    assert Registration.objects.count() == 4 and Vote.objects.count() == 2
    assert "Removed names, emails and needs from 1 registrations for meetings" in output
    assert "Deleted 2 emails sent or given up more than 30 days ago." in output
    assert "Deleted 1 accounts never confirmed within 14 days." in output
    assert len(output.strip().splitlines()) == len([r for r in retention.rules() if r.purge])


def test_a_longer_period_in_the_settings_keeps_more(due_and_not, settings):
    settings.TORGET_REGISTRATION_RETENTION_DAYS = 45
    settings.TORGET_SENT_EMAIL_RETENTION_DAYS = 60
    retention.apply()
    assert Registration.objects.get(pk=due_and_not["registration_due"].pk).email
    assert OutgoingEmail.objects.filter(pk=due_and_not["email_due"].pk).exists()


def test_staff_accounts_without_a_confirmed_address_are_never_purged(settings):
    staff = UserFactory(verified=False, is_staff=True)
    colleague = UserFactory(verified=False, groups=[MODERATORS])  # made in the admin's Users
    for account in (staff, colleague):
        aged(User, account, 400, "date_joined")
    retention.apply()
    assert User.objects.filter(pk=staff.pk).exists()
    assert User.objects.filter(pk=colleague.pk).exists()


# The privacy page


@pytest.fixture
def privacy(site_tree):
    body = json.dumps(
        [
            {"type": "paragraph", "value": "<p>Vi sparar så lite som möjligt.</p>"},
            {"type": "retention", "value": None},
        ]
    )
    return StandardPageFactory(
        parent=site_tree["home"], title="Integritet", slug="integritet", body=body
    )


def test_the_privacy_page_shows_each_kind_of_data_with_the_configured_period(
    client, privacy, settings
):
    settings.TORGET_REGISTRATION_RETENTION_DAYS = 45
    settings.TORGET_OBSERVATION_CONTACT_DAYS = 1
    html = client.get("/integritet/").content.decode()
    assert "Tills 45 dagar efter mötet; sedan finns bara antalet kvar" in html
    assert "1 dag efter rapporten" in html
    assert "Tills du loggar ut, högst 14 dagar" in html
    for rule in retention.rules():
        assert f'id="retention-{rule.key}"' in html
    assert "Vem ser det" in html and "Varför" in html


def test_the_privacy_page_changes_with_the_settings_at_once(client, privacy, settings):
    assert "Tills 30 dagar efter mötet" in client.get("/integritet/").content.decode()
    settings.TORGET_REGISTRATION_RETENTION_DAYS = 60
    assert "Tills 60 dagar efter mötet" in client.get("/integritet/").content.decode()
