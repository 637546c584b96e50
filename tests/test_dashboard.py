""" "What needs me today": each role's dashboard lists its own waiting work, nothing another role
should see, in a flat number of queries whatever the amount of data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from accounts.services import EDITORS, MODERATORS, ORGANISERS, SAFETY_COORDINATORS
from accounts.tests.factories import UserFactory
from events import services as meetings
from events.tests.factories import EventPageFactory, RegistrationFactory
from forums import services as forum_services
from forums.tests.factories import CategoryFactory, ForumPageFactory
from home.translations import translation_import
from proposals import services as proposal_services
from proposals.models import Proposal
from proposals.tests.factories import ProposalIndexPageFactory
from reports.services import observation_create

pytestmark = pytest.mark.django_db
DASHBOARD_BUDGET = 20
PANELS = {
    EDITORS: {"Förslag att svara på", "Översättningar som är inaktuella", "Dina möten"},
    ORGANISERS: {"Dina möten"},
    MODERATORS: {"Moderering"},
    SAFETY_COORDINATORS: {"Nya rapporter den här veckan"},
}
ALL_PANELS = set().union(*PANELS.values())


@pytest.fixture
def work(meeting_index, site_tree, settings, django_capture_on_commit_callbacks):
    """Something waiting for every role."""
    settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS = 0
    category = CategoryFactory()
    ForumPageFactory(parent=site_tree["home"])
    world = {
        "tree": site_tree,
        "meetings": meeting_index,
        "proposals": ProposalIndexPageFactory(
            parent=site_tree["home"], discussion_category=category
        ),
        "category": category,
        "grown": 0,
    }
    with django_capture_on_commit_callbacks(execute=True):
        translation_import(
            instance=site_tree["about"], locale=Locale.objects.get(language_code="fi"), strings={}
        )
    about = site_tree["about"]
    about.title = "Om Torget, nytt"
    about.save_revision().publish()  # after its translation: out of date
    world["stale"] = TranslationSource.objects.get(object_id=about.translation_key)
    grow(world, 1)
    return world


def grow(world, count):
    today = timezone.localdate()
    district = world["tree"]["district"]
    for number in range(world["grown"], world["grown"] + count):
        asker = UserFactory()
        proposal = proposal_services.proposal_create(
            index_page=world["proposals"],
            author=asker,
            district=district,
            title=f"Förslag {number}",
            text="Text",
        )
        Proposal.objects.filter(pk=proposal.pk).update(
            threshold_reached_on=today, answer_due=today + timedelta(days=number % 40 - 5)
        )
        soon = EventPageFactory(parent=world["meetings"], title=f"Möte {number}")
        meetings.question_create(page=soon, author=asker, text=f"Fråga {number}?")
        now = timezone.now()
        today_meeting = EventPageFactory(
            parent=world["meetings"],
            title=f"Idag {number}",
            start=now + timedelta(minutes=30),
            end=now + timedelta(hours=2),
        )
        RegistrationFactory(meeting=today_meeting.meeting)
        observation_create(
            district=district,
            place="Torget",
            happened_at=timezone.now(),
            kind="vandalism",
            description="Klotter",
            language="sv",
        )
        forum_services.thread_create(
            category=world["category"],
            author=UserFactory(trust="automatic"),
            title=f"Tråd {number}",
            text="Väntar",
        )
    world["grown"] += count


def dashboard(client, group, django_assert_max_num_queries):
    client.force_login(UserFactory(groups=[group]))
    client.get("/admin/")
    with django_assert_max_num_queries(DASHBOARD_BUDGET) as captured:
        html = client.get("/admin/").content.decode()
    return html, len(captured.captured_queries)


@pytest.mark.parametrize("group", list(PANELS))
def test_each_role_sees_its_own_work_and_nothing_else(
    client, work, group, django_assert_max_num_queries
):
    html, _count = dashboard(client, group, django_assert_max_num_queries)

    for heading in PANELS[group]:
        assert heading in html, heading
    for heading in ALL_PANELS - PANELS[group]:
        assert heading not in html, heading


def test_the_panels_list_what_waits(client, work, django_assert_max_num_queries):
    editor, _count = dashboard(client, EDITORS, django_assert_max_num_queries)
    assert "Förslag 0" in editor and "försenat sedan" in editor  # due 5 days ago
    update = reverse("wagtail_localize:update_translations", args=[work["stale"].pk])
    assert update in editor  # the about page changed after its Finnish translation
    assert "Möte 0" in editor and "1 fråga utan svar" in editor
    assert "1 person att checka in" in editor

    coordinator, _count = dashboard(client, SAFETY_COORDINATORS, django_assert_max_num_queries)
    assert "Fittja" in coordinator and "1 ny" in coordinator

    moderator, _count = dashboard(client, MODERATORS, django_assert_max_num_queries)
    assert "väntar på godkännande" in moderator


@pytest.mark.parametrize("group", list(PANELS))
def test_the_dashboard_costs_the_same_queries_with_more_waiting(
    client, work, group, django_assert_max_num_queries
):
    _html, small = dashboard(client, group, django_assert_max_num_queries)
    grow(work, 12)
    _html, large = dashboard(client, group, django_assert_max_num_queries)

    assert large == small
