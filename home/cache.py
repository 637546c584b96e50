"""What anonymous visitors see is cached; a version makes all of it stale at once.

Every write to a table whose rows can show on a public page (pages, meetings and their
registrations, forum threads and posts, measures, notices, settings) replaces the content
version, both at once and again when the transaction commits. Cached pages and the parts that
hang on content (notices, a thread's posts) are keyed by that version, so the next request
after a change renders afresh: nobody sees a stale count of places left. Writes to the site's
structure (page tables, sites, locales, view restrictions, site settings) also replace the
structure version, which keys what only they can change: routes, menus, the site lookup.
Writes to a private table that a page shows its owner (an address, a suspension, a follow)
replace the readers version, which with the content version keys what is kept for each reader
(`reader_part`).

With Redis (`REDIS_URL`), the versions live in Redis and every machine shares them. Without
Redis, each worker process has its own local-memory cache, and the versions live in small files
that every worker on the machine reads (`TORGET_CONTENT_VERSION_FILE` and its "-structure").

While Redis is away, nothing is kept and pages are rendered for every request; a change made
meanwhile could not replace the versions, so a process that saw Redis fail replaces them when
Redis answers again (`_redis_returned`): what was kept before the outage is never served.
"""

import functools
import hashlib
import os
import re
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from home.connections import wrap_every_connection
from home.redis_cache import redis_returned

VERSION_KEY = "torget:content-version"
PART_SECONDS = 600  # parts change only with what they hang on, which changes a version

# Tables whose rows never reach a public page: writing them must not empty the cache. Some no
# page shows at all, not even to the person they belong to; writing them also keeps what is
# kept for each reader (reader_part).
_NEVER_SHOWN_PREFIXES = (
    "accounts_session",
    "django_",
    "torget_cache",
    "home_outgoingemail",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_modellogentry",
    "wagtailadmin_",
    "wagtailsearch_",
    "wagtail_localize_",  # translation memory; a translation reaches pages when it is published
    "events_registrationlogentry",
    "updates_alertsent",
)
# The others a page shows to their owner (an address confirmed, a suspension, a follow, a
# question supported): writing them makes what is kept for each reader stale.
_SHOWN_TO_THEIR_OWNER_PREFIXES = (
    "accounts_",  # after "accounts_session" above
    "account_",
    "mfa_",
    "auth_",
    "reports_",
    "moderation_",
    "wagtailcore_pagesubscription",
    "wagtailcore_taskstate",
    "wagtailcore_workflowstate",
    "wagtailcore_comment",
    "wagtailusers_",
    "events_questionsupport",
    "forums_follow",
    "forums_postrevision",
    "updates_subscription",
)
# Also SQLite's "INSERT OR IGNORE INTO", which bulk creation that ignores conflicts writes.
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)',
    re.IGNORECASE,
)


def page_cache():
    return caches[settings.TORGET_PAGE_CACHE]


CONTENT, STRUCTURE, READERS = "content", "structure", "readers"
_last_read = {}


def _version_file(kind: str) -> str:
    path = settings.TORGET_CONTENT_VERSION_FILE
    return path if kind == CONTENT or not path else f"{path}-{kind}"


@functools.cache
def _periods() -> str:
    """The retention periods, which the privacy page shows: a worker started with other values
    must not serve what was cached under the old ones (Redis outlives a restart)."""
    from home.retention import rules

    return ".".join(str(rule.days) for rule in rules() if rule.setting)


@receiver(setting_changed)
def _periods_forget(**kwargs):
    _periods.cache_clear()  # tests change settings while running


def version(kind: str = CONTENT) -> str:
    """The current version of public content, or of the site's structure (pages, sites,
    locales, settings), which changes less often and keys what only it can change."""
    return f"{_stored_version(kind)}:{_periods()}"


def _stored_version(kind: str) -> str:
    path = _version_file(kind)
    if not path:
        return page_cache().get(f"{VERSION_KEY}:{kind}") or "0"
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return "0"
    # Every change renames a new file over the old one, so a new inode means a new version:
    # the file is read only when it changed, not for every part of every page.
    stamp = (status.st_ino, status.st_mtime_ns, status.st_size)
    seen = _last_read.get(path)
    if seen is None or seen[0] != stamp:
        try:
            seen = (stamp, Path(path).read_text())
        except FileNotFoundError:
            return "0"
        _last_read[path] = seen
    return seen[1]


def content_version() -> str:
    return version(CONTENT)


def _version_replace(kind: str) -> None:
    value = uuid.uuid4().hex
    path = _version_file(kind)
    if not path:
        page_cache().set(f"{VERSION_KEY}:{kind}", value, timeout=None)
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    # Written beside and renamed over, so a reader never sees half a version.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".version-")
    with os.fdopen(handle, "w") as file:
        file.write(value)
    os.replace(temporary, path)


def content_changed() -> None:
    """Makes every cached page and the parts that hang on content stale."""
    _version_replace(CONTENT)


def readers_changed() -> None:
    """Makes what is kept for each reader stale (reader_part)."""
    _version_replace(READERS)


def structure_changed() -> None:
    """Makes everything stale: pages, their parts, and what hangs on the site's structure."""
    _version_replace(STRUCTURE)
    _version_replace(CONTENT)


@receiver(redis_returned)
def _redis_returned(sender, **kwargs):
    if not settings.TORGET_CONTENT_VERSION_FILE:  # the versions are kept in Redis
        structure_changed()


