"""RFC 5545 calendar files: one per meeting and feeds of upcoming meetings."""

from datetime import date
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from events.models import EventPage
from home.cache import structure_part

ICAL_STATUS = {
    EventPage.Status.SCHEDULED: "CONFIRMED",
    EventPage.Status.POSTPONED: "TENTATIVE",
    EventPage.Status.CANCELLED: "CANCELLED",
}


def meeting_uid(page: EventPage) -> str:
    # The translation key is shared by every language version and never changes.
    return f"meeting-{page.translation_key}@torget"


def meeting_event(page: EventPage, *, sequence: int, url: str) -> icalendar.Event:
    zone = ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", meeting_uid(page))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(page.start, zone))
    event.add("dtend", timezone.localtime(page.end, zone))
    event.add("summary", page.title)
    location = ", ".join(part for part in (page.venue_name, page.street_address) if part)
    if location:
        event.add("location", location)
    event.add("description", "\n\n".join(part for part in (page.intro, url) if part))
    event.add("url", url)
    event.add("sequence", sequence)
    event.add("status", ICAL_STATUS[page.status])
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar(events: list[icalendar.Event], *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Torget//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(event)
    # A VTIMEZONE covering only the years the events need keeps the file small.
    starts = [event.DTSTART.date() for event in events] or [timezone.localdate()]
    cal.add_missing_timezones(
        first_date=date(min(starts).year - 1, 1, 1), last_date=date(max(starts).year + 2, 1, 1)
    )
    return cal.to_ical()


def meeting_calendar(page: EventPage, *, url: str, sequence: int | None = None) -> bytes:
    """The meeting's file, made once for each version of the page, the meeting's `sequence`
    and the address: every confirmation email carries it, written while the meeting is
    locked. (Its DTSTAMP is when it was made.)"""
    if sequence is None:
        sequence = page.meeting.sequence
    return structure_part(
        "meeting-calendar",
        lambda: calendar([meeting_event(page, sequence=sequence, url=url)], name=page.title),
        page.pk,
        sequence,
        url,
    )
