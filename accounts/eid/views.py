"""The way to the broker and back. allauth runs the OpenID Connect flow (state, PKCE, the code
exchange, the ID token's signature, issuer, audience and expiry); `came_back` decides what the
answer means for Torget, and nothing else of the answer is kept."""

import hmac

from allauth.account.internal.decorators import login_not_required
from allauth.account.utils import perform_login
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from accounts import eid
from accounts.models import Verification
from accounts.services import VerificationError, verification_record_eid
from home.ratelimit import client_ip, rate_limit_exceeded

from .provider import EidAdapter

# Each start asks the broker for its configuration; a flood of starts would become the
# broker's flood (and its bill).
STARTS_PER_HOUR = 30


@login_not_required
def login(request, provider_id):
    if request.method == "POST" and rate_limit_exceeded(
        "eid-start", client_ip(request), limit=STARTS_PER_HOUR
    ):
        message = _("Too many attempts from your connection. Please try again in an hour.")
        messages.error(request, message)
        return redirect("profile" if request.user.is_authenticated else "account_login")
    return _through(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request, provider_id):
    return _through(OAuth2CallbackView, request, provider_id)


def _through(view_class, request, provider_id) -> HttpResponse:
    try:
        return view_class.adapter_view(EidAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


def came_back(request, sociallogin) -> HttpResponse:
    """The broker has identified someone: verify the signed-in account, or sign in the account
    this person verified earlier."""
    state = sociallogin.state
    claims = sociallogin.account.extra_data.get("id_token") or {}
    sent, returned = state.get("nonce") or "", str(claims.get("nonce") or "")
    claim = claims.get(settings.TORGET_EID_PERSON_CLAIM)
    if not sent or not hmac.compare_digest(sent, returned) or not claim:
        return render_authentication_error(
            request,
            sociallogin.provider,
            exception=OAuth2Error("ID token without the nonce sent or the person claim"),
            extra_context={"state": state},
        )
    person = eid.person_hash(str(claim))
    with translation.override(state.get("language") or translation.get_language()):
        if request.user.is_authenticated:
            return _verify(request, person)
        return _sign_in(request, person, state.get("next"))


def _verify(request, person: str) -> HttpResponse:
    try:
        verification_record_eid(user=request.user, person_hash=person)
    except VerificationError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("You are verified with %(eid)s. Your supports and votes now count as one person's.")
            % {"eid": eid.name()},
        )
    return redirect("profile")


def _sign_in(request, person: str, next_url: str | None) -> HttpResponse:
    verification = Verification.objects.held_by(person)
    if verification is None:
        messages.error(
            request,
            _(
                "No account is verified with %(eid)s for you yet. Log in with your email address "
                "and choose “Verify yourself” on your profile; after that you can log in "
                "with %(eid)s."
            )
            % {"eid": eid.name()},
        )
        return redirect("account_login")
    return perform_login(request, verification.user, redirect_url=next_url or "/")
