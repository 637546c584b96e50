"""Links that leave the site in emails: absolute addresses and signed, unguessable tokens."""

from django.conf import settings
from django.core import signing


def absolute_url(path: str) -> str:
    """The site's public address (WAGTAILADMIN_BASE_URL) in front of a path, for emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def signed_token(obj, salt: str) -> str:
    return signing.dumps(obj.pk, salt=salt)


def object_from_token(queryset, token: str, salt: str):
    """The object a token was signed for, or None when the token is forged or the object gone."""
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return queryset.filter(pk=pk).first()
