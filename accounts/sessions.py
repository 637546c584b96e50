"""Sessions in the database with the account they belong to in the same row
(accounts.models.Session): loading a signed-in reader's session reads their account with it,
one query where Django's own sessions take two. The account is handed to Django's
authentication through `read_with_session` (accounts.backends), which checks it as it would
check an account it looked up itself."""

import contextvars
import logging

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

# The account read with the session of the request being authenticated.
read_with_session = contextvars.ContextVar("read_with_session", default=None)


class SessionStore(DatabaseSessionStore):
    account = None  # the account signed in to this session, read with it

    @classmethod
    def get_model_class(cls):
        from accounts.models import Session

        return Session

    def _get_session_from_db(self):
        try:
            session = self.model.objects.select_related("user").get(
                session_key=self.session_key, expire_date__gt=timezone.now()
            )
        except (self.model.DoesNotExist, SuspiciousOperation) as error:
            if isinstance(error, SuspiciousOperation):
                logging.getLogger(f"django.security.{error.__class__.__name__}").warning(error)
            self._session_key = None
            return None
        self.account = session.user
        return session

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            instance.user_id = None
        return instance
