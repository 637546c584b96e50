"""Never personal data (issue 21): with the demo loaded, every API endpoint (each listing with
every field, each detail), every download and the catalogue hold none of the demo's residents'
names or addresses, registrations, reports or votes, and no unpublished page."""

import re

import pytest
from wagtail.models import Page

from accounts.models import User
from events.models import Registration
from reports.models import Observation

pytestmark = pytest.mark.django_db
LISTINGS = ["pages", "images", "documents", "proposals"]
DOWNLOADS = [
    "/dcat.jsonld",
    "/oppna-data/trygghetsmatning.csv",
    "/oppna-data/trygghetsmatning.json",
    "/oppna-data/moten.csv",
    "/oppna-data/insatser.csv",
]


def everything_published(client) -> list[str]:
    bodies = [client.get(url).content.decode() for url in DOWNLOADS]
    for endpoint in LISTINGS:
        offset, total = 0, 1
        while offset < total:
            answer = client.get(f"/api/v2/{endpoint}/?fields=*&limit=20&offset={offset}")
            assert answer.status_code == 200, answer.content
            data = answer.json()
            bodies.append(answer.content.decode())
            total = data["meta"]["total_count"]
            offset += 20
            for item in data["items"]:
                detail = client.get(f"/api/v2/{endpoint}/{item['id']}/")
                assert detail.status_code == 200
                bodies.append(detail.content.decode())
    return bodies


def test_no_personal_data_and_no_unpublished_page_anywhere(client, demo, settings):  # noqa: F811
    settings.TORGET_API_REQUESTS_PER_MINUTE = 100_000  # the walk is many requests from one address
    draft = Page.objects.get(depth=2, locale__language_code="sv").add_child(
        instance=Page(title="Utkast som ingen ska se", slug="utkast", live=False)
    )
    assert not draft.live
    secrets = {draft.title}
    residents = User.objects.filter(is_staff=False, is_superuser=False)
    assert residents.exists()
    for person in residents:
        secrets.add(person.email)  # (user names are words like "boende", and never shown)
        if person.display_name:
            secrets.add(person.display_name)
    for registration in Registration.objects.exclude(email=""):
        secrets |= {registration.email, registration.name}
    assert Observation.objects.exists()
    for observation in Observation.objects.all():
        secrets |= {observation.description[:40], observation.reference}
    secrets = {s for s in secrets if s and len(s) > 3}
    published = "\n".join(everything_published(client))
    found = sorted(s for s in secrets if re.search(re.escape(s), published))
    assert found == []
