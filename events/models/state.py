"""Reading a meeting's registration state and places; the rules that change them live in
events.services."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.cache import cached_part


class MeetingState:
    """For EventPage: when registration opens and closes, and what a card or the page says
    about places."""

    @property
    def opens_at(self):
        return self.registration_opens_at or self.first_published_at or self.start

    @property
    def closes_at(self):
        return min(self.registration_closes_at or self.start, self.start)

    def registration_state(self, at: datetime | None = None) -> str:
        """One of: cancelled, past, not_open, closed, open."""
        at = at or timezone.now()
        if self.status == self.Status.CANCELLED:
            return "cancelled"
        if at >= self.start:
            return "past"
        if at < self.opens_at:
            return "not_open"
        if at >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_past(self):
        return self.end < timezone.now()

    def places_taken(self) -> int:
        """Places taken by confirmed registrations (kept with the page parts until the next
        change to public content, which any registration is)."""
        return cached_part(
            "places-taken",
            lambda: self.meeting.registrations.confirmed().places(),
            self.translation_key,
        )

    def places_left(self, places_taken: int) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - places_taken, 0)

    def availability(self, places_taken: int, at: datetime | None = None) -> tuple[str, str]:
        """(code, text) for cards and the page: places left, full, closed and so on."""
        state = self.registration_state(at)
        if state == "cancelled":
            return state, _("Cancelled")
        if state == "past":
            return state, _("Has taken place") if self.is_past else _("Registration closed")
        if state == "not_open":
            return state, _("Registration opens %(date)s") % {
                "date": date_format(timezone.localtime(self.opens_at), "j F H:i")
            }
        if state == "closed":
            return state, _("Registration closed")
        left = self.places_left(places_taken)
        if left is None:
            return "open", _("Open for registration")
        if left == 0:
            return "full", _("Full — waiting list")
        return "open", ngettext("%(count)s place left", "%(count)s places left", left) % {
            "count": left
        }

    @property
    def places_left_now(self) -> int | None:
        """For the API: from `with_card_data()`'s count where the list has it."""
        taken = self.places_taken
        return self.places_left(taken if isinstance(taken, int) else taken())

    @property
    def registration_url(self) -> str:
        return f"{self.full_url}#registration"

    @property
    def card_availability(self):
        """For lists annotated by `with_card_data()`."""
        return self.availability(self.places_taken)
