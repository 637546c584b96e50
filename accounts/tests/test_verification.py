"""Verification (issue 20): what is kept, what the person sees, and that it goes."""

import json

import pytest
from django.utils import timezone

from accounts.models import Verification
from accounts.services import verification_record, verification_remove
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified():
    person = UserFactory()
    verification_record(user=person, method=Verification.Method.EID, person_hash="a" * 64)
    return person


def test_the_profile_shows_the_verification_and_the_person_removes_it(client, verified):
    client.force_login(verified)
    html = client.get("/konto/profil/").content.decode()
    assert "Ditt konto är verifierat som en person (e-legitimation," in html
    response = client.post("/konto/verifiering/ta-bort/", follow=True)
    assert "Din verifiering är borttagen." in response.content.decode()
    assert not Verification.objects.exists()
    assert "verifierat" not in client.get("/konto/profil/").content.decode()


def test_an_account_never_verified_hears_nothing_of_it(client):
    client.force_login(UserFactory())
    assert "Verifiering" not in client.get("/konto/profil/").content.decode()


def test_removing_needs_a_post_and_touches_only_ones_own(client, verified):
    client.force_login(UserFactory())
    assert client.get("/konto/verifiering/ta-bort/").status_code == 405
    client.post("/konto/verifiering/ta-bort/")
    assert Verification.objects.filter(user=verified).exists()
    assert not verification_remove(user=UserFactory())


def test_my_data_shows_how_and_when_never_the_fingerprint(client, verified):
    client.force_login(verified)
    html = client.get("/konto/mina-uppgifter/").content.decode()
    assert "Verifiering" in html and "e-legitimation" in html
    exported = json.loads(client.get("/konto/mina-uppgifter.json").content)
    assert exported["verification"] == [
        {
            "method": "e-legitimation",
            "verified_at": verified.verification.verified_at.isoformat(),
        }
    ]
    assert "a" * 64 not in html and "a" * 64 not in json.dumps(exported)


def test_a_new_verification_replaces_the_old_and_goes_with_the_account(verified):
    later = timezone.now()
    verification_record(user=verified, method=Verification.Method.IN_PERSON, at=later)
    verification = Verification.objects.get(user=verified)
    assert (verification.method, verification.verified_at, verification.person_hash) == (
        "in_person",
        later,
        None,
    )
    verified.delete()
    assert not Verification.objects.exists()
