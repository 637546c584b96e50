"""Django's and allauth's authentication backends, taking the account read with the session
(accounts.sessions) instead of looking it up again. It is checked as theirs would be: the
same id, allowed to sign in; Django then verifies the session's hash against it."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from accounts.sessions import read_with_session


class ReadWithSession:
    def get_user(self, user_id):
        account = read_with_session.get()
        if account is not None and str(account.pk) == str(user_id):
            return account if self.user_can_authenticate(account) else None
        return super().get_user(user_id)


class ModelBackend(ReadWithSession, DjangoModelBackend):
    pass


class AuthenticationBackend(ReadWithSession, AllauthBackend):
    pass
