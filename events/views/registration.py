"""Registering for a meeting (with an account or as a guest), the personal registration page
the email links to, and My meetings."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import has_verified_email
from events import services
from events.emails import registration_from_token
from events.forms import (
    GuestRegistrationForm,
    RegistrationForm,
    ResendForm,
)
from events.models import Registration
from events.selectors import registrations_with_pages
from events.views.page import render_meeting_page
from home.cache import active_locale, reader_part
from home.ratelimit import client_ip, rate_limit_exceeded


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
            return render_meeting_page(page, request, 429, registration_form=form)
        if form.is_bot:
            return redirect(page.url)  # a bot filled the hidden field: pretend all went well
    if not form.is_valid():
        return render_meeting_page(page, request, 400, registration_form=form)
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
        return render_meeting_page(
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
    locale = active_locale()
    listed = reader_part(
        request.user,
        "my-meetings",
        lambda: registrations_with_pages(request.user, locale),
        locale.pk,
    )
    now = timezone.now()
    upcoming = sorted(
        ((registration, page) for registration, page in listed if page.end >= now),
        key=lambda item: item[1].start,
    )
    past = [(registration, page) for registration, page in listed if page.end < now]
    return render(request, "events/my_meetings.html", {"upcoming": upcoming, "past": past})


@login_required
@require_POST
def my_meeting_cancel(request, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id, user=request.user)
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("events:my_meetings")
