"""The meeting page: what it shows to this reader, and its structured data for search engines."""

import json

from django.urls import reverse
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from accounts.models import has_verified_email
from events import services
from events.emails import registration_token
from events.forms import (
    GuestRegistrationForm,
    QuestionForm,
    RegistrationForm,
)
from events.models import EventPage
from moderation import services as moderation


def meeting_page_context(page, request) -> dict:
    meeting = page.meeting
    user = request.user
    places_taken = meeting.registrations.confirmed().places()
    own_registration = None
    supported = set()
    if user.is_authenticated:
        own_registration = meeting.registrations.active().filter(user=user).first()
        supported = set(meeting.questions.filter(supports__user=user).values_list("pk", flat=True))
    verified = has_verified_email(user)
    suspension = moderation.active_suspension(user) if verified else None
    state = page.registration_state()
    questions = list(meeting.questions.for_page(user))
    context = {
        "meeting": meeting,
        "districts": list(page.districts.all()),
        "places_taken": places_taken,
        "availability": page.availability(places_taken),
        "registration_state": state,
        "state_message": services.STATE_MESSAGES.get(state, ""),
        "own_registration": own_registration,
        "own_position": own_registration.waitlist_position() if own_registration else None,
        "own_manage_url": (
            reverse("events:registration", args=[registration_token(own_registration)])
            if own_registration
            else ""
        ),
        "can_register_with_account": verified,
        "questions": questions,
        "answered_questions": [q for q in questions if q.answer],
        "supported_question_ids": supported,
        "can_ask": verified
        and not suspension
        and state != "cancelled"
        and timezone.now() < page.start,
        "suspension_message": moderation.suspension_message(suspension) if suspension else "",
        "follow_ups": [f.target for f in page.follow_ups.select_related("target") if f.target.live],
        "json_ld": meeting_json_ld(page, request, places_taken),
    }
    if state == "open" and not own_registration:
        form_class = RegistrationForm if verified else GuestRegistrationForm
        context.setdefault("registration_form", form_class(page=page))
    if context["can_ask"]:
        context["question_form"] = QuestionForm()
    return context


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
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response