def cached_part(
    name: str,
    build: Callable[[], Any],
    *parts: Any,
    kind: str = CONTENT,
    timeout: int = PART_SECONDS,
) -> Any:
    """A piece of pages (menu, footer, a page's route) for the current version of `kind`,
    the active language and `parts`, kept at most `timeout` seconds."""
    key = ":".join(
        ["torget:part", kind, version(kind), get_language() or "", name, *map(str, parts)]
    )
    value = page_cache().get(key)
    if value is None:
        value = build()
        page_cache().set(key, value, timeout=timeout)
    return value


# What differs per response in a page or part that everyone shares: the CSRF token in forms
# and the nonce of inline scripts. Kept as placeholders, put back for each reader.
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
CSRF_PLACEHOLDER = b"__torget_csrf_token__"
NONCE_PLACEHOLDER = b"__torget_csp_nonce__"


def reader_values_remove(content: bytes, request) -> bytes:
    """`content` with this response's CSRF token and script nonce replaced by placeholders."""
    content = CSRF_FIELD.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    return content


def reader_values_put(content: bytes, request) -> bytes:
    """The placeholders of `reader_values_remove` replaced by this reader's token and nonce."""
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, reader_csrf_token(request).encode())
    if NONCE_PLACEHOLDER in content:
        content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
    return content


def reader_csrf_token(request) -> str:
    """One masked CSRF token for all the parts of a response (Django masks the secret anew,
    with 32 random characters, at each call), made again if the secret changes (a login)."""
    from django.middleware.csrf import get_token

    secret = request.META.get("CSRF_COOKIE")
    kept = getattr(request, "_torget_csrf_token", None)
    if kept is None or kept[0] != secret:
        token = get_token(request)
        kept = request._torget_csrf_token = (request.META.get("CSRF_COOKIE"), token)
    return kept[1]


def deferred(build: Callable[[], dict], *names: str) -> dict:
    """Context for a template whose values `build` works out only when the template first uses
    one of them: when a shared part renders (home.templatetags.shared_tags), not when it comes
    from the cache. Each value stands in for what it will be, so a template tests it by its
    truth (`{% if results %}`), never by identity (`is None`)."""
    values = SimpleLazyObject(build)
    return {name: SimpleLazyObject(lambda name=name: values[name]) for name in names}


def structure_part(name: str, build: Callable[[], Any], *parts: Any) -> Any:
    return cached_part(name, build, *parts, kind=STRUCTURE)


def reader_part(user, name: str, build: Callable[[], Any], *parts: Any) -> Any:
    """What a page shows only to `user` (their registration, their votes, what they follow):
    worked out once and kept under their account until anything public or anything of any
    reader's changes (the content and readers versions), so a signed-in page read again costs
    no query beyond the session's. `build` must not depend on the time; `parts` name what else
    it depends on."""
    # Hashed: the parts may hold an email address, which has no place in the cache's keys.
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = ":".join(
        ["torget:reader", version(CONTENT), _stored_version(READERS), str(user.pk), name, digest]
    )
    value = page_cache().get(key)
    if value is None:
        value = (build(),)  # kept in a tuple: None and False are answers too
        page_cache().set(key, value, timeout=PART_SECONDS)
    return value[0]


def _written_kind(sql: str) -> str | None:
    """What a statement changes: STRUCTURE, CONTENT, what some reader sees of their own
    (READERS), or nothing any page shows (None)."""
    match = _WRITE.match(sql)
    if not match:
        return None
    table = match.group(1).lower()
    if table.startswith(_NEVER_SHOWN_PREFIXES):
        return None
    if table.startswith(_SHOWN_TO_THEIR_OWNER_PREFIXES):
        return READERS
    return STRUCTURE if table in _structure_tables() else CONTENT


_structure = set()


def _structure_tables() -> set[str]:
    """Every page type's table (route and section lookups keep page objects), sites, locales,
    view restrictions and the site settings."""
    if not _structure:
        from django.apps import apps
        from wagtail.models import Page

        _structure.update(
            model._meta.db_table for model in apps.get_models() if issubclass(model, Page)
        )
        _structure.update(
            ("wagtailcore_site", "wagtailcore_locale", "wagtailcore_pageviewrestriction")
        )
        _structure.add("home_sitesettings")
    return _structure


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    kind = _written_kind(sql) if isinstance(sql, str) else None
    if kind:
        connection = context["connection"]
        changed = {
            STRUCTURE: structure_changed,
            CONTENT: content_changed,
            READERS: readers_changed,
        }[kind]
        changed()
        if connection.in_atomic_block and not any(
            callback is changed for _ids, callback, _robust in connection.run_on_commit
        ):
            # Again after commit: a page rendered meanwhile from the old rows is stale too.
            transaction.on_commit(changed, using=connection.alias, robust=True)
    return result


def install() -> None:
    wrap_every_connection(_watch_writes, "torget-content-version")


def active_locale():
    """Wagtail's `Locale.get_active()`, looked up once per content version and language."""
    from wagtail.models import Locale

    return structure_part("locale", Locale.get_active)


def section_page(model):
    """The live page of `model` (the forum, the meeting list) in the active language, or None."""
    return structure_part(
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

    return structure_part(
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
    in this process for the structure version rather than looked up in the shared cache (the
    database, without Redis) each time. The list is never changed once built."""
    from wagtail.models import Site

    current = version(STRUCTURE)
    if current not in _root_paths:
        _root_paths.clear()
        _root_paths[current] = structure_part("site-root-paths", Site.get_site_root_paths)
    return _root_paths[current]
