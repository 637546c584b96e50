"""`make bench-first`: the first visit to every demo page answers in under half a second.

A fresh database gets the demo as `make run` loads it (its pictures' renditions are made by
the task as the demo loads, never by a page); the server starts; then every public page that
the menus and pages link to, in every language, is fetched once, as the first
visitor does, and timed. The slowest are listed; the exit code is 1 when one took longer than
the goal.
"""

import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

from bench.processes import ROOT, Server, database_fresh, environment

GOAL_SECONDS = 0.5
MOST_PAGES = 2000
SKIPPED = ("/static/", "/media/", "/admin/", "/konto/", "/api/", "/bench/", "/cms-images/")
SKIPPED_ENDINGS = (".ics", ".csv", ".json", ".jsonld", ".xml", ".rss", ".pdf", "/feed/")


def links(base: str, html: str) -> set[str]:
    found = set()
    for href in re.findall(r'href="([^"#]+)', html):
        url = urllib.parse.urlsplit(urllib.parse.urljoin(base, href.replace("&amp;", "&")))
        path = url.path
        if url.netloc != urllib.parse.urlsplit(base).netloc or url.query:
            continue
        if path.startswith(SKIPPED) or path.endswith(SKIPPED_ENDINGS):
            continue
        found.add(path)
    return found


def first_visits(base: str) -> dict[str, float]:
    timed: dict[str, float] = {}
    waiting = deque(["/"])  # the language switch leads to every language's pages
    seen = set(waiting)
    while waiting and len(timed) < MOST_PAGES:
        path = waiting.popleft()
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path) as answer:  # noqa: S310
                body = answer.read()
                kind = answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{path} answered {error.code}") from error
        timed[path] = time.perf_counter() - began
        if kind.startswith("text/html"):
            for found in links(base + path, body.decode()) - seen:
                seen.add(found)
                waiting.append(found)
    return timed


def main() -> int:
    database_url = f"sqlite:///{ROOT}/var/bench/first-views.sqlite3"
    env = environment(database_url)
    print(f"== a fresh database with the demo, as make run loads it: {database_url}", flush=True)
    database_fresh(env)
    server = Server(env)
    try:
        timed = first_visits(server.base)
    finally:
        server.stop()
    slowest = sorted(timed.items(), key=lambda item: item[1], reverse=True)
    print(f"{len(timed)} pages, each visited once; the slowest:")
    for path, seconds in slowest[:10]:
        print(f"  {seconds * 1000:7.0f} ms  {path}")
    over = [path for path, seconds in slowest if seconds > GOAL_SECONDS]
    if over:
        print(f"goal missed: {len(over)} pages took longer than {GOAL_SECONDS} s")
        return 1
    print(f"goal met: every first view under {GOAL_SECONDS} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
