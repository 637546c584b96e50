"""Redis as a cache that may go away without taking the site with it.

Django's Redis cache raises when Redis does not answer, so every page, and /healthz, failed
while Redis was down. This backend answers in its place: from a fallback cache when one is
named (OPTIONS "FALLBACK", a cache alias: the database's, which keeps rate limits counting), or
as a cache that keeps nothing (pages are then rendered for every request). After a failure it
leaves Redis alone for RETRY_SECONDS, so a Redis that times out costs one timeout, not one per
cache call; then it tries again, and when Redis answers it sends `redis_returned`, on which the
page cache makes everything that was kept before the outage stale (home.cache).

What Redis did is known to the whole process (Django gives each thread its own cache objects):
every thread leaves a failed Redis alone, and the first to find it again tells the others.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

redis_returned = Signal()  # sender: the cache that found Redis again

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_KEEPS_NOTHING = DummyCache("", {})  # the fallback of a cache that names none


class _Health:
    """How one Redis server is doing, as this process saw it last."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failed = False  # Redis failed since it last answered
        self.retry_at = 0.0  # time.monotonic() after which it is tried again


_health: dict[str, _Health] = {}
_health_lock = threading.Lock()


def _health_of(location: str) -> _Health:
    with _health_lock:
        return _health.setdefault(location, _Health())


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS", {}))}
        options = params["OPTIONS"]
        self._fallback_alias = options.pop("FALLBACK", None)
        self._retry_seconds = options.pop("RETRY_SECONDS", 2.0)
        # A Redis that does not answer must cost a fraction of a second, not a page.
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._health = _health_of(str(server))

    @property
    def available(self) -> bool:
        """Whether Redis answered last time it was asked (or has not been asked yet)."""
        return not self._health.failed

    def _fallback(self):
        return caches[self._fallback_alias] if self._fallback_alias else _KEEPS_NOTHING

    def _call(self, name, *args, **kwargs):
        health = self._health
        if health.failed and time.monotonic() < health.retry_at:
            return getattr(self._fallback(), name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE as error:
            with health.lock:
                if not health.failed:
                    logger.error("Redis does not answer (%s); serving without it", error)
                health.failed = True
                health.retry_at = time.monotonic() + self._retry_seconds
            return getattr(self._fallback(), name)(*args, **kwargs)
        if health.failed:
            with health.lock:
                returned, health.failed = health.failed, False
            if returned:
                logger.warning("Redis answers again")
                redis_returned.send(sender=self)
        return result

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")

    def ping(self) -> bool:
        """Whether Redis answers now (for /healthz)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNREACHABLE:
            return False
