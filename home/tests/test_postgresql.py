"""The PostgreSQL backend asks a kept connection whether it works only after it was idle
(home/postgresql); make test-postgres runs these, make test-cluster restarts the database."""

from unittest import mock

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_a_connection_used_a_moment_ago_is_not_asked_again(settings):
    connection.ensure_connection()
    connection.close_if_unusable_or_obsolete()  # a request ended
    with mock.patch.object(connection, "is_usable", return_value=True) as asked:
        connection.health_check_enabled = True
        connection.close_if_health_check_failed()
    assert not asked.called
    assert connection.health_check_done


def test_a_connection_idle_for_a_while_is_asked_before_use():
    connection.ensure_connection()
    connection.close_if_unusable_or_obsolete()
    connection._finished_at -= connection.IDLE_SECONDS + 1
    with mock.patch.object(connection, "is_usable", return_value=True) as asked:
        connection.health_check_enabled = True
        connection.close_if_health_check_failed()
    assert asked.called
