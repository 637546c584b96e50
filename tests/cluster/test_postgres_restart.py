"""PostgreSQL restarts under load."""

import threading
import time

from tests.cluster.guests import guest_address, guest_registers
from tests.cluster.processes import wait_for
from tests.cluster.visitor import Visitor, text_of

REGISTERED = """
import json
from events.models import Registration
print(json.dumps(sorted(Registration.objects.filter(email__in={addresses!r})
                        .values_list("email", flat=True))))
"""


def test_during_a_restart_requests_get_a_plain_503_and_nothing_confirmed_is_lost(healthy, pages):
    cluster = healthy
    resident = Visitor("198.51.100.70")
    resident.log_in(cluster.a, "boende@example.org")
    stop = threading.Event()
    answers = []
    registered = []

    def read(server):
        while not stop.is_set():
            page = resident.get(server, "/konto/moten/")  # signed in: from the database
            answers.append((page.status, page.text))

    def register(server, prefix):
        number = 0
        while not stop.is_set():
            guest = Visitor(f"{prefix}.{number // 250}.{number % 250 + 1}")
            try:
                response = guest_registers(guest, server, pages["places"], number)
            except KeyError:  # the page that carries the form was the 503 page
                continue
            finally:
                number += 1
            answers.append((response.status, response.text))
            if response.status == 302:
                registered.append(guest_address(guest, number - 1))
            stop.wait(0.2)  # a few a second: each is an email for the worker afterwards

    load = [threading.Thread(target=read, args=(server,)) for server in (cluster.a, cluster.b)]
    load += [threading.Thread(target=register, args=(cluster.a, "10.60"))]
    load += [threading.Thread(target=register, args=(cluster.b, "10.61"))]
    for thread in load:
        thread.start()
    try:
        time.sleep(1)
        cluster.postgres.restart()
        time.sleep(2)
    finally:
        stop.set()
        for thread in load:
            thread.join()

    statuses = {status for status, _text in answers}
    assert statuses <= {200, 302, 503}, statuses
    for status, text in answers:
        if status == 503:
            assert "Webbplatsen kan inte svara just nu" in text_of(text)
            assert "Traceback" not in text
    # Both servers recovered without a restart of their own.
    for server in (cluster.a, cluster.b):
        assert resident.get(server, "/konto/moten/").status == 200
        assert resident.get(server, "/healthz").status == 200
    # Every guest told "almost done" is in the database, and gets the email that asks them to
    # confirm (the worker, which exits when its database goes away, was started again).
    assert registered
    assert cluster.django(REGISTERED.format(addresses=registered)) == sorted(registered)
    wait_for(
        lambda: {mail.to for mail in cluster.mail.received()} >= set(registered),
        seconds=60,
        message="not every registered guest got their email",
    )
