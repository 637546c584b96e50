"""E-identification over OpenID Connect (issue 20): any broker (BankID, Freja eID …) through
allauth's OpenID Connect provider, configured only from the environment. Of all the provider
says, one thing is kept: a keyed hash of the claim that identifies the person, so that one
person verifies one account. No account is ever created or linked here: allauth's
social accounts stay empty (see `accounts.adapter.SocialAccountAdapter`)."""

import hashlib
import hmac

from django.conf import settings

PROVIDER_ID = "eid"


def configured() -> bool:
    return bool(settings.TORGET_EID_OIDC_URL)


def name() -> str:
    """What the button says: the broker's own name, for example "BankID"."""
    return settings.TORGET_EID_NAME


def social_app():
    """allauth's app for the broker, from the settings alone (so tests and deployments
    configure it the same way), or None when there is no broker."""
    if not configured():
        return None
    from allauth.socialaccount.models import SocialApp

    return SocialApp(
        provider="openid_connect",
        provider_id=PROVIDER_ID,
        name=name(),
        client_id=settings.TORGET_EID_CLIENT_ID,
        secret=settings.TORGET_EID_CLIENT_SECRET,
        # Only the ID token is read (its signature checked); no user info is fetched.
        settings={
            "server_url": settings.TORGET_EID_OIDC_URL,
            "fetch_userinfo": False,
            "scope": settings.TORGET_EID_SCOPES,
        },
    )


def person_hash(claim: str) -> str:
    """HMAC-SHA256 of the person claim: the same person gives the same hash, and without the
    key nobody can tell from it who the person is (a personal identity number has few enough
    values to be guessed from a plain hash)."""
    key = settings.TORGET_VERIFICATION_SECRET.encode()
    return hmac.new(key, claim.encode(), hashlib.sha256).hexdigest()


def masked_email(email: str) -> str:
    """Enough of an address for its owner to recognise it, too little for anyone else:
    a***@e***.se."""
    local, _at, domain = email.partition("@")
    host, _dot, top = domain.rpartition(".")
    return f"{local[:1]}***@{host[:1]}***.{top}" if host else f"{local[:1]}***@{domain[:1]}***"
