import json
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from jwcrypto import jwk, jwt
from jwcrypto.common import base64url_decode
from oauth2_provider.oauth2_validators import OAuth2Validator

from tests.oidc_provider import PEOPLE, PERSON_CLAIM


class Validator(OAuth2Validator):
    # Every claim goes in the ID token, as the brokers put the personal identity number there.
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        return {PERSON_CLAIM: request.user.username}

    def finalize_id_token(self, id_token, token, token_handler, request):
        signed = super().finalize_id_token(id_token, token, token_handler, request)
        fault = PEOPLE.get(request.user.username, "")
        if not fault:
            return signed
        header, claims = (json.loads(base64url_decode(part)) for part in signed.split(".")[:2])
        key = request.client.jwk_key
        if fault == "wrong-signature":
            key = jwk.JWK.from_pem(settings.FORGER_KEY.encode())
        elif fault == "wrong-audience":
            claims["aud"] = "another-service"
        elif fault == "wrong-nonce":
            claims["nonce"] = "not-the-one-sent"
        elif fault == "expired":
            claims["exp"] = int((timezone.now() - timedelta(minutes=5)).timestamp())
        forged = jwt.JWT(header=header, claims=claims)
        forged.make_signed_token(key)
        return forged.serialize()
