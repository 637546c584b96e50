import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import has_verified_email
from events import services
from events.calendar import calendar, meeting_calendar, meeting_event
from events.emails import registration_from_token, registration_token
from events.forms import (
    GuestRegistrationForm,
    MeetingFilterForm,
    QuestionForm,
    RegistrationForm,
    ResendForm,
)
from events.models import EventIndexPage, EventPage, Meeting, Question, Registration
from home.cache import active_locale, public
from home.models import DistrictPage
from home.ratelimit import client_ip, rate_limit_exceeded
from moderation import services as moderation

MEETINGS_PER_PAGE = 10


# The meeting list and calendar feeds


def _filtered_meetings(locale, request):
    districts = list(DistrictPage.objects.listed(locale))
    form = MeetingFilterForm(request.GET or None, districts=districts)
    meetings = EventPage.objects.listed(locale)
    district = None
    if form.is_valid():
        district = next((d for d in districts if d.slug == form.cleaned_data["district"]), None)
        if district:
            meetings = meetings.in_district(district)
        if form.cleaned_data["kind"]:
            meetings = meetings.of_kind(form.cleaned_data["kind"])
    return form, meetings, district


def meeting_list_context(index_page, request) -> dict:
    form, meetings, district = _filtered_meetings(index_page.locale, request)
    meetings = meetings.child_of(index_page)
    now = timezone.now()
    upcoming = Paginator(meetings.upcoming(now).with_card_data(), MEETINGS_PER_PAGE)
    past = Paginator(meetings.past(now).with_card_data(), MEETINGS_PER_PAGE)
    filters = (
        {key: value for key, value in form.cleaned_data.items() if value}
        if form.is_bound and form.is_valid()
        else {}
    )
    feed_query = urlencode({"district": district.slug}) if district else ""
    return {
        "filter_form": form,
        "filter_district": district,
        "upcoming": upcoming.get_page(request.GET.get("page")),
        "past": past.get_page(request.GET.get("past")),
        "filter_params": urlencode(filters),
        "feed_url": reverse("events:calendar_feed") + (f"?{feed_query}" if feed_query else ""),
    }


def meeting_calendar_feed(request):
    """Upcoming meetings, all or for one district, for calendar programs to subscribe to."""
    locale = active_locale()
    form, meetings, district = _filtered_meetings(locale, request)
    if form.is_bound and not form.is_valid():
        raise Http404  # an unknown district: say so rather than send every meeting
    meetings = meetings.upcoming().select_related("locale")[:200]
    keys = [page.translation_key for page in meetings]
    sequences = dict(
        Meeting.objects.filter(translation_key__in=keys).values_list("translation_key", "sequence")
    )
    events = [
        meeting_event(
            page,
            sequence=sequences.get(page.translation_key, 0),
            url=request.build_absolute_uri(page.url),
        )
        for page in meetings
    ]
    index_page = EventIndexPage.objects.live().filter(locale=locale).first()
    name = (index_page.title if index_page else _("Meetings")) + (
        f" – {district.title}" if district else ""
    )
    return _calendar_response(calendar(events, name=name), "moten.ics")


def meeting_calendar_file(request, key):
    page = get_object_or_404(
        public(EventPage.objects.live()), translation_key=key, locale=active_locale()
    )
    return _calendar_response(
        meeting_calendar(page, url=request.build_absolute_uri(page.url)), f"{page.slug}.ics"
    )


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# The meeting page


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


def _render_page(page, request, status=200, **context):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def registration_submit(page, request):
    if request.method != "POST":
        return redirect(page.url)
    verified = has_verified_email(request.user)
    form_class = RegistrationForm if verified else GuestRegistrationForm
    form = form_class(request.POST, page=page)
    if not verified:
        if rate_limit_exceeded(
            "guest-registration",
            client_ip(request),
            limit=settings.TORGET_GUEST_REGISTRATIONS_PER_HOUR,
        ):
            form.is_valid()
            form.add_error(
                None, _("Too many registrations from your connection. Please try again in an hour.")
            )
            return _render_page(page, request, 429, registration_form=form)
        if form.is_bot:
            return redirect(page.url)  # a bot filled the hidden field: pretend all went well
    if not form.is_valid():
        return _render_page(page, request, 400, registration_form=form)
    data = form.cleaned_data
    user = request.user if verified else None
    try:
        registration = services.registration_create(
            page=page,
            user=user,
            name=(user.get_full_name() or user.display_name or user.email)
            if user
            else data["name"],
            email=user.email if user else data["email"],
            language=get_language(),
            companions=data["companions"],
            interpretation_language=data.get("interpretation_language", ""),
            accessibility_needs=data["accessibility_needs"],
            consent=bool(data.get("consent")) or verified,
            source=Registration.Source.ACCOUNT if verified else Registration.Source.GUEST,
        )
    except services.MeetingError as error:
        field = "consent" if error.code == "consent" else None
        if error.code == "language":
            field = "interpretation_language"
        form.add_error(field, error.message)
        return _render_page(
            page,
            request,
            400,
            registration_form=form,
            duplicate=error.code == "duplicate",
            resend_form=ResendForm(initial={"email": data.get("email", "")}),
        )
    if registration.status == Registration.Status.UNCONFIRMED:
        messages.success(
            request,
            _(
                "Almost done: we have sent an email to %(email)s. "
                "Open it and press the button to confirm your place."
            )
            % {"email": registration.email},
        )
    elif registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("You are registered. We have sent a confirmation by email."))
    else:
        messages.info(
            request,
            _("The meeting is full, so you are on the waiting list, number %(position)s in line.")
            % {"position": registration.waitlist_position()},
        )
    return redirect(page.url + "#registration")


