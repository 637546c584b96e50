import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from accounts.services import EDITORS, MODERATORS, SAFETY_COORDINATORS
from accounts.tests.factories import UserFactory
from reports import services
from reports.admin_views import weekly_table
from reports.models import Observation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def form_data(district, **changes):
    data = {
        "district": district.pk,
        "place": "Gångtunneln vid Fittja torg",
        "happened_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "kind": "unsafe_place",
        "description": "Det är helt mörkt i tunneln.",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def observation(district, **fields):
    values = {
        "district": district,
        "place": "Torget",
        "happened_at": timezone.now(),
        "kind": "vandalism",
        "description": "Krossat glas.",
        "language": "sv",
    }
    values.update(fields)
    return services.observation_create(**values)


def test_the_form_says_first_that_it_is_not_for_emergencies(client, site_tree):
    html = client.get("/lagesbild/").content.decode()
    assert html.index("112") < html.index('name="place"')
    assert "114 14" in html


def test_a_resident_sends_a_report_and_gets_a_reference(client, site_tree):
    response = client.post("/lagesbild/", form_data(site_tree["district"]), follow=True)
    observation = Observation.objects.get()
    html = response.content.decode()
    assert observation.reference in html and "Vad händer nu" in html
    assert observation.district == site_tree["district"]
    assert observation.status == Observation.Status.NEW
    assert client.get("/lagesbild/tack/").status_code == 302  # the reference is shown once


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"place": ""}, "obligatoriskt"),
        ({"kind": ""}, "obligatoriskt"),
        ({"consent": ""}, "Bekräfta att du har läst hur den hanteras."),
        ({"contact_email": "inte-en-adress"}, "Fyll i en giltig e-postadress."),
        ({"happened_at": "2099-01-01T10:00"}, "Tiden kan inte ligga i framtiden."),
    ],
)
def test_mistakes_are_shown_at_the_field_and_nothing_typed_is_lost(
    client, site_tree, change, message
):
    response = client.post("/lagesbild/", form_data(site_tree["district"], **change))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Det är helt mörkt i tunneln." in html
    assert not Observation.objects.exists()


@override_settings(TORGET_OBSERVATIONS_PER_HOUR=2)
def test_reports_are_rate_limited_per_address(client, site_tree):
    for _report in range(2):
        client.post("/lagesbild/", form_data(site_tree["district"]))
    response = client.post("/lagesbild/", form_data(site_tree["district"]))
    assert response.status_code == 429
    assert Observation.objects.count() == 2


def test_a_bot_filling_the_honeypot_sends_nothing(client, site_tree):
    client.post("/lagesbild/", form_data(site_tree["district"], website="spam"))
    assert not Observation.objects.exists()


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("anonymous", False),
        ("resident", False),
        ("editor", False),
        ("moderator", False),
        ("coordinator", True),
        ("superuser", True),
    ],
)
def test_only_coordinators_and_superusers_see_reports(client, site_tree, who, sees):
    report = observation(site_tree["district"], description="Hemlig iakttagelse")
    people = {
        "resident": lambda: UserFactory(),
        "editor": lambda: UserFactory(groups=[EDITORS]),
        "moderator": lambda: UserFactory(groups=[MODERATORS]),
        "coordinator": lambda: UserFactory(groups=[SAFETY_COORDINATORS]),
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
    }
    if who != "anonymous":
        client.force_login(people[who]())
    for url in (
        "/admin/lagesbild/",
        f"/admin/lagesbild/{report.pk}/",
        "/admin/lagesbild/diagram/",
        "/admin/lagesbild/diagram.csv",
    ):
        response = client.get(url)
        if sees:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403, 404), url
            assert "Hemlig iakttagelse" not in response.content.decode()
    for public in ("/", "/sok/?q=Hemlig", site_tree["district"].url):
        assert "Hemlig iakttagelse" not in client.get(public).content.decode()


def test_coordinators_filter_review_and_keep_a_history(client, site_tree):
    from home.tests.factories import DistrictPageFactory

    alby = DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")
    first = observation(site_tree["district"], kind="drugs", place="Parkeringen")
    observation(alby, kind="vandalism", place="Busshållplatsen")
    coordinator = UserFactory(groups=[SAFETY_COORDINATORS])
    client.force_login(coordinator)
    html = client.get(
        "/admin/lagesbild/", {"district": site_tree["district"].pk, "kind": "drugs"}
    ).content.decode()
    assert "Parkeringen" in html and "Busshållplatsen" not in html
    client.post(
        f"/admin/lagesbild/{first.pk}/", {"status": "police", "note": "Skickat till polisen"}
    )
    first.refresh_from_db()
    assert first.status == Observation.Status.POLICE
    event = first.events.get()
    assert (event.actor, event.old_status, event.new_status) == (coordinator, "new", "police")
    html = client.get(f"/admin/lagesbild/{first.pk}/").content.decode()
    assert "Skickat till polisen" in html


def test_the_chart_counts_reports_per_district_and_week(client, site_tree):
    now = timezone.now()
    for weeks_ago in (0, 0, 1, 13):
        report = observation(site_tree["district"])
        Observation.objects.filter(pk=report.pk).update(created_at=now - timedelta(weeks=weeks_ago))
    weeks, rows = weekly_table(at=now)
    fittja = next(cells for name, cells, total in rows if name == "Fittja")
    assert [count for _week, count in fittja][-2:] == [1, 2]
    assert sum(count for _week, count in fittja) == 3  # the report from 13 weeks ago is outside
    client.force_login(UserFactory(groups=[SAFETY_COORDINATORS]))
    content = client.get("/admin/lagesbild/diagram.csv").content.decode()
    assert content.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    row = next(row for row in table if row[0] == "Fittja")
    assert row[-1] == "3"
    assert "@" not in content and "Torget" not in content  # counts only


def test_retention_removes_contact_details_then_reports(site_tree):
    now = timezone.now()
    old = observation(site_tree["district"], contact_email="amina@example.org")
    ancient = observation(site_tree["district"])
    Observation.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=91))
    Observation.objects.filter(pk=ancient.pk).update(created_at=now - timedelta(days=366))
    recent = observation(site_tree["district"], contact_email="bo@example.org")
    call_command("purge_personal_data", verbosity=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.contact_email == "" and old.contact_removed_at is not None
    assert recent.contact_email == "bo@example.org"
    assert not Observation.objects.filter(pk=ancient.pk).exists()
