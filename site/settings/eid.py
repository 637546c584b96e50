"""E-identification (accounts.eid): any OpenID Connect broker, from the environment alone.

Without TORGET_EID_OIDC_URL the site says nothing about it.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env, env_list

TORGET_EID_NAME = env("TORGET_EID_NAME", "BankID")
TORGET_EID_OIDC_URL = env("TORGET_EID_OIDC_URL", "")  # the issuer; discovery finds the rest
TORGET_EID_CLIENT_ID = env("TORGET_EID_CLIENT_ID", "")
TORGET_EID_CLIENT_SECRET = env("TORGET_EID_CLIENT_SECRET", "")
TORGET_EID_PERSON_CLAIM = env("TORGET_EID_PERSON_CLAIM", "sub")  # in the ID token
TORGET_EID_SCOPES = env_list("TORGET_EID_SCOPES", "openid")
TORGET_VERIFICATION_SECRET = env("TORGET_VERIFICATION_SECRET", "")
if TORGET_EID_OIDC_URL and not (
    TORGET_EID_CLIENT_ID and TORGET_EID_CLIENT_SECRET and TORGET_VERIFICATION_SECRET
):
    raise ImproperlyConfigured(
        "TORGET_EID_OIDC_URL needs TORGET_EID_CLIENT_ID, TORGET_EID_CLIENT_SECRET and "
        "TORGET_VERIFICATION_SECRET"
    )
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
# The one app is built from the settings above by accounts.eid.social_app; none in the database.
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "accounts.eid.provider.EidProvider",
        "OAUTH_PKCE_ENABLED": True,
    }
}
