"""Capacity holds under real concurrency. PostgreSQL only: its row lock is what is tested, and
SQLite's in-memory test database is not shared between threads."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events.models import EventPage, Registration
from events.services import registrations as services
from events.tests.test_registration import register_guest

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 50


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (make test-postgres)")


@pytest.fixture
def slow_counting(monkeypatch):
    """Widen the window between counting places and taking one, so that a missing lock is
    caught every time instead of now and then."""
    count = services._places_taken

    def counted_slowly(meeting):
        taken = count(meeting)
        time.sleep(0.02)
        return taken

    monkeypatch.setattr(services, "_places_taken", counted_slowly)


def confirm_all_at_once(page):
    registrations = [register_guest(page, f"p{n}@example.org") for n in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)

    def confirm(registration):
        try:
            start.wait()
            services.registration_confirm(registration=registration)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        list(pool.map(confirm, registrations))
    return Registration.objects.filter(meeting=page.meeting)


def test_fifty_simultaneous_confirmations_fill_ten_places_exactly(
    postgresql, slow_counting, meeting_page
):
    registrations = confirm_all_at_once(EventPage.objects.get(pk=meeting_page.pk))
    assert registrations.confirmed().count() == 10
    assert registrations.filter(status=Registration.Status.WAITLISTED).count() == 40
    positions = sorted(r.waitlist_position() for r in registrations.waiting_line())
    assert positions == list(range(1, 41))


def test_without_the_meeting_lock_the_same_rush_overbooks(
    postgresql, slow_counting, meeting_page, monkeypatch
):
    monkeypatch.setattr(services, "meeting_lock", lambda meeting: meeting)
    registrations = confirm_all_at_once(EventPage.objects.get(pk=meeting_page.pk))
    assert registrations.confirmed().count() > 10
