import pytest

from accounts.services import EDITORS
from accounts.tests.factories import UserFactory
from forums.models import Association
from forums.tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_staff_verify_an_association_and_who_and_when_is_recorded(client, forum):
    association = AssociationFactory(verified=False, name="Tullinge IF", slug="tullinge-if")
    editor = UserFactory(groups=[EDITORS])
    client.force_login(editor)
    url = f"/admin/snippets/forums/association/edit/{association.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Tullinge IF",
            "slug": "tullinge-if",
            "description": "",
            "website": "",
            "logo_alt": "",
            "verified": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    association.refresh_from_db()
    assert association.verified
    assert association.verified_by == editor
    assert association.verified_at is not None


def test_editors_see_the_forum_snippets(client, forum, category):
    client.force_login(UserFactory(groups=[EDITORS]))
    assert client.get("/admin/snippets/forums/category/").status_code == 200
    assert client.get("/admin/snippets/forums/association/").status_code == 200


def test_residents_cannot_verify(client, forum):
    association = AssociationFactory(verified=False)
    client.force_login(UserFactory())
    client.post(f"/admin/snippets/forums/association/edit/{association.pk}/", {"verified": "on"})
    assert not Association.objects.get(pk=association.pk).verified
