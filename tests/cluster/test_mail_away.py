"""The mail server goes away, and the worker is killed while it sends."""

import collections
import threading
import time

from tests.cluster.guests import guest_address, guest_registers
from tests.cluster.processes import wait_for
from tests.cluster.visitor import Visitor

OUTBOX = """
import json
from home.models import OutgoingEmail
emails = OutgoingEmail.objects.filter(to__in={addresses!r})
print(json.dumps({{"waiting": emails.filter(status="queued", attempts__gte=1).count(),
                   "sent": emails.filter(status="sent").count()}}))
"""


def registered(cluster, prefix, count, page_url):
    guests = [Visitor(f"{prefix}.{n + 1}") for n in range(count)]
    for number, guest in enumerate(guests):
        server = cluster.a if number % 2 else cluster.b
        assert guest_registers(guest, server, page_url, number).status == 302
    return [guest_address(guest, number) for number, guest in enumerate(guests)]


def each_received_once(cluster, addresses):
    by_address = collections.Counter(
        mail.to for mail in cluster.mail.received() if mail.to in addresses
    )
    return by_address == dict.fromkeys(addresses, 1)


def no_message_twice(cluster):
    counts = collections.Counter(cluster.mail.message_ids())
    return [message_id for message_id, count in counts.items() if count > 1]


def test_registrations_succeed_while_mail_is_refused_and_are_delivered_once_after(healthy, pages):
    cluster = healthy
    cluster.mail.stop()  # connections are refused
    addresses = registered(cluster, "10.40.0", 6, pages["places"])
    outbox = OUTBOX.format(addresses=addresses)
    wait_for(lambda: cluster.django(outbox)["waiting"] == 6, message="the emails did not wait")
    cluster.mail.start()
    # The worker goes on with new registrations while two machines' timers send what waits.
    later = registered(cluster, "10.40.1", 2, pages["places"])
    timers = [
        threading.Thread(target=cluster.manage, args=("send_queued_emails", "--now"))
        for _ in range(2)
    ]
    for timer in timers:
        timer.start()
    for timer in timers:
        timer.join()
    wait_for(lambda: each_received_once(cluster, addresses + later), seconds=60)
    assert cluster.django(outbox)["sent"] == 6
    assert no_message_twice(cluster) == []


def test_a_worker_killed_in_the_middle_of_a_batch_leaves_nothing_unsent_or_sent_twice(
    healthy, pages
):
    cluster = healthy
    cluster.worker.stop()  # a batch builds up
    addresses = registered(cluster, "10.50.0", 12, pages["places"])
    cluster.mail.hold_at(len(cluster.mail.received()) + 5)
    cluster.worker.start()
    assert cluster.mail.holding.wait(60), "the worker did not send"
    restarts = cluster.worker.restarts
    cluster.worker.kill()  # while the fifth message of the batch is on its way
    time.sleep(0.5)
    cluster.mail.let_go()
    wait_for(lambda: cluster.worker.restarts == restarts + 1, message="not started again")
    # The email the dead worker held is free again once its claim lapses (8 s here, a minute
    # by default); the timer's send_queued_emails sends it then.
    time.sleep(9)
    cluster.manage("send_queued_emails")
    wait_for(lambda: each_received_once(cluster, addresses), seconds=60)
    assert no_message_twice(cluster) == []
