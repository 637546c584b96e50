"""Redis goes away: stopped (it starts again empty, as a cache should) or frozen (a network
partition: it comes back with what it held)."""

import collections

from tests.cluster.guests import confirm_at_once, guest_registers, registered_guests
from tests.cluster.processes import wait_for
from tests.cluster.test_one_site import places_left
from tests.cluster.visitor import Visitor, text_of

PUBLIC_PAGES = ["/", "/en/", "/ar/", "/moten/", "/stadsdelar/fittja/", "/trygghet/", "/forum/"]
PUBLIC_PAGES += ["/forslag/", "/sok/?q=m%C3%B6te"]

SMALL_MEETING = """
import json
from events.models import EventPage
registrations = EventPage.objects.get(slug="litet-mote").meeting.registrations
print(json.dumps({"places": registrations.confirmed().places()}))
"""


def test_while_redis_is_stopped_the_site_goes_on(healthy, pages):
    cluster = healthy
    resident = Visitor("198.51.100.50")
    resident.log_in(cluster.a, "boende@example.org")
    reader = Visitor("198.51.100.51")
    cluster.redis.stop()
    try:
        for server in (cluster.a, cluster.b):
            for path in PUBLIC_PAGES:
                assert reader.get(server, path).status == 200, (server.name, path)
            health = reader.get(server, "/healthz")
            assert (health.status, health.text) == (200, "database: ok\nredis: unavailable\n")
            mine = resident.get(server, "/konto/moten/")  # still signed in
            assert mine.status == 200 and "Logga ut" in text_of(mine.text)

        # Registrations work, and the change shows on the other server.
        meeting = pages["without_redis"]
        before = places_left(reader.get(cluster.b, meeting).text)
        resident.get(cluster.a, meeting)
        registered = resident.post(
            cluster.a, meeting + "anmalan/", {"companions": "0"}, form_on=meeting
        )
        assert registered.status == 302
        assert places_left(reader.get(cluster.b, meeting).text) == before - 1

        # The rate limit still counts (in the database), on both servers together.
        script = Visitor("198.51.100.52")
        answers = [
            guest_registers(script, cluster.a if n % 2 else cluster.b, pages["places"], n).status
            for n in range(21)
        ]
        assert answers == [302] * 20 + [429]

        # Twenty guests confirm ten places at once: never more than ten.
        guests = registered_guests(cluster, pages["small"], 20, "10.30")
        statuses = confirm_at_once(cluster, guests)
        assert all(status < 500 for status in statuses), collections.Counter(statuses)
        assert cluster.django(SMALL_MEETING)["places"] == 10
        changed = places_left(reader.get(cluster.b, meeting).text)
    finally:
        cluster.redis.start()

    # Redis is back: caching resumes by itself, and nothing from before is served.
    for server in (cluster.a, cluster.b):
        wait_for(lambda server=server: reader.get(server, "/healthz").text.endswith("redis: ok\n"))
        wait_for(
            lambda server=server: reader.get(server, meeting).headers["X-Torget-Cache"] == "hit",
            message="caching did not resume",
        )
        assert places_left(reader.get(server, meeting).text) == changed


def test_a_change_made_while_redis_was_unreachable_shows_when_it_answers_again(healthy, pages):
    cluster = healthy
    meeting = pages["without_redis"]
    reader = Visitor("198.51.100.60")
    for server in (cluster.a, cluster.b):
        reader.get(server, meeting)
        assert reader.get(server, meeting).headers["X-Torget-Cache"] == "hit"
    before = places_left(reader.get(cluster.b, meeting).text)
    cluster.redis.freeze()  # it keeps the pages kept before, and their version
    try:
        resident = Visitor("198.51.100.61")
        resident.log_in(cluster.a, "forening@example.org")
        resident.get(cluster.a, meeting)
        response = resident.post(
            cluster.a, meeting + "anmalan/", {"companions": "0"}, form_on=meeting
        )
        assert response.status == 302
        assert places_left(reader.get(cluster.b, meeting).text) == before - 1
    finally:
        cluster.redis.thaw()
    for server in (cluster.a, cluster.b):
        for _ in range(30):  # the old page never comes back, and caching resumes
            page = reader.get(server, meeting)
            assert places_left(page.text) == before - 1, server.name
        wait_for(
            lambda server=server: reader.get(server, meeting).headers["X-Torget-Cache"] == "hit",
            message="caching did not resume",
        )