def registration_resend(page, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ResendForm(request.POST)
    if rate_limit_exceeded(
        "guest-registration", client_ip(request), limit=settings.TORGET_GUEST_REGISTRATIONS_PER_HOUR
    ):
        messages.error(
            request, _("Too many attempts from your connection. Please try again in an hour.")
        )
        return redirect(page.url + "#registration")
    if form.is_valid():
        registration = (
            page.meeting.registrations.active()
            .filter(email=form.cleaned_data["email"].strip().lower())
            .first()
        )
        if registration:
            services.registration_link_resend(registration=registration)
        messages.success(
            request,
            _("If %(email)s is registered for this meeting, we have sent the link to it again.")
            % {"email": form.cleaned_data["email"]},
        )
    return redirect(page.url + "#registration")


@never_cache  # shows one person's registration
def registration_manage(request, token):
    """The page every registration email links to: confirm, see the status, cancel.
    Changes need a button press (POST), so mail scanners that open links change nothing."""
    registration = registration_from_token(token)
    if registration is None:
        raise Http404
    page = registration.meeting.page_in(get_language())
    if page is None:
        raise Http404
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                registration = services.registration_confirm(registration=registration)
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(request, _("Your place is confirmed. Welcome!"))
                else:
                    messages.info(
                        request, _("The meeting is full, so you are on the waiting list.")
                    )
            elif action == "cancel":
                services.registration_cancel(registration=registration)
                messages.success(request, _("Your registration is cancelled."))
            return redirect("events:registration", token=token)
        except services.MeetingError as failure:
            error = failure.message
            registration.refresh_from_db()
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "meeting_page": page,
            "position": registration.waitlist_position(),
            "error": error,
            "expired": registration.status == Registration.Status.EXPIRED
            or (
                registration.status == Registration.Status.UNCONFIRMED
                and registration.expires_at
                and registration.expires_at <= timezone.now()
            ),
        },
    )


@login_required
def my_meetings(request):
    registrations = list(
        Registration.objects.for_user(request.user).exclude(status=Registration.Status.EXPIRED)
    )
    pages = {
        page.translation_key: page
        for page in EventPage.objects.filter(
            translation_key__in=[r.meeting.translation_key for r in registrations],
            locale=active_locale(),
        )
    }
    now = timezone.now()
    upcoming, past = [], []
    for registration in registrations:
        page = pages.get(registration.meeting.translation_key)
        if page is None:
            continue
        (past if page.end < now else upcoming).append((registration, page))
    upcoming.sort(key=lambda item: item[1].start)
    return render(request, "events/my_meetings.html", {"upcoming": upcoming, "past": past})


@login_required
@require_POST
def my_meeting_cancel(request, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id, user=request.user)
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("events:my_meetings")


# Questions


def question_submit(page, request):
    if request.method != "POST":
        return redirect(page.url)
    if not has_verified_email(request.user):
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    form = QuestionForm(request.POST)
    if rate_limit_exceeded(
        "question", str(request.user.pk), limit=settings.TORGET_QUESTIONS_PER_HOUR
    ):
        form.is_valid()
        form.add_error(
            None, _("You have asked many questions in a short time. Please wait a while.")
        )
        return _render_page(page, request, 429, question_form=form)
    if not form.is_valid():
        return _render_page(page, request, 400, question_form=form)
    try:
        question = services.question_create(
            page=page, author=request.user, text=form.cleaned_data["text"]
        )
    except services.MeetingError as error:
        form.add_error(None, error.message)
        return _render_page(page, request, 400, question_form=form)
    if question.status == Question.Status.VISIBLE:
        messages.success(request, _("Thank you, your question has been added."))
    else:
        messages.info(
            request,
            _(
                "Thank you! A moderator reads the first questions of new accounts before others "
                "see them. You see yours marked “Waiting for a moderator”."
            ),
        )
    return redirect(f"{page.url}#question-{question.pk}")


def question_support(page, request, question_id):
    if request.method != "POST":
        return redirect(page.url)
    if not has_verified_email(request.user):
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    question = get_object_or_404(
        Question, pk=question_id, meeting=page.meeting, status=Question.Status.VISIBLE
    )
    try:
        supported = services.question_support_toggle(question=question, user=request.user)
    except services.MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You support the question.")
            if supported
            else _("You no longer support the question."),
        )
    return redirect(f"{page.url}#question-{question.pk}")
