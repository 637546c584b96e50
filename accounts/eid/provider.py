"""allauth's OpenID Connect provider with two checks more: a nonce in every request that the
ID token must carry back, and the ID token's signature checked even when it came straight from
the token endpoint (allauth skips that, as the specification allows; we check it anyway)."""

import secrets

from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.utils import translation
from requests import RequestException


class EidAdapter(OpenIDConnectOAuth2Adapter):
    def get_callback_url(self, request, app):
        # The broker knows one address to send people back to, whatever the page's language.
        with translation.override(settings.LANGUAGE_CODE):
            return super().get_callback_url(request, app)

    def _decode_id_token(self, app, id_token: str) -> dict:
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )


class EidProvider(OpenIDConnectProvider):
    package = "accounts.eid"  # its URLs: the callback outside the language prefixes
    oauth2_adapter_class = EidAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params["nonce"] = nonce
        try:
            return super().redirect(
                request,
                process,
                next_url,
                data,
                auth_params=auth_params,
                nonce=nonce,
                language=translation.get_language(),
                **kwargs,
            )
        except RequestException as error:  # the broker's discovery did not answer
            return render_authentication_error(request, self, exception=error)


provider_classes = [EidProvider]
