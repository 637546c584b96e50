"""Django's SQLite backend, with writers queued by the operating system.

SQLite lets one writer in at a time. Whoever finds the database locked sleeps and retries
(after 1, 2, 5, 10, 15, ... ms), so under many simultaneous writes (a registration storm) the
database often stands idle while writers sleep. Here every transaction first takes an
exclusive lock on a file beside the database: the kernel queues the writers and wakes the next
one the moment the previous commits. Single statements outside a transaction are untouched.
"""

import fcntl
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    _writer_lock = None

    def _writer_lock_path(self):
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}.writers"

    def _start_transaction_under_autocommit(self):
        path = self._writer_lock_path()
        if path and self._writer_lock is None:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._writer_lock = handle
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._writer_lock_release()
            raise

    def _writer_lock_release(self):
        if self._writer_lock is not None:
            handle, self._writer_lock = self._writer_lock, None
            os.close(handle)  # closing the file releases its lock

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._writer_lock_release()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._writer_lock_release()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._writer_lock_release()
