"""The organiser's tools in the Wagtail admin: counts, needs, the list, CSV, check-in, questions.

Personal data is shown only to people with `events.view_registration` (Mötesarrangörer,
Redaktörer and superusers); moderators with `events.change_question` see only the questions.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from accounts.models import Verification
from events import services
from events.forms import AnswerForm, HideForm, StaffRegistrationForm
from events.models import EventPage, Meeting, Question, Registration
from home.permissions import staff_permission_required
from moderation import services as moderation

REGISTRATIONS_PER_PAGE = 50
VIEW = "events.view_registration"
CHANGE = "events.change_registration"
MODERATE = "events.change_question"


def can_open(user) -> bool:
    return user.has_perm(VIEW) or user.has_perm(MODERATE)


def _meeting_and_page(meeting_id):
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    page = meeting.page
    if page is None:
        raise PermissionDenied
    return meeting, page


@staff_permission_required(VIEW, MODERATE)
def meeting_index(request):
    now = timezone.now()
    pages = EventPage.objects.filter(locale=Locale.get_default())
    upcoming = list(pages.upcoming(now))
    past = Paginator(pages.past(now), 20).get_page(request.GET.get("page"))
    keys = [page.translation_key for page in [*upcoming, *past]]
    meetings = {m.translation_key: m for m in Meeting.objects.filter(translation_key__in=keys)}
    counts = Registration.objects.filter(meeting__translation_key__in=keys).counts_by_meeting()
    rows = lambda items: [  # noqa: E731
        (page, meetings.get(page.translation_key), counts.get(page.translation_key, {}))
        for page in items
    ]
    return TemplateResponse(
        request,
        "events/admin/meeting_index.html",
        {
            "page_title": _("Registrations"),
            "header_icon": "group",
            "upcoming": rows(upcoming),
            "past": rows(past),
            "past_page": past,
        },
    )


@staff_permission_required(VIEW, MODERATE)
def meeting_detail(request, meeting_id):
    meeting, page = _meeting_and_page(meeting_id)
    context = {
        "page_title": page.title,
        "page_subtitle": _("Registrations and questions"),
        "header_icon": "group",
        "meeting": meeting,
        "meeting_page": page,
        "questions": meeting.questions.exclude(status=Question.Status.REMOVED)
        .select_related("author")
        .by_support(),
        "can_moderate": request.user.has_perm(MODERATE),
        "can_hide": request.user.has_perm(moderation.PERMISSION),
        "can_view": request.user.has_perm(VIEW),
        "can_change": request.user.has_perm(CHANGE),
        "hide_form": HideForm(),
    }
    if context["can_view"]:
        registrations = meeting.registrations.all()
        query = request.GET.get("q", "").strip()[:100]
        listing = registrations.matching(query).order_by("status", "created_at")
        context.update(
            counts=registrations.counts(),
            needs=registrations.needs_summary(),
            query=query,
            registrations=Paginator(
                listing.select_related("user"), REGISTRATIONS_PER_PAGE
            ).get_page(request.GET.get("page")),
            add_form=StaffRegistrationForm(page=page),
            log=meeting.log_entries.select_related("actor", "registration")[:30],
        )
    return TemplateResponse(request, "events/admin/meeting_detail.html", context)


@staff_permission_required(CHANGE)
@require_POST
def registration_add(request, meeting_id):
    meeting, page = _meeting_and_page(meeting_id)
    form = StaffRegistrationForm(request.POST, page=page)
    if form.is_valid():
        try:
            services.registration_create(
                page=page,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=page.locale.language_code,
                companions=form.cleaned_data["companions"],
                interpretation_language=form.cleaned_data.get("interpretation_language", ""),
                accessibility_needs=form.cleaned_data["accessibility_needs"],
                source=Registration.Source.STAFF,
                actor=request.user,
            )
        except services.MeetingError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(name)s has been added.") % {"name": form.cleaned_data["name"]}
            )
    else:
        errors = "; ".join(f"{form[name].label}: {' '.join(e)}" for name, e in form.errors.items())
        messages.error(
            request, _("The registration was not added. %(errors)s") % {"errors": errors}
        )
    return redirect("events_admin:meeting", meeting_id=meeting.pk)


@staff_permission_required(CHANGE)
@require_POST
def registration_cancel(request, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id)
    services.registration_cancel(registration=registration, actor=request.user)
    messages.success(
        request, _("The registration of %(name)s is cancelled.") % {"name": registration.name}
    )
    return redirect("events_admin:meeting", meeting_id=registration.meeting_id)


@staff_permission_required(VIEW)
def meeting_export(request, meeting_id):
    meeting, page = _meeting_and_page(meeting_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"anmalningar-{slugify(page.title)}-{timezone.localdate(page.start):%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the BOM makes spreadsheet programs read UTF-8: å ä ö
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Status"),
            _("Places"),
            _("Interpretation"),
            _("Accessibility needs"),
            _("Registered"),
            _("Checked in"),
            _("Registered by"),
        ]
    )
    for registration in meeting.registrations.exclude(
        status__in=[Registration.Status.EXPIRED]
    ).order_by("status", "created_at"):
        writer.writerow(
            [
                _spreadsheet_safe(registration.name),
                _spreadsheet_safe(registration.email),
                registration.get_status_display(),
                registration.places,
                registration.interpretation_language_name(),
                _spreadsheet_safe(registration.accessibility_needs),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(registration.attended_at).strftime("%H:%M")
                if registration.attended_at
                else "",
                registration.get_source_display(),
            ]
        )
    services.registration_list_exported(meeting=meeting, actor=request.user)
    return response


def _spreadsheet_safe(value: str) -> str:
    """Keep text typed by the public from running as a formula in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@staff_permission_required(VIEW)
