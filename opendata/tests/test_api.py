"""Wagtail's API v2 (issue 21): each type and filter, the JSON agrees with the page, open to
every origin, rate limited, and a bounded number of queries at any size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from events.tests.factories import EventPageFactory
from events.tests.test_registration import confirmed_guest
from home.cache import content_changed
from proposals import services as proposal_services
from proposals.tests.factories import ProposalIndexPageFactory
from updates.tests.factories import UpdateIndexPageFactory, update

pytestmark = pytest.mark.django_db


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_meetings_with_status_time_place_places_left_and_the_registration_link(
    client, meeting_page
):
    (meeting,) = [
        m
        for m in items(client, "/api/v2/pages/?type=events.EventPage&fields=*")
        if m["meta"]["locale"] == "sv"
    ]
    assert meeting["title"] == "Storsamling Fittja"
    assert meeting["status"] == "scheduled" or meeting["status"]
    assert meeting["start"] and meeting["end"] and meeting["venue_name"]
    assert meeting["places_left"] == 10
    assert meeting["registration_url"].endswith("/moten/storsamling/#registration")
    assert meeting["districts"] == ["fittja"]


def test_places_left_agree_with_the_page_after_a_registration(client, meeting_page):
    confirmed_guest(meeting_page, "amina@example.org", companions=2)
    url = "/api/v2/pages/?type=events.EventPage&fields=places_left&locale=sv"
    assert items(client, url)[0]["places_left"] == 7
    assert "7 platser kvar" in client.get(meeting_page.url).content.decode()


def test_updates_with_kind_status_dates_category_and_districts(client, site_tree):
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    update(index, "Ny belysning", [site_tree["district"]], started_on="2026-01-10")
    (found,) = items(client, "/api/v2/pages/?type=updates.UpdatePage&fields=*&district=fittja")
    assert (found["kind"], found["status"], found["started_on"]) == (
        "measure",
        "ongoing",
        "2026-01-10",
    )
    assert found["districts"] == ["fittja"]
    assert items(client, "/api/v2/pages/?type=updates.UpdatePage&district=alby") == []


def test_proposals_with_status_answer_and_support_counts(client, site_tree):
    from forums.tests.factories import CategoryFactory, ForumPageFactory

    ForumPageFactory(parent=site_tree["home"])
    index = ProposalIndexPageFactory(
        parent=site_tree["home"], discussion_category=CategoryFactory(slug="forslag")
    )
    proposal = proposal_services.proposal_create(
        index_page=index,
        author=UserFactory(display_name="Amina"),
        district=site_tree["district"],
        title="Ljus i tunneln",
        text="Tunneln är mörk.",
    )
    proposal_services.support_toggle(proposal=proposal, user=UserFactory())
    (found,) = items(client, "/api/v2/proposals/?fields=*&district=fittja")
    assert (found["title"], found["status"], found["support_count"], found["district"]) == (
        "Ljus i tunneln",
        "submitted",
        1,
        "fittja",
    )
    assert items(client, "/api/v2/proposals/?status=answered") == []


def test_districts_by_language(client, site_tree):
    english = items(client, "/api/v2/pages/?type=home.DistrictPage&fields=intro&locale=en")
    assert [d["intro"] for d in english] == ["<p>About Fittja.</p>"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?colour=red", "not an operation or a recognised field: colour"),
        ("/api/v2/pages/?type=nope.Nope", "type doesn't exist"),
        ("/api/v2/pages/?district=fittja", "district filters type=events.EventPage"),
        ("/api/v2/proposals/?status=lost", "status is one of"),
    ],
)
def test_an_unknown_filter_or_type_answers_400_with_a_message(client, site_tree, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_open_to_every_origin_and_read_only(client, site_tree):
    response = client.get("/api/v2/pages/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/v2/pages/", {}).status_code == 405


def test_rate_limited_per_address(client, site_tree, settings):
    settings.TORGET_API_REQUESTS_PER_MINUTE = 2
    statuses = [client.get(f"/api/v2/pages/?limit={n}").status_code for n in (1, 2, 3)]
    assert statuses == [200, 200, 429]


def test_an_answer_is_kept_until_public_content_changes(client, meeting_page):
    url = "/api/v2/pages/?type=events.EventPage&fields=places_left&locale=sv"
    assert items(client, url)[0]["places_left"] == 10
    with CaptureQueriesContext(connection) as kept:
        client.get(url)
    assert len(kept) == 0
    confirmed_guest(meeting_page, "bo@example.org")
    assert items(client, url)[0]["places_left"] == 9


@pytest.mark.parametrize("meetings", [1, 15])
def test_an_api_page_costs_at_most_ten_queries_at_any_size(
    client, meeting_index, site_tree, meetings
):
    for number in range(meetings):
        page = EventPageFactory(parent=meeting_index, title=f"Möte {number}")
        page.districts.set([site_tree["district"]])
        page.save_revision().publish()
        confirmed_guest(page, f"p{number}@example.org")
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    for number in range(meetings):
        update(index, f"Insats {number}", [site_tree["district"]])
    urls = [
        "/api/v2/pages/?type=events.EventPage&fields=*",
        "/api/v2/pages/?type=updates.UpdatePage&fields=*&district=fittja",
        "/api/v2/pages/?type=home.DistrictPage&fields=*",
        "/api/v2/pages/",
        "/api/v2/proposals/?fields=*",
        "/api/v2/documents/",
        "/api/v2/images/",
    ]
    for url in urls:
        client.get(url)  # the site and the content types, as on any running server
    content_changed()
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 10, (url, [q["sql"][:120] for q in queries])
