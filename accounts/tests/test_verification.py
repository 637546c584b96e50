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


def test_a_new_verification_replaces_the_old_and_goes_with_the_account():
    person = UserFactory()
    verification_record(user=person, method=Verification.Method.IN_PERSON)
    later = timezone.now()
    verification_record(user=person, method=Verification.Method.EID, person_hash="b" * 64, at=later)
    verification = Verification.objects.get(user=person)
    assert (verification.method, verification.verified_at, verification.person_hash) == (
        "eid",
        later,
        "b" * 64,
    )
    person.delete()
    assert not Verification.objects.exists()


def test_editors_see_who_is_verified_how_and_when_never_the_fingerprint(client, verified):
    from accounts.services import EDITORS, MODERATORS

    in_person = UserFactory(display_name="Bilal")
    verification_record(user=in_person, method=Verification.Method.IN_PERSON)
    client.force_login(UserFactory(groups=[EDITORS]))
    html = client.get("/admin/verifieringar/").content.decode()
    assert verified.email in html and in_person.email in html
    assert "1 verifierade på plats, 1 med e-legitimation." in html
    assert "a" * 64 not in html
    html = client.get("/admin/verifieringar/", {"q": "bilal"}).content.decode()
    assert in_person.email in html and verified.email not in html
    assert "/admin/verifieringar/" in client.get("/admin/").content.decode()  # the menu
    client.force_login(UserFactory(groups=[MODERATORS]))
    assert client.get("/admin/verifieringar/").status_code == 403
    assert "/admin/verifieringar/" not in client.get("/admin/").content.decode()
