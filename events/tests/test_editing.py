import pytest
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


@pytest.mark.parametrize("groups", [[EDITORS], [ORGANISERS]])
def test_editors_and_organisers_publish_a_meeting_in_the_admin(
    client, meeting_index, site_tree, groups
):
    client.force_login(UserFactory(groups=groups))
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
