"""allauth, in each person's own language: a new account takes the language of the page it was
created on, and every email allauth sends (confirming an address, resetting a password, a
sign-in code) is written in the recipient's language from their profile."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation


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
