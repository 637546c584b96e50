"""Redis that does not answer (nothing listens on its port: a real refused connection) must not
take a page, /healthz or a rate limit down. make test-cluster stops and freezes a real Redis
under two app servers."""

import socket
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.utils import translation

from home.ratelimit import rate_limit_exceeded
from home.redis_cache import redis_returned
from home.views import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_away(settings):
    from home import redis_cache

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free, and nobody listens on it
    url = f"redis://127.0.0.1:{port}/0"
    redis = {"BACKEND": "home.redis_cache.ResilientRedisCache", "LOCATION": url}
    settings.CACHES = {
        "default": {**redis, "OPTIONS": {"FALLBACK": "database"}},
        "database": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {**redis, "KEY_PREFIX": "pages"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.REDIS_URL = url
    settings.TORGET_CONTENT_VERSION_FILE = ""
    yield url
    redis_cache._health.pop(url, None)


def test_without_redis_the_page_cache_keeps_nothing_and_raises_nothing(redis_away):
    pages = caches["pages"]
    pages.set("page", "kept")
    assert pages.get("page") is None
    assert pages.get("page", "default") == "default"
    assert pages.get_many(["page"]) == {}
    assert pages.available is False


def test_without_redis_the_default_cache_counts_in_its_fallback(redis_away):
    assert caches["default"].add("count", 1) is True
    assert caches["default"].incr("count") == 2
    assert caches["database"].get("count") == 2


def test_a_failed_redis_is_left_alone_for_a_moment_then_tried_again(redis_away):
    pages = caches["pages"]
    with (
        mock.patch("django.core.cache.backends.redis.RedisCache.get") as redis_get,
        mock.patch("django.core.cache.backends.redis.RedisCache.set"),
    ):
        redis_get.side_effect = ConnectionRefusedError("refused")
        pages.get("a")
        pages.get("b")
        assert redis_get.call_count == 1  # the second went straight to the fallback
        pages._health.retry_at = 0  # the moment has passed
        redis_get.side_effect = None
        redis_get.return_value = "back"
        heard = []

        def returned(sender, **kwargs):
            heard.append(sender)

        redis_returned.connect(returned)
        try:
            assert pages.get("c") == "back"
        finally:
            redis_returned.disconnect(returned)
    assert heard == [pages]
    assert pages.available is True


def test_when_redis_answers_again_what_was_kept_before_is_stale(redis_away):
    from home.cache import content_version, page_cache

    page_cache()._health.failed = True  # this process saw Redis fail
    with (
        mock.patch("django.core.cache.backends.redis.RedisCache.get", return_value="old"),
        mock.patch("django.core.cache.backends.redis.RedisCache.set") as redis_set,
    ):
        content_version()
    written = {call.args[0]: call.args[1] for call in redis_set.call_args_list}
    assert set(written) == {"torget:content-version:content", "torget:content-version:structure"}
    assert "old" not in written.values()


def test_healthz_answers_200_and_says_redis_is_unavailable(client, redis_away):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"database: ok\nredis: unavailable\n"


def test_every_public_page_is_served_without_redis(client, redis_away, site_tree, meeting_page):
    pages = [site_tree[name] for name in ("home", "district_index", "district", "about")]
    for path in [page.url for page in pages] + [meeting_page.url, "/en/", "/sok/?q=Fittja"]:
        assert client.get(path).status_code == 200, path


def test_a_rate_limit_without_any_count_refuses(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with mock.patch(
        "django.core.cache.backends.locmem.LocMemCache.add", side_effect=OSError("gone")
    ):
        assert rate_limit_exceeded("test", "1.2.3.4", limit=100) is True


def test_without_redis_rate_limits_still_count(redis_away):
    assert [rate_limit_exceeded("test", "1.2.3.4", limit=2) for _ in range(3)] == [
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(("language", "direction"), [("sv", "ltr"), ("ar", "rtl")])
def test_a_database_that_does_not_answer_gets_a_plain_503_page(rf, language, direction):
    with translation.override(language):
        try:
            raise OperationalError("connection to server at 127.0.0.1 failed")
        except OperationalError:
            response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in page
    assert "Traceback" not in page and "127.0.0.1" not in page


def test_any_other_error_is_still_a_500(rf):
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
