"""Downloads, the DCAT-AP-SE catalogue and the page that lists the same for people."""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from home.cache import cached_part
from home.models import SiteSettings
from opendata.datasets import (
    CC0,
    csv_response,
    datasets,
    measure_rows,
    meeting_rows,
    survey_rows,
)

PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
# The EU's publisher types (ADMS), which DCAT-AP-SE requires: Torget is a municipality's site.
LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"

SURVEY_COLUMNS = [
    "year",
    "district",
    "district_name",
    "question",
    "question_text",
    "share",
    "respondents",
    "margin",
]
MEETING_COLUMNS = [
    "title",
    "kind",
    "status",
    "start",
    "end",
    "venue",
    "address",
    "online",
    "districts",
    "capacity",
    "places_left",
    "url",
]
MEASURE_COLUMNS = [
    "title",
    "kind",
    "status",
    "started_on",
    "expected_end",
    "ended_on",
    "category",
    "districts",
    "summary",
    "url",
]


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def survey_results(request, extension):
    rows = cached_part("opendata-survey", survey_rows)
    if extension == "json":
        return _open(JsonResponse({"results": rows}, json_dumps_params={"ensure_ascii": False}))
    if extension == "csv":
        return _open(csv_response(rows, "trygghetsmatning.csv", SURVEY_COLUMNS))
    raise Http404


def meetings_csv(request):
    rows = cached_part("opendata-meetings", meeting_rows, request.get_host())
    return _open(csv_response(rows, "moten.csv", MEETING_COLUMNS))


def measures_csv(request):
    rows = cached_part("opendata-measures", measure_rows, request.get_host())
    return _open(csv_response(rows, "insatser.csv", MEASURE_COLUMNS))


def catalogue(request):
    """DCAT-AP-SE in JSON-LD, for the national data portal to harvest."""
    document = cached_part("opendata-dcat", lambda: _catalogue(request), request.get_host())
    body = json.dumps(document, ensure_ascii=False, indent=2)
    return _open(HttpResponse(body, content_type="application/ld+json; charset=utf-8"))


def open_data(request):
    return render(request, "opendata/open_data.html", {"datasets": datasets()})


def _catalogue(request) -> dict:
    """Valid against the DCAT-AP 3.0.1 and DCAT-AP-SE shapes (opendata/tests/test_dcat_shapes.py),
    which pick what they check by class: so every node says what it is."""
    site = SiteSettings.for_request_readonly(request)
    base = request.build_absolute_uri("/")
    here = f"{base}dcat.jsonld"
    name = site.organisation_name or "Torget"
    # One node each, however many times it is written out below.
    publisher = {
        "@id": f"{here}#publisher",
        "@type": ["foaf:Organization", "foaf:Agent"],
        "foaf:name": name,
        "dct:type": {"@id": LOCAL_AUTHORITY},
    }
    contact = {
        "@id": f"{here}#contact",
        "@type": ["vcard:Organization", "vcard:Kind"],
        "vcard:fn": name,
    }
    if site.contact_email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{site.contact_email}"}
    api = {"@id": f"{here}#api"}

    def both(text) -> list[dict]:
        found = []
        for code in ("sv", "en"):
            with override(code):
                found.append({"@language": code, "@value": str(text)})
        return found

    def distribution(d) -> dict:
        url = {"@id": request.build_absolute_uri(d.url)}
        found = {
            "@type": "dcat:Distribution",
            "dct:title": both(d.title or d.format),
            "dcat:accessURL": url,
            "dcat:downloadURL": url,
            "dcat:mediaType": {
                "@id": f"http://www.iana.org/assignments/media-types/{d.media_type}"
            },
            "dct:format": d.format,
            "dct:license": {"@id": CC0},
        }
        if d.through_api:
            found["dcat:accessService"] = api
        return found

    entries, served, endpoints = [], [], set()
    for dataset in datasets():
        entry = {
            "@id": f"{here}#{dataset.key}",
            "@type": "dcat:Dataset",
            "dct:title": both(dataset.title),
            "dct:description": both(dataset.description),
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dct:license": {"@id": CC0},
            "dct:accessRights": {"@id": PUBLIC},
            "dcat:distribution": [distribution(d) for d in dataset.distributions],
        }
        if dataset.modified:
            entry["dct:modified"] = {
                "@type": "xsd:dateTime",
                "@value": dataset.modified.isoformat(),
            }
        entries.append(entry)
        through_api = [d.url.split("?", 1)[0] for d in dataset.distributions if d.through_api]
        if through_api:
            served.append({"@id": entry["@id"]})
            endpoints.update(through_api)
    service = {
        **api,
        "@type": "dcat:DataService",
        "dct:title": both(_("Wagtail API")),
        "dcat:endpointURL": [{"@id": request.build_absolute_uri(e)} for e in sorted(endpoints)],
        "dcat:servesDataset": served,
        "dct:publisher": publisher,
        "dcat:contactPoint": contact,
        "dct:license": {"@id": CC0},
        "dct:accessRights": {"@id": PUBLIC},
    }
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": here,
        "@type": "dcat:Catalog",
        "dct:title": both(_("Torget: open data")),
        "dct:description": both(
            _("Meetings, measures, proposals and survey results published on Torget.")
        ),
        "dct:publisher": publisher,
        "dct:license": {"@id": CC0},
        "foaf:homepage": {"@id": base},
        "dcat:dataset": entries,
        "dcat:service": [service],
    }
