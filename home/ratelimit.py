import logging
import time

from django.core.cache import caches

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    # REMOTE_ADDR is the proxy's address behind a load balancer; production settings set
    # TORGET_TRUSTED_PROXY_HEADER so the client's address is read from the proxy's header.
    from django.conf import settings

    header = getattr(settings, "TORGET_TRUSTED_PROXY_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_exceeded(
    scope: str, key: str, *, limit: int, period: int = 3600, using: str = "default"
) -> bool:
    """Count one attempt in a fixed window; True once `key` has used up `limit` attempts.

    Limits guard writes, so when no count can be kept (neither Redis nor the database cache
    answers) the attempt is refused rather than a flood let through. Reads are counted in a
    cache `using` that costs no write to the database (the page cache)."""
    window = int(time.time() // period)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache = caches[using]
    try:
        cache.add(cache_key, 0, timeout=period)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # evicted between add and incr
            cache.set(cache_key, 1, timeout=period)
            count = 1
    except Exception:
        logger.exception("No rate limit count for %s; refusing the attempt", scope)
        return True
    return count > limit
