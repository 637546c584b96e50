"""Hooks on every SQL statement: the content version (home.cache) and the memory of pictures
(home.memory) watch what is written."""

from django.db.backends.signals import connection_created


def wrap_every_connection(wrapper, uid: str) -> None:
    """Runs `wrapper` (Django's execute wrapper) around each statement of every database
    connection made from now on."""

    def watch(sender, connection, **kwargs):
        if wrapper not in connection.execute_wrappers:
            connection.execute_wrappers.append(wrapper)

    connection_created.connect(watch, dispatch_uid=uid, weak=False)
