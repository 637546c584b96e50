"""allauth, in each person's own language: a new account takes the language of the page it was
created on, and every email allauth sends (confirming an address, resetting a password, a
sign-in code) is written in the recipient's language from their profile."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from requests import RequestException


def _site_language(code: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.preferred_language = _site_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        with translation.override(self._recipient_language(email, context)):
            super().send_mail(template_prefix, email, context)

    @staticmethod
    def _recipient_language(email: str, context: dict) -> str:
        from allauth.account.models import EmailAddress

        user = context.get("user")
        if user is None:
            address = EmailAddress.objects.filter(email__iexact=email).select_related("user")
            user = getattr(address.first(), "user", None)
        if user is not None and getattr(user, "preferred_language", ""):
            return _site_language(user.preferred_language)
        return _site_language(translation.get_language())  # no account: the page's language


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """allauth's social accounts serve e-identification only (accounts.eid), and keep
    nothing: no account is created or linked from a provider's answer, and every answer ends
    in `came_back` or in a plain message that nothing was changed."""

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False

    def list_apps(self, request, provider=None, client_id=None) -> list:
        from accounts import eid

        app = eid.social_app()
        if app is None or provider not in (None, app.provider, app.provider_id):
            return []
        return [app] if client_id in (None, app.client_id) else []

    def pre_social_login(self, request, sociallogin) -> None:
        from accounts.eid.views import came_back

        raise ImmediateHttpResponse(came_back(request, sociallogin))

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        from accounts import eid

        state = (extra_context or {}).get("state") or {}
        with translation.override(state.get("language") or translation.get_language()):
            if error == AuthError.CANCELLED:
                message = _("You cancelled at %(eid)s. Nothing was changed.")
            elif isinstance(exception, RequestException):
                message = _(
                    "%(eid)s did not answer. Nothing was changed; please try again in a while."
                )
            else:
                message = _(
                    "The answer from %(eid)s could not be checked, so nothing was changed. "
                    "Please try again."
                )
            messages.error(request, message % {"eid": eid.name()})
            target = "profile" if request.user.is_authenticated else "account_login"
            raise ImmediateHttpResponse(redirect(target))
