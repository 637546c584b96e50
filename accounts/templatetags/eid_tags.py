from django import template
from django.urls import reverse

from accounts import eid

register = template.Library()


@register.simple_tag
def eid_start() -> dict | None:
    """Where the e-identification button posts to, and its name; None when no broker is
    configured (then no page mentions it)."""
    if not eid.configured():
        return None
    url = reverse("openid_connect_login", kwargs={"provider_id": eid.PROVIDER_ID})
    return {"name": eid.name(), "url": url}
