"""A session is read with its account in one query (accounts.sessions), and the account is
still checked as Django checks it."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Session
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# A page that needs the reader and nothing else of the database: the account page.
ACCOUNT_PAGE = "/konto/profil/"


def signed_in(client, person):
    client.force_login(person)
    return client


def test_a_signed_in_request_reads_its_session_and_account_in_one_query(client):
    person = UserFactory()
    signed_in(client, person)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(ACCOUNT_PAGE)
    assert response.status_code == 200
    assert response.wsgi_request.user == person
    reading_the_account = [q["sql"] for q in queries if '"accounts_user"' in q["sql"]]
    assert len(reading_the_account) == 1
    assert '"accounts_session"' in reading_the_account[0]  # the same query as the session's


def test_the_session_names_its_account_and_goes_with_it(client):
    person = UserFactory()
    signed_in(client, person)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.get(session_key=key).user == person
    person.delete()
    assert not Session.objects.filter(session_key=key).exists()


def test_an_account_that_may_no_longer_sign_in_is_signed_out(client):
    person = UserFactory()
    signed_in(client, person)
    person.is_active = False
    person.save()
    assert not client.get(ACCOUNT_PAGE).wsgi_request.user.is_authenticated


def test_a_changed_password_ends_the_other_sessions(client):
    person = UserFactory()
    signed_in(client, person)
    person.set_password("a new and long password")
    person.save()
    response = client.get(ACCOUNT_PAGE)
    assert not response.wsgi_request.user.is_authenticated


def test_sessions_from_before_move_with_their_account(client):
    """accounts/0008: every session that has not ended keeps its reader signed in."""
    person = UserFactory()
    old = DjangoSessionStore()
    old.update(
        {
            "_auth_user_id": str(person.pk),
            "_auth_user_backend": "allauth.account.auth_backends.AuthenticationBackend",
            "_auth_user_hash": person.get_session_auth_hash(),
        }
    )
    old.create()
    migration = importlib.import_module("accounts.migrations.0008_session_with_account")
    migration.sessions_move(apps, None)
    moved = Session.objects.get(session_key=old.session_key)
    assert moved.user == person
    client.cookies[settings.SESSION_COOKIE_NAME] = old.session_key
    assert client.get(ACCOUNT_PAGE).wsgi_request.user == person
