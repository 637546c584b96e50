"""The meeting list (by district, upcoming and past) and the calendar files for subscribing."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from events.calendar import calendar, meeting_calendar, meeting_event
from events.forms import (
    MeetingFilterForm,
)
from events.models import EventIndexPage, EventPage, Meeting
from home.cache import active_locale, deferred, public
from home.models import DistrictPage

MEETINGS_PER_PAGE = 10


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
    """The list's context, worked out only if the page's shared part is not in the cache."""
    return deferred(
        lambda: _meeting_list(index_page, request),
        "filter_form",
        "filter_district",
        "upcoming",
        "past",
        "filter_params",
        "feed_url",
    )


def _meeting_list(index_page, request) -> dict:
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
