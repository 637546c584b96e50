"""E-identification (issue 20) against a real OpenID Connect provider on 127.0.0.1
(tests/oidc_provider): discovery, the redirect, the code exchange, the signed ID token."""

import socket
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount, SocialToken

from accounts import eid as eid_module
from accounts.models import Verification
from accounts.services import verification_remove
from accounts.tests.factories import UserFactory
from tests.oidc_provider import identify

pytestmark = pytest.mark.django_db

ANNA = "199001011234"
START = "/konto/oidc/eid/login/"


def through_the_provider(client, person, *, process="connect", approve=True, start=START):
    """Press the button, do what the person does at the provider, and come back."""
    leaving = client.post(f"{start}?process={process}")
    assert leaving.status_code == 302, leaving
    back = identify(leaving["Location"], person, approve=approve)
    split = urlsplit(back)
    return client.get(f"{split.path}?{split.query}", follow=True)


def test_a_resident_verifies_and_only_a_keyed_hash_of_the_person_is_kept(client, eid):
    resident = UserFactory()
    client.force_login(resident)
    assert "Verifiera dig" in client.get("/konto/profil/").content.decode()
    page = through_the_provider(client, ANNA).content.decode()
    assert "Du är verifierad med Testlegitimation." in page
    assert "Ditt konto är verifierat som en person (e-legitimation," in page
    verification = Verification.objects.get(user=resident)
    assert verification.method == Verification.Method.EID
    assert verification.person_hash == eid_module.person_hash(ANNA)
    assert ANNA not in verification.person_hash
    assert not SocialAccount.objects.exists()
    assert not SocialToken.objects.exists()


def test_the_request_carries_state_nonce_and_pkce_and_comes_back_to_one_address(client, eid):
    client.force_login(UserFactory())
    leaving = client.post(f"/en{START}?process=connect")
    query = parse_qs(urlsplit(leaving["Location"]).query)
    assert leaving["Location"].startswith(eid.url)
    assert query["state"][0] and query["nonce"][0]
    assert query["code_challenge_method"] == ["S256"]
    # The broker knows one return address, whatever the language of the page.
    assert query["redirect_uri"] == ["http://testserver/konto/oidc/eid/login/callback/"]
    back = urlsplit(identify(leaving["Location"], ANNA))
    page = client.get(f"{back.path}?{back.query}", follow=True)
    assert page.redirect_chain[-1][0] == "/en/konto/profil/"
    assert "You are verified with Testlegitimation." in page.content.decode()


def test_the_same_person_cannot_verify_a_second_account(client, eid):
    first = UserFactory(email="anna.andersson@exempel.se")
    client.force_login(first)
    through_the_provider(client, ANNA)
    second = UserFactory()
    client.force_login(second)
    page = through_the_provider(client, ANNA).content.decode()
    assert "Den här e-legitimationen verifierar redan kontot a***@e***.se." in page
    assert "anna.andersson" not in page
    assert not Verification.objects.filter(user=second).exists()
    # Removed from the first account, it moves to the second.
    verification_remove(user=first)
    through_the_provider(client, ANNA)
    assert Verification.objects.get(user=second).person_hash == eid_module.person_hash(ANNA)


def test_a_verified_person_logs_in_with_it_and_nobody_else_does(client, eid):
    resident = UserFactory()
    client.force_login(resident)
    through_the_provider(client, ANNA)
    client.logout()
    assert "Logga in med Testlegitimation" in client.get("/konto/login/").content.decode()
    through_the_provider(client, ANNA, process="login")
    assert client.get("/konto/profil/").context["user"] == resident
    client.logout()
    page = through_the_provider(client, "198502023456", process="login").content.decode()
    assert "Inget konto är verifierat med Testlegitimation för dig ännu." in page
    assert client.get("/konto/profil/").status_code == 302  # still not logged in
    assert Verification.objects.count() == 1


@pytest.mark.parametrize("person", ["197703030001", "197703030002", "197703030003", "197703030004"])
def test_a_tampered_id_token_is_refused_and_changes_nothing(client, eid, person):
    """Signed with another key, for another audience, with another nonce, expired."""
    client.force_login(UserFactory())
    page = through_the_provider(client, person)
    html = page.content.decode()
    assert page.redirect_chain[-1][0] == "/konto/profil/"
    assert "Svaret från Testlegitimation gick inte att kontrollera, så ingenting ändrades." in html
    assert not Verification.objects.exists()


def test_cancelling_at_the_provider_changes_nothing(client, eid):
    client.force_login(UserFactory())
    page = through_the_provider(client, ANNA, approve=False).content.decode()
    assert "Du avbröt hos Testlegitimation. Ingenting ändrades." in page
    assert not Verification.objects.exists()


def test_a_provider_that_does_not_answer_gives_a_clear_message(client, eid, settings):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.TORGET_EID_OIDC_URL = f"http://127.0.0.1:{probe.getsockname()[1]}/o"
    client.force_login(UserFactory())
    page = client.post(f"{START}?process=connect", follow=True)
    assert "Testlegitimation svarade inte. Ingenting ändrades" in page.content.decode()
    assert not Verification.objects.exists()


def test_without_a_broker_the_site_says_nothing_of_it(client):
    client.force_login(UserFactory())
    assert "Verifi" not in client.get("/konto/profil/").content.decode()
    client.logout()
    assert "Logga in med" not in client.get("/konto/login/").content.decode()
    assert client.post(f"{START}?process=login").status_code == 404
    assert client.get("/konto/3rdparty/").status_code == 404


def test_a_verification_at_the_door_leaves_an_e_identification_in_place(client, eid):
    from accounts.services import verification_record

    resident = UserFactory()
    client.force_login(resident)
    through_the_provider(client, ANNA)
    verification_record(user=resident, method=Verification.Method.IN_PERSON)
    assert Verification.objects.get(user=resident).method == Verification.Method.EID
