"""The emails a registration causes, each in the language the person registered in. They are
queued in the caller's transaction and sent after it commits (home.services.email_queue)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.calendar import meeting_calendar
from home.links import absolute_url, object_from_token, signed_token
from home.services import email_queue

TOKEN_SALT = "events.registration"  # noqa: S105 - a namespace, not a secret


def registration_token(registration) -> str:
    return signed_token(registration, TOKEN_SALT)


def registration_from_token(token: str):
    from events.models import Registration

    return object_from_token(Registration.objects.select_related("meeting"), token, TOKEN_SALT)


def registration_url(registration) -> str:
    with translation.override(registration.language):
        return absolute_url(reverse("events:registration", args=[registration_token(registration)]))


def _send(kind: str, registration, page, *, calendar: bool = False) -> None:
    if not registration.email:
        return
    with translation.override(registration.language):
        page_url = absolute_url(page.url or "")
        context = {
            "registration": registration,
            "page": page,
            "page_url": page_url,
            "manage_url": registration_url(registration),
            "position": registration.waitlist_position(),
            "show_online_link": registration.status == registration.Status.CONFIRMED,
            "emails_url": absolute_url(reverse("my_emails")) if registration.user_id else "",
        }
        subject = render_to_string(f"events/email/{kind}_subject.txt", context)
        body = render_to_string(f"events/email/{kind}.txt", context)
        attachments = []
        if calendar:
            attachments.append(
                {
                    "filename": "mote.ics",
                    "content": meeting_calendar(
                        page, url=page_url, sequence=registration.meeting.sequence
                    ).decode(),
                    "mimetype": "text/calendar",
                }
            )
    email_queue(to=registration.email, subject=subject, body=body, attachments=attachments)


def confirmation_request(registration, page):
    _send("confirm_request", registration, page)


def confirmed(registration, page):
    _send("confirmed", registration, page, calendar=True)


def waitlisted(registration, page):
    _send("waitlisted", registration, page)


def promoted(registration, page):
    _send("promoted", registration, page, calendar=True)


def cancelled(registration, page):
    _send("cancelled", registration, page)


def reminder(registration, page):
    _send("reminder", registration, page, calendar=True)


def meeting_changed(registration, page):
    _send("meeting_changed", registration, page, calendar=True)


def meeting_cancelled(registration, page):
    _send("meeting_cancelled", registration, page, calendar=True)
