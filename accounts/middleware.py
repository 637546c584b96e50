from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import middleware as auth_middleware
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from accounts.sessions import read_with_session

ADMIN_PREFIX = "/admin/"


class AdminForStaffOnlyMiddleware:
    """A signed-in resident who opens the admin gets one plain page saying it is for staff.
    (Wagtail sends them to the login page, which sends a signed-in person straight back.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(ADMIN_PREFIX)
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            language = request.user.preferred_language
            with translation.override(language):
                response = render(request, "accounts/admin_for_staff.html", status=403)
            response.headers["Content-Language"] = language
            return response
        return self.get_response(request)


class RequireStaffMFAMiddleware:
    """Keeps the Wagtail admin closed to staff who have not set up two-factor authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.TORGET_REQUIRE_STAFF_MFA
            and request.path_info.startswith(ADMIN_PREFIX)
            and request.user.is_authenticated
            and request.user.has_perm("wagtailadmin.access_admin")
            and not _has_totp(request.user)
        ):
            messages.warning(
                request,
                _("Set up two-factor authentication before you open the administration."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, handing authentication the account read with the session (accounts.sessions):
    a signed-in request costs one query for both, not two."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _user(request))


def _user(request):
    if not hasattr(request, "_cached_user"):
        request.session.keys()  # loads the session, and the account with it
        token = read_with_session.set(getattr(request.session, "account", None))
        try:
            request._cached_user = auth.get_user(request)
        finally:
            read_with_session.reset(token)
    return request._cached_user
