"""One site on two machines: what a person does through one server, the other shows."""

import re

from tests.cluster.guests import guest_registers
from tests.cluster.visitor import Visitor, text_of

PLACES_LEFT = re.compile(r"(\d+) platser kvar")


def places_left(page):
    return int(PLACES_LEFT.search(text_of(page))[1])


def test_a_registration_on_a_changes_the_places_left_that_b_serves(healthy, pages):
    cluster = healthy
    reader = Visitor("198.51.100.10")
    reader.get(cluster.b, pages["places"])
    kept = reader.get(cluster.b, pages["places"])
    assert kept.headers["X-Torget-Cache"] == "hit"  # B keeps the page in the shared cache
    before = places_left(kept.text)
    resident = Visitor("198.51.100.11")
    resident.log_in(cluster.a, "boende@example.org")
    resident.get(cluster.a, pages["places"])
    response = resident.post(
        cluster.a, pages["places"] + "anmalan/", {"companions": "1"}, form_on=pages["places"]
    )
    assert response.status == 302
    page = reader.get(cluster.b, pages["places"])  # at once: well within the second asked for
    assert places_left(page.text) == before - 2


def test_a_page_published_through_a_is_on_b_at_once(healthy, pages):
    cluster = healthy
    reader = Visitor("198.51.100.20")
    assert reader.get(cluster.b, pages["draft_url"]).status == 404
    listing = reader.get(cluster.b, pages["index"]).text
    assert "Möte som publiceras i klustret" not in listing
    editor = Visitor("198.51.100.21")
    editor.log_in(cluster.a, "redaktor@example.org")
    confirm = f"/admin/bulk/wagtailcore/page/publish/?id={pages['draft_pk']}"
    assert editor.get(cluster.a, confirm).status == 200
    response = editor.post(cluster.a, confirm, {"include_descendants": ""})
    assert response.status == 302, text_of(response.text)[:500]
    page = reader.get(cluster.b, pages["draft_url"])
    assert page.status == 200
    assert "Möte som publiceras i klustret" in page.text
    assert "Möte som publiceras i klustret" in reader.get(cluster.b, pages["index"]).text


def test_a_resident_signed_in_through_a_is_signed_in_on_b(healthy):
    cluster = healthy
    resident = Visitor("198.51.100.30")
    resident.log_in(cluster.a, "boende@example.org")
    page = resident.get(cluster.b, "/konto/moten/")
    assert page.status == 200
    assert "Logga ut" in text_of(page.text)


def test_the_guest_registration_limit_counts_a_and_b_together(healthy, pages):
    cluster = healthy
    guest = Visitor("198.51.100.40")  # one address, as a script would have
    statuses = [
        guest_registers(guest, cluster.a if number % 2 else cluster.b, pages["places"], number)
        for number in range(20)
    ]
    assert [response.status for response in statuses] == [302] * 20
    refused = guest_registers(guest, cluster.a, pages["places"], 20)
    assert refused.status == 429
    assert "För många anmälningar från din uppkoppling" in text_of(refused.text)
    assert guest_registers(guest, cluster.b, pages["places"], 21).status == 429
    other = Visitor("198.51.100.41")
    assert guest_registers(other, cluster.b, pages["places"], 0).status == 302
