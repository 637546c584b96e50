import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from accounts.services import EDITORS, ORGANISERS
from accounts.tests.factories import UserFactory
from events.models import EventPage

pytestmark = pytest.mark.django_db


def meeting_form(**overrides):
    data = {
        "title": "Workshop om Alby centrum",
        "slug": "workshop-alby",
        "intro": "Var med och rita.",
        "kind": "workshop",
        "status": "scheduled",
        "start": "2030-03-01 18:00",
        "end": "2030-03-01 20:00",
        "venue_name": "Alby bibliotek",
        "street_address": "Alby torg 1",
        "description": streamfield([]),
        "agenda": streamfield([]),
        "minutes": streamfield([]),
        "follow_ups": inline_formset([]),
        "capacity": "25",
        "step_free_access": "on",
        "action-publish": "publish",
    }
    lists = {"interpretation_languages": ["ar", "so"], "districts": overrides.pop("districts", [])}
    data.update(overrides)
    return {**nested_form_data(data), **lists}  # nested_form_data drops list values


def test_editors_publish_a_meeting_in_the_admin(client, meeting_index, site_tree):
    client.force_login(UserFactory(groups=[EDITORS]))
    url = f"/admin/pages/add/events/eventpage/{meeting_index.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, meeting_form(districts=[site_tree["district"].pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EventPage.objects.get(slug="workshop-alby")
    assert page.live
    assert page.interpretation_languages == ["ar", "so"]
    assert page.step_free_access is True
    assert list(page.districts.all()) == [site_tree["district"]]
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def submitted_by_an_organiser(client, meeting_index, organiser):
    client.force_login(organiser)
    url = f"/admin/pages/add/events/eventpage/{meeting_index.pk}/"
    data = meeting_form()
    data.pop("action-publish")
    response = client.post(url, {**data, "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EventPage.objects.get(slug="workshop-alby")
    assert not page.live  # organisers submit; they cannot publish
    return page


def decide(client, page, editor, action, comment=""):
    client.force_login(editor)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )
    assert response.status_code == 302


def test_an_organisers_meeting_is_published_when_an_editor_approves_it(
    client, meeting_index, committed, mailoutbox
):
    organiser = UserFactory(groups=[ORGANISERS], preferred_language="en", display_name="Lina")
    editor = UserFactory(groups=[EDITORS], display_name="Erik")
    page = submitted_by_an_organiser(client, meeting_index, organiser)
    client.force_login(editor)
    assert "Workshop om Alby centrum" in client.get("/admin/").content.decode()  # waits for them

    with committed():
        decide(client, page, editor, "approve")

    page.refresh_from_db()
    assert page.live
    email = mailoutbox[-1]
    assert email.to == [organiser.email]
    assert email.subject == "Approved and published: Workshop om Alby centrum"
    assert "Erik has approved" in email.body


def test_a_request_for_changes_reaches_the_organiser_with_the_comment(
    client, meeting_index, committed, mailoutbox
):
    organiser = UserFactory(groups=[ORGANISERS], display_name="Lina")
    page = submitted_by_an_organiser(client, meeting_index, organiser)

    with committed():
        decide(client, page, UserFactory(groups=[EDITORS]), "reject", "Lägg till adressen.")

    page.refresh_from_db()
    assert not page.live
    email = mailoutbox[-1]
    assert email.to == [organiser.email]
    assert email.subject == "Ändringar behövs: Workshop om Alby centrum"
    assert "Lägg till adressen." in email.body
    assert f"/admin/pages/{page.pk}/edit/" in email.body


def test_every_active_review_task_has_someone_who_can_approve_it(meeting_index):
    from wagtail.models import GroupApprovalTask, Workflow

    tasks = GroupApprovalTask.objects.filter(active=True)
    assert tasks.exists()
    for task in tasks:
        assert task.groups.exists(), f"nobody can approve {task.name}"
    assert not Workflow.objects.filter(active=True, workflow_tasks__task__active=False).exists()
    review = Workflow.objects.get(name="Granskning")
    assert review.workflow_pages.filter(page=meeting_index).exists()


def test_the_admin_explains_a_meeting_that_ends_before_it_starts(client, meeting_index):
    client.force_login(UserFactory(groups=[EDITORS]))
    url = f"/admin/pages/add/events/eventpage/{meeting_index.pk}/"
    response = client.post(url, meeting_form(end="2030-03-01 17:00"))
    assert response.status_code == 200
    assert "Mötet måste sluta efter att det börjat." in response.content.decode()
    assert not EventPage.objects.filter(slug="workshop-alby").exists()


def test_organisers_cannot_edit_other_pages(client, site_tree):
    client.force_login(UserFactory(groups=[ORGANISERS]))
    response = client.get(f"/admin/pages/{site_tree['about'].pk}/edit/")
    assert response.status_code in (302, 403)
