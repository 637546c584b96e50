import pytest

from accounts.tests.factories import UserFactory
from forums.models import AssociationMembership
from forums.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def association_admin():
    person = UserFactory()
    MembershipFactory(
        association=AssociationFactory(),
        user=person,
        role=AssociationMembership.Role.ADMIN,
    )
    return person


@pytest.mark.parametrize("who", ["resident", "association admin"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/moderering/"])
def test_a_signed_in_resident_opening_the_admin_is_told_it_is_for_staff(
    client, site_tree, who, path
):
    person = UserFactory() if who == "resident" else association_admin()
    client.force_login(person)

    response = client.get(path)

    assert response.status_code == 403
    html = response.content.decode()
    assert "Administrationen är till för kommunens personal" in html
    assert 'href="/"' in html and 'href="/konto/logout/"' in html
    assert 'class="site-header' in html or "<header" in html  # the site's own design


def test_the_page_is_in_the_persons_own_language(client, site_tree):
    client.force_login(UserFactory(preferred_language="en"))

    response = client.get("/admin/")

    assert response.status_code == 403
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert "The administration is for the municipality's staff" in html
    assert 'href="/en/konto/logout/"' in html


def test_an_anonymous_visitor_is_still_sent_to_the_login_page(client, site_tree):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=/admin/")


def test_staff_still_open_the_admin(client, site_tree):
    client.force_login(UserFactory(groups=["Redaktörer"]))

    assert client.get("/admin/").status_code == 200
