"""The registration storm across both machines."""

import collections

from tests.cluster.guests import confirm_at_once, guest_address, registered_guests
from tests.cluster.processes import wait_for

CONFIRMED = """
import json
from events.models import EventPage
meeting = EventPage.objects.get(slug="stormen").meeting
registrations = meeting.registrations
print(json.dumps({"places": registrations.confirmed().places(),
                  "confirmed": sorted(registrations.confirmed().values_list("email", flat=True)),
                  "waitlisted": registrations.filter(status="waitlisted").count()}))
"""


def test_200_guests_confirm_at_once_half_through_a_and_half_through_b(healthy, pages):
    cluster = healthy
    guests = registered_guests(cluster, pages["storm"], 200, "10.20")
    statuses = confirm_at_once(cluster, guests)
    assert all(status < 500 for status in statuses), collections.Counter(statuses)
    counted = cluster.django(CONFIRMED)
    assert counted["places"] == 150  # every place taken, none twice
    assert counted["waitlisted"] == 50
    addresses = {guest_address(visitor, number) for visitor, number, _link in guests}

    def told():
        return collections.Counter(
            mail.to
            for mail in cluster.mail.received()
            if mail.to in addresses
            and mail.subject.startswith(("Du är anmäld", "Du står på väntelistan"))
        )

    wait_for(lambda: len(told()) == 200, seconds=120, message="not every guest was told")
    confirmed_emails = collections.Counter(
        mail.to
        for mail in cluster.mail.received()
        if mail.subject == "Du är anmäld: Storsamling i stormen"
    )
    assert sorted(confirmed_emails) == counted["confirmed"]
    assert set(confirmed_emails.values()) == {1}
