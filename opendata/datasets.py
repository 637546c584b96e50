"""The datasets Torget publishes: one list that the DCAT-AP-SE catalogue (/dcat.jsonld) and
the "Öppna data" page both read, and the downloads' rows. Only what public pages show."""

import csv
from dataclasses import dataclass, field

from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.models import EventPage
from proposals.models import Proposal
from surveys.models import SurveyResult
from updates.models import UpdateIndexPage, UpdatePage

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
MEDIA_TYPES = {
    "CSV": "text/csv",
    "JSON": "application/json",
    "iCalendar": "text/calendar",
    "RSS": "application/rss+xml",
    "Atom": "application/atom+xml",
}


@dataclass
class Distribution:
    format: str  # a key of MEDIA_TYPES
    url: str
    title: object = ""
    through_api: bool = False  # served by Wagtail's API, the catalogue's dcat:DataService

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


@dataclass
class Dataset:
    key: str
    title: object
    description: object
    modified: object  # a datetime or None
    distributions: list[Distribution] = field(default_factory=list)


def datasets() -> list[Dataset]:
    swedish = Locale.get_default()
    meetings = EventPage.objects.live().public().filter(locale=swedish)
    measures = UpdatePage.objects.live().public().filter(locale=swedish)
    api = reverse("wagtailapi:pages:listing")
    found = [
        Dataset(
            key="meetings",
            title=_("Public meetings"),
            description=_(
                "Every public meeting: kind, status, time, place, districts, places left and "
                "where to register."
            ),
            modified=meetings.aggregate(at=Max("last_published_at"))["at"],
            distributions=[
                Distribution("CSV", reverse("opendata_meetings_csv")),
                _through_api(f"{api}?type=events.EventPage&fields=*"),
                Distribution("iCalendar", reverse("events:calendar_feed"), _("Calendar")),
            ],
        ),
        Dataset(
            key="measures",
            title=_("Measures on the safety work"),
            description=_(
                "Measures and news on the safety work: kind, status, dates, category and districts."
            ),
            modified=measures.aggregate(at=Max("last_published_at"))["at"],
            distributions=[
                Distribution("CSV", reverse("opendata_measures_csv")),
                _through_api(f"{api}?type=updates.UpdatePage&fields=*"),
                *_feeds(swedish),
            ],
        ),
        Dataset(
            key="proposals",
            title=_("Residents' proposals"),
            description=_(
                "Published proposals: district, status, the municipality's answer and how many "
                "support them (and how many of them are verified)."
            ),
            modified=Proposal.objects.visible().aggregate(at=Max("status_changed_at"))["at"],
            distributions=[_through_api(reverse("wagtailapi:proposals:listing") + "?fields=*")],
        ),
        Dataset(
            key="survey-results",
            title=_("Perceived safety per district and year"),
            description=_(
                "The safety surveys' results: per question, district and year the share who "
                "answered yes, the number of respondents and the margin of error."
            ),
            modified=SurveyResult.objects.aggregate(at=Max("updated_at"))["at"],
            distributions=[
                Distribution("CSV", reverse("opendata_survey_results", args=["csv"])),
                Distribution("JSON", reverse("opendata_survey_results", args=["json"])),
            ],
        ),
    ]
    return found


def _through_api(url: str) -> Distribution:
    return Distribution("JSON", url, _("Wagtail API"), through_api=True)


def _feeds(locale) -> list[Distribution]:
    index = UpdateIndexPage.objects.live().filter(locale=locale).first()
    if index is None:
        return []
    return [
        Distribution("RSS", f"{index.url}rss/", _("Feed")),
        Distribution("Atom", f"{index.url}atom/", _("Feed")),
    ]


def survey_rows() -> list[dict]:
    results = SurveyResult.objects.select_related("question", "district").order_by(
        "question__order", "question__key", "district__title", "year"
    )
    return [
        {
            "year": r.year,
            "district": r.district.slug,
            "district_name": r.district.title,
            "question": r.question.key,
            "question_text": r.question.text,
            "share": float(r.share),
            "respondents": r.respondents,
            "margin": None if r.margin is None else float(r.margin),
        }
        for r in results
    ]


def meeting_rows() -> list[dict]:
    meetings = (
        EventPage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .with_card_data()
        .order_by("start")
    )
    return [
        {
            "title": m.title,
            "kind": m.kind,
            "status": m.status,
            "start": m.start.isoformat(),
            "end": m.end.isoformat(),
            "venue": m.venue_name,
            "address": m.street_address,
            "online": bool(m.online_url),
            "districts": " ".join(d.slug for d in m.districts.all()),
            "capacity": m.capacity,
            "places_left": m.places_left_now,
            "url": m.full_url,
        }
        for m in meetings
    ]


def measure_rows() -> list[dict]:
    measures = (
        UpdatePage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("category")
        .prefetch_related("districts")
        .order_by("-first_published_at")
    )
    return [
        {
            "title": m.title,
            "kind": m.kind,
            "status": m.status,
            "started_on": m.started_on,
            "expected_end": m.expected_end,
            "ended_on": m.ended_on,
            "category": m.category.name if m.category else "",
            "districts": " ".join(d.slug for d in m.districts.all()),
            "summary": m.summary,
            "url": m.full_url,
        }
        for m in measures
    ]


def csv_response(rows: list[dict], filename: str, columns: list[str]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.DictWriter(response, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row[key] is None else row[key] for key in columns})
    return response
