"""Sessions in the database with the account they belong to in the same row
(accounts.models.Session): loading a signed-in reader's session reads their account with it,
one query where Django's own sessions take two. The account is handed to Django's
authentication through `read_with_session` (accounts.backends), which checks it as it would
check an account it looked up itself.

The query is written out once per database (`_Statement`): every signed-in request and every
stale cookie asks it, and the ORM took six times longer to compile it than the database to
answer it."""

import contextvars
import logging

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.db import connections, router
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
            session, account = _Statement.of(self.model).run(self.session_key)
        except (self.model.DoesNotExist, SuspiciousOperation) as error:
            if isinstance(error, SuspiciousOperation):
                logging.getLogger(f"django.security.{error.__class__.__name__}").warning(error)
            self._session_key = None
            return None
        self.account = account
        return session

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data[SESSION_KEY])
        except (KeyError, TypeError, ValueError):
            instance.user_id = None
        return instance


class _Statement:
    """`Session.objects.select_related("user").get(session_key=…, expire_date__gt=now)` as
    SQL written out for one database, with the ORM's own conversions of each column."""

    _made: dict = {}

    @classmethod
    def of(cls, model) -> "_Statement":
        alias = router.db_for_read(model)
        if alias not in cls._made:
            cls._made[alias] = cls(model, alias)
        return cls._made[alias]

    def __init__(self, model, alias):
        connection = connections[alias]
        quote = connection.ops.quote_name
        self.alias = alias
        self.models = (model, get_user_model())
        self.fields = [each._meta.concrete_fields for each in self.models]
        session_table, account_table = (quote(each._meta.db_table) for each in self.models)
        columns = ", ".join(
            f"{table}.{quote(field.column)}"
            for table, fields in zip((session_table, account_table), self.fields, strict=True)
            for field in fields
        )
        key, expiry, owner = (
            f"{session_table}.{quote(model._meta.get_field(name).column)}"
            for name in ("session_key", "expire_date", "user")
        )
        account_id = f"{account_table}.{quote(self.models[1]._meta.pk.column)}"
        # Names from the models, values as parameters.
        self.sql = (
            f"SELECT {columns} FROM {session_table} LEFT OUTER JOIN {account_table}"  # noqa: S608
            f" ON {account_id} = {owner} WHERE {key} = %s AND {expiry} > %s"
        )
        # For each model: its fields' names, and each column with the ORM's conversions.
        self.names = [[field.attname for field in fields] for fields in self.fields]
        self.columns = [
            [
                (
                    column,
                    connection.ops.get_db_converters(column) + column.get_db_converters(connection),
                )
                for column in (field.get_col(each._meta.db_table) for field in fields)
            ]
            for each, fields in zip(self.models, self.fields, strict=True)
        ]
        self.account_field = model._meta.get_field("user")

    def run(self, session_key):
        """The session and its account (None when it has none); DoesNotExist when there is
        no such session that has not expired."""
        connection = connections[self.alias]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [session_key, now])
            row = cursor.fetchone()
        if row is None:
            raise self.models[0].DoesNotExist
        session_count = len(self.names[0])
        session = self._instance(0, row[:session_count], connection)
        account = None
        if session.user_id is not None:
            account = self._instance(1, row[session_count:], connection)
            self.account_field.set_cached_value(session, account)
        return session, account

    def _instance(self, which, values, connection):
        converted = []
        for value, (column, converters) in zip(values, self.columns[which], strict=True):
            for converter in converters:
                value = converter(value, column, connection)
            converted.append(value)
        return self.models[which].from_db(self.alias, self.names[which], converted)
