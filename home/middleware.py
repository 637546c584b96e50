import math

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

from home.models import DisruptionNotice

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere; Wagtail's own admin still needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            return PolicyParts(
                config=parts.config,
                update=parts.update,
                replace={
                    "script-src": [SELF, UNSAFE_INLINE],
                    "style-src": [SELF, UNSAFE_INLINE],
                    "img-src": [SELF, "data:", "blob:"],
                },
                nonce=None,
            )
        return parts


class PublicCacheMiddleware:
    """Lets browsers and proxies keep anonymous pages for a while, never past a notice change."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._is_public(request, response):
            patch_cache_control(response, public=True, max_age=self._max_age())
        return response

    def _is_public(self, request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not response.cookies
            and not request.path_info.startswith(ADMIN_PREFIX)
            and not request.user.is_authenticated
        )

    def _max_age(self):
        now = timezone.now()
        max_age = settings.PUBLIC_CACHE_SECONDS
        next_change = DisruptionNotice.objects.next_change_after(now)
        if next_change:
            max_age = min(max_age, math.ceil((next_change - now).total_seconds()))
        return max(max_age, 0)