def check_in(request, meeting_id):
    meeting, page = _meeting_and_page(meeting_id)
    query = request.GET.get("q", "").strip()[:100]
    people = (
        meeting.registrations.confirmed()
        .matching(query)
        .select_related("user__verification")
        .order_by("name")
    )
    return TemplateResponse(
        request,
        "events/admin/check_in.html",
        {
            "page_title": _("Check-in"),
            "page_subtitle": page.title,
            "header_icon": "tick",
            "meeting": meeting,
            "meeting_page": page,
            "people": people[:200],
            "query": query,
            "counts": meeting.registrations.counts(),
            "can_change": request.user.has_perm(CHANGE),
            "documents": Verification.Document.choices,
        },
    )


@staff_permission_required(CHANGE)
@require_POST
def registration_verify_in_person(request, registration_id):
    """At the door: the organiser has seen an identity document of an account holder."""
    registration = get_object_or_404(
        Registration.objects.select_related("user"), pk=registration_id
    )
    document = request.POST.get("document", "")
    if document not in Verification.Document.values:
        messages.error(request, _("Choose the kind of identity document you saw."))
    else:
        try:
            services.registration_verify_in_person(
                registration=registration, actor=request.user, document=document
            )
            messages.success(
                request, _("%(name)s is verified in person.") % {"name": registration.name}
            )
        except services.MeetingError as refusal:
            messages.error(request, refusal.message)
    url = reverse("events_admin:check_in", kwargs={"meeting_id": registration.meeting_id})
    query = urlencode({"q": request.POST.get("q", "")})
    return redirect(f"{url}?{query}#registration-{registration.pk}")


@staff_permission_required(CHANGE)
@require_POST
def registration_check_in(request, registration_id):
    registration = get_object_or_404(Registration, pk=registration_id)
    services.registration_check_in(
        registration=registration, actor=request.user, undo=request.POST.get("undo") == "1"
    )
    url = reverse("events_admin:check_in", kwargs={"meeting_id": registration.meeting_id})
    query = urlencode({"q": request.POST.get("q", "")})
    return redirect(f"{url}?{query}#registration-{registration.pk}")


@staff_permission_required(MODERATE)
@require_POST
def question_moderate(request, question_id):
    question = get_object_or_404(Question, pk=question_id)
    action = request.POST.get("action")
    if action == "answer":
        form = AnswerForm(request.POST)
        if form.is_valid():
            services.question_answer(
                question=question, answer=form.cleaned_data["answer"], by=request.user
            )
            messages.success(request, _("The answer has been saved."))
    elif action in ("hide", "restore"):
        if not request.user.has_perm(moderation.PERMISSION):
            raise PermissionDenied
        if action == "hide":
            form = HideForm(request.POST)
            if form.is_valid():
                moderation.item_hide(
                    item=question, moderator=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The question is hidden."))
        else:
            moderation.item_restore(item=question, moderator=request.user)
            messages.success(request, _("The question is visible again."))
    url = reverse("events_admin:meeting", kwargs={"meeting_id": question.meeting_id})
    return redirect(f"{url}#question-{question.pk}")
