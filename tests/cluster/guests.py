"""Guests who register without an account and confirm by the link in their email."""

import concurrent.futures
import re
import threading

from tests.cluster.processes import wait_for
from tests.cluster.visitor import Visitor

LINK = re.compile(r"https?://[^/\s]+(/anmalan/[^/\s]+/)")


def guest_address(visitor, number):
    return f"gast-{visitor.address}-{number}@example.org"


def guest_registers(visitor, server, page_url, number):
    """The meeting page's form, filled in as a guest: name, email, consent."""
    visitor.get(server, page_url)
    return visitor.post(
        server,
        page_url + "anmalan/",
        {
            "name": f"Gäst {number}",
            "email": guest_address(visitor, number),
            "companions": "0",
            "consent": "on",
        },
        form_on=page_url,
    )


def registered_guests(cluster, page_url, count, prefix):
    """`count` guests, each from an address of their own, registered through A and B in turn;
    returns each with the link from the email that asks them to confirm."""
    guests = [(Visitor(f"{prefix}.{n // 250}.{n % 250 + 1}"), n) for n in range(count)]
    for visitor, number in guests:
        server = cluster.a if number % 2 else cluster.b
        assert guest_registers(visitor, server, page_url, number).status == 302

    addresses = {guest_address(visitor, number) for visitor, number in guests}

    def asked():
        return {
            mail.to: mail
            for mail in cluster.mail.received()
            if mail.to in addresses and mail.subject.startswith("Bekräfta din anmälan")
        }

    wait_for(
        lambda: len(asked()) == len(guests),
        seconds=120,
        message="not every guest was asked to confirm by email",
    )
    links = {address: LINK.search(mail.body)[1] for address, mail in asked().items()}
    return [(visitor, number, links[guest_address(visitor, number)]) for visitor, number in guests]


def confirm_at_once(cluster, guests):
    """Every guest opens their link, then all press "confirm" at the same moment, half
    through A and half through B. Returns the status of each press."""
    for visitor, number, link in guests:
        visitor.get(cluster.a if number % 2 else cluster.b, link)
    start = threading.Barrier(len(guests))

    def confirm(guest):
        visitor, number, link = guest
        start.wait()
        server = cluster.a if number % 2 else cluster.b
        return visitor.post(server, link, {"action": "confirm"}, timeout=120).status

    with concurrent.futures.ThreadPoolExecutor(len(guests)) as pool:
        return list(pool.map(confirm, guests))
