"""What anonymous visitors see is cached; one content version makes all of it stale at once.

Every write to a table whose rows can show on a public page (pages, meetings and their
registrations, forum threads and posts, measures, notices, settings) replaces the content
version, both at once and again when the transaction commits. Cached pages and the cached parts
of every page (menu, footer, locales) are keyed by that version, so the next request after a
change renders afresh: nobody sees a stale count of places left.

With Redis (`REDIS_URL`), the version lives in Redis and every machine shares it. Without Redis,
each worker process has its own local-memory cache, and the version lives in a small file that
every worker on the machine reads (`TORGET_CONTENT_VERSION_FILE`).
"""

import os
import re
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models import Q
from django.utils.translation import get_language

VERSION_KEY = "torget:content-version"
PART_SECONDS = 600  # parts change only with content, which changes the version

# Tables whose rows never reach a public page: writing them must not empty the cache.
_PRIVATE_TABLE_PREFIXES = (
    "accounts_",
    "account_",
    "mfa_",
    "django_",
    "auth_",
    "reports_",
    "moderation_",
    "home_outgoingemail",
    "torget_cache",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailcore_pagesubscription",
    "wagtailcore_taskstate",
    "wagtailcore_workflowstate",
    "wagtailcore_comment",
    "wagtailadmin_",
    "wagtailusers_",
    "wagtailsearch_",
    "events_registrationlogentry",
    "events_questionsupport",
    "forums_follow",
    "forums_postrevision",
    "updates_subscription",
    "updates_alertsent",
)
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)', re.IGNORECASE
)


def page_cache():
    return caches[settings.TORGET_PAGE_CACHE]


_last_read = {"stamp": None, "version": "0"}


def content_version() -> str:
    path = settings.TORGET_CONTENT_VERSION_FILE
    if not path:
        return page_cache().get(VERSION_KEY) or "0"
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return "0"
    # Every change renames a new file over the old one, so a new inode means a new version:
    # the file is read only when it changed, not for every part of every page.
    stamp = (status.st_ino, status.st_mtime_ns, status.st_size)
    if stamp != _last_read["stamp"]:
        try:
            version = Path(path).read_text()
        except FileNotFoundError:
            return "0"
        _last_read.update(stamp=stamp, version=version)
    return _last_read["version"]


def content_changed() -> None:
    """Makes every cached page and page part stale."""
    version = uuid.uuid4().hex
    path = settings.TORGET_CONTENT_VERSION_FILE
    if not path:
        page_cache().set(VERSION_KEY, version, timeout=None)
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    # Written beside and renamed over, so a reader never sees half a version.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".content-version-")
    with os.fdopen(handle, "w") as file:
        file.write(version)
    os.replace(temporary, path)


def cached_part(name: str, build: Callable[[], Any], *parts: Any) -> Any:
    """A piece of every page (menu, footer) for this content version, language and `parts`."""
    key = ":".join(["torget:part", content_version(), get_language() or "", name, *map(str, parts)])
    value = page_cache().get(key)
    if value is None:
        value = build()
        page_cache().set(key, value, timeout=PART_SECONDS)
    return value


def _is_public_write(sql: str) -> bool:
    match = _WRITE.match(sql)
    return bool(match) and not match.group(1).lower().startswith(_PRIVATE_TABLE_PREFIXES)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_public_write(sql):
        connection = context["connection"]
        content_changed()
        if connection.in_atomic_block and not any(
            callback is content_changed for _ids, callback, _robust in connection.run_on_commit
        ):
            # Again after commit: a page rendered meanwhile from the old rows is stale too.
            transaction.on_commit(content_changed, using=connection.alias, robust=True)
    return result


def watch_connection(sender, connection, **kwargs):
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def install() -> None:
    connection_created.connect(watch_connection, dispatch_uid="torget-content-version")


def active_locale():
    """Wagtail's `Locale.get_active()`, looked up once per content version and language."""
    from wagtail.models import Locale

    return cached_part("locale", Locale.get_active)


def section_page(model):
    """The live page of `model` (the forum, the meeting list) in the active language, or None."""
    return cached_part(
        "section",
        lambda: model.objects.live().filter(locale=active_locale()).first(),
        model._meta.label_lower,
    )


def notices_not_ended() -> list:
    """Every disruption notice that has not ended, for all languages."""
    from home.models import DisruptionNotice

    return cached_part("notices", lambda: list(DisruptionNotice.objects.not_ended()))


def restricted_paths() -> list[str]:
    """The tree paths of the pages that have a view restriction (theirs and their subpages')."""
    from wagtail.models import PageViewRestriction

    return cached_part(
        "restricted", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(pages):
    """Wagtail's `.public()` without its query on every call: restricted sections are cached."""
    paths = restricted_paths()
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return pages.exclude(restricted) if paths else pages


_root_paths = {}


def site_root_paths():
    """Wagtail's `Site.get_site_root_paths()`, which needs them for every `page.url`, kept
    in this process for the content version rather than looked up in the shared cache (the
    database, without Redis) each time. The list is never changed once built."""
    from wagtail.models import Site

    version = content_version()
    if version not in _root_paths:
        _root_paths.clear()
        _root_paths[version] = cached_part("site-root-paths", Site.get_site_root_paths)
    return _root_paths[version]
