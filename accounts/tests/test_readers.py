"""The written-out reader statement (accounts.readers) answers as the ORM's rules do."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import has_verified_email
from accounts.readers import reader_row, suspension_found
from accounts.tests.factories import UserFactory
from moderation.models import Suspension
from moderation.services import active_suspension

pytestmark = pytest.mark.django_db


def _suspension(person):
    return suspension_found(*reader_row(person, ""))


def test_the_confirmed_address_rule_is_the_one_accounts_apply():
    confirmed = UserFactory(email="Amina_Y@example.org")
    waiting = UserFactory(email="a_b@example.org", verified=False)
    EmailAddress.objects.create(user=waiting, email="axb@example.org", verified=True)
    for person in (confirmed, waiting):
        assert bool(reader_row(person, "")[0]) == has_verified_email(person)
    assert reader_row(confirmed, "")[0]
    assert not reader_row(waiting, "")[0]


def test_the_suspension_found_is_the_one_that_stops_writing():
    reader = UserFactory()
    now = timezone.now()
    Suspension.objects.create(user=reader, reason="Utgången", until=now - timedelta(hours=1))
    Suspension.objects.create(user=reader, reason="Hävd", lifted_at=now)
    assert _suspension(reader) is None
    assert active_suspension(reader) is None
    current = Suspension.objects.create(user=reader, reason="Hot", until=now + timedelta(days=3))
    assert _suspension(reader) == current
    assert active_suspension(reader) == current


def test_more_columns_follow_the_two_rules():
    reader = UserFactory()
    row = reader_row(reader, "%(number)s, %(user)s", number=7)
    assert row[2:] == (7, reader.pk)


def test_the_row_is_kept_for_the_reader_until_something_of_theirs_changes(
    django_assert_num_queries,
):
    waiting = UserFactory(verified=False)
    assert not reader_row(waiting, "")[0]
    with django_assert_num_queries(0):
        assert not reader_row(waiting, "")[0]
    EmailAddress.objects.filter(user=waiting).update(verified=True)
    assert reader_row(waiting, "")[0]
    other = UserFactory()
    assert reader_row(other, "%(user)s")[2] == other.pk  # never the row kept for someone else


def test_a_kept_suspension_stops_at_its_end_and_one_still_lasting_takes_over(monkeypatch):
    reader = UserFactory()
    now = timezone.now()
    longer = Suspension.objects.create(user=reader, reason="Hot", until=now + timedelta(days=3))
    shorter = Suspension.objects.create(user=reader, reason="Spam", until=now + timedelta(hours=1))
    assert _suspension(reader) == shorter
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2))
    assert _suspension(reader) == longer
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=4))
    assert _suspension(reader) is None
