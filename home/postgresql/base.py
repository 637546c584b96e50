"""Django's PostgreSQL backend, asking a kept connection whether it still works only when it
has been idle a while.

With persistent connections and health checks (which let every server recover by itself after
the database restarts, issue 19), Django sends `SELECT 1` before the first query of every
request: a round trip to the database on each signed-in page, about as dear as a query of its
own. A connection that finished a request less than IDLE_SECONDS ago is taken to work; one that
breaks in that moment fails that one request with the 503 page and is closed after it.
"""

import time

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    IDLE_SECONDS = 1.0
    _finished_at = None  # time.monotonic() when the last request with this connection ended

    def close_if_unusable_or_obsolete(self):
        super().close_if_unusable_or_obsolete()
        self._finished_at = time.monotonic() if self.connection is not None else None

    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self._finished_at is not None
            and time.monotonic() - self._finished_at < self.IDLE_SECONDS
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
