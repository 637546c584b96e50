"""The meeting page: what it shows to this reader, and its structured data for search engines."""

import json

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from events import services
from events.emails import registration_token
from events.forms import (
    GuestRegistrationForm,
    QuestionForm,
    RegistrationForm,
)
from events.models import EventPage
from events.selectors import meeting_reader
from home.cache import deferred
from moderation import services as moderation


def meeting_page_context(page, request) -> dict:
    """What the meeting page shows: the facts and questions everyone sees, worked out only
    when the page's shared parts are rendered, and what belongs to this reader."""
    reader = meeting_reader(page=page, request=request)
    places_taken = page.places_taken()
    state = page.registration_state()
    registration = reader.registration
    can_ask = (
        reader.can_take_part
        and not reader.suspension
        and state != "cancelled"
        and timezone.now() < page.start
    )
    context = {
        **deferred(
            lambda: _shared_context(page, request, places_taken),
            "districts",
            "questions",
            "answered_questions",
            "follow_ups",
            "json_ld",
        ),
        "places_taken": places_taken,
        "availability": page.availability(places_taken),
        "registration_state": state,
        "state_message": services.STATE_MESSAGES.get(state, ""),
        "own_registration": registration,
        "own_position": registration.waitlist_position() if registration else None,
        "own_manage_url": (
            reverse("events:registration", args=[registration_token(registration)])
            if registration
            else ""
        ),
        "can_register_with_account": reader.can_take_part,
        "own_pending_questions": reader.pending_questions,
        "supported_question_ids": reader.supported_question_ids,
        "can_ask": can_ask,
        "suspension_message": (
            moderation.suspension_message(reader.suspension) if reader.suspension else ""
        ),
    }
    # The blank forms are drawn in shared parts, so made only when those are.
    context["registration_open"] = state == "open" and not registration
    if context["registration_open"]:
        form_class = RegistrationForm if reader.can_take_part else GuestRegistrationForm
        context["registration_form"] = SimpleLazyObject(lambda: form_class(page=page))
    if can_ask:
        context["question_form"] = SimpleLazyObject(QuestionForm)
    return context


def _shared_context(page, request, places_taken) -> dict:
    """What every reader of the meeting page sees."""
    questions = list(page.meeting.questions.for_page())
    return {
        "districts": list(page.districts.all()),
        "questions": questions,
        "answered_questions": [question for question in questions if question.answer],
        "follow_ups": [f.target for f in page.follow_ups.select_related("target") if f.target.live],
        "json_ld": meeting_json_ld(page, request, places_taken),
    }


def meeting_json_ld(page, request, places_taken) -> str:
    """schema.org Event, so that search engines and calendars show the meeting correctly."""
    status = {
        EventPage.Status.SCHEDULED: "EventScheduled",
        EventPage.Status.POSTPONED: "EventPostponed",
        EventPage.Status.CANCELLED: "EventCancelled",
    }[page.status]
    online = page.kind == EventPage.Kind.ONLINE
    url = request.build_absolute_uri(page.url)
    places_left = page.places_left(places_taken)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "url": url,
        "inLanguage": get_language(),  # the page is served in its own language
        "isAccessibleForFree": True,
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "SEK",
            "url": url,
            "validFrom": timezone.localtime(page.opens_at).isoformat(),
            "availability": "https://schema.org/" + ("SoldOut" if places_left == 0 else "InStock"),
        },
    }
    if online:
        data["location"] = {"@type": "VirtualLocation", "url": url}
    else:
        data["location"] = {
            "@type": "Place",
            "name": page.venue_name,
            "address": {"@type": "PostalAddress", "streetAddress": page.street_address},
        }
    if page.organiser_name:
        data["organizer"] = {"@type": "Organization", "name": page.organiser_name}
        if page.organiser_email:
            data["organizer"]["email"] = page.organiser_email
    if page.capacity:
        data["maximumAttendeeCapacity"] = page.capacity
        data["remainingAttendeeCapacity"] = places_left
    payload = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(payload)  # noqa: S308 - JSON with <, > and & escaped, as json_script does


def render_meeting_page(page, request, status=200, **context):
    """The meeting page again with a form the reader sent (`registration_form` or
    `question_form`), its errors shown: that form is theirs, not shared."""
    for name in ("registration_form", "question_form"):
        if name in context:
            context[f"{name}_sent"] = True
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response
