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
