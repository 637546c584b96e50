"""A crisis notice that reaches people: sent once by email to the confirmed subscribers of its
districts, each in their own language where the notice is translated, logged with who and how
many, after a page that says how many will get it."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from accounts.services import EDITORS
from accounts.tests.factories import UserFactory
from home.tests.factories import DisruptionNoticeFactory, DistrictPageFactory
from updates import services
from updates.models import NoticeAlert, Subscription

pytestmark = pytest.mark.django_db


def subscribed(email, districts, language="sv", confirmed=True):
    subscription = Subscription.objects.create(
        email=email, language=language, confirmed_at=timezone.now() if confirmed else None
    )
    subscription.districts.set(districts)
    return subscription


@pytest.fixture
def crisis(site_tree):
    fittja = site_tree["district"]
    alby = DistrictPageFactory(parent=site_tree["district_index"], title="Alby", slug="alby")
    notice = DisruptionNoticeFactory(message="Vattnet är avstängt i Fittja i dag.")
    notice.districts.set([fittja])
    somali = notice.copy_for_translation(Locale.objects.get(language_code="so"))
    somali.message = "Biyaha waa la xiray Fittja maanta."
    somali.save()
    subscribed("amina@example.org", [fittja], language="so")
    subscribed("bo@example.org", [fittja, alby], language="en")
    subscribed("cecilia@example.org", [alby])
    subscribed("dan@example.org", [fittja], confirmed=False)
    return notice


def test_the_notice_goes_once_to_confirmed_subscribers_of_its_districts_in_their_language(
    crisis, django_capture_on_commit_callbacks, mailoutbox
):
    editor = UserFactory(groups=[EDITORS])

    with django_capture_on_commit_callbacks(execute=True):
        alert = services.notice_alert_send(notice=crisis, by=editor)

    sent = {email.to[0]: email for email in mailoutbox}
    assert set(sent) == {"amina@example.org", "bo@example.org"}  # not Alby's, not unconfirmed
    assert "Biyaha waa la xiray Fittja maanta." in sent["amina@example.org"].body  # Somali
    assert "Vattnet är avstängt i Fittja i dag." in sent["bo@example.org"].body  # no English one
    assert "112" in sent["bo@example.org"].body
    assert sent["bo@example.org"].extra_headers["List-Unsubscribe"]
    assert (alert.sent_by, alert.recipients) == (editor, 2)

    with pytest.raises(services.AlertError):
        services.notice_alert_send(notice=crisis, by=editor)
    somali = crisis.get_translation(Locale.objects.get(language_code="so"))
    with pytest.raises(services.AlertError):  # whichever language version is sent
        services.notice_alert_send(notice=somali, by=editor)
    assert NoticeAlert.objects.count() == 1 and len(mailoutbox) == 2


def test_a_notice_for_the_whole_municipality_reaches_every_district(crisis):
    crisis.districts.clear()

    assert services.notice_alert_recipients(notice=crisis).count() == 3


def test_an_editor_saves_the_notice_and_is_told_how_many_will_get_it_before_sending(
    client, crisis, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(UserFactory(groups=[EDITORS]))
    edit = reverse("wagtailsnippets_home_disruptionnotice:edit", args=[crisis.pk])
    response = client.post(
        edit,
        {
            "message": crisis.message,
            "link_url": "",
            "link_text": "",
            "starts_at": timezone.localtime(crisis.starts_at).strftime("%Y-%m-%d %H:%M"),
            "ends_at": timezone.localtime(crisis.ends_at).strftime("%Y-%m-%d %H:%M"),
            "districts": [d.pk for d in crisis.districts.all()],
            "action-send-alert": "action-send-alert",
        },
    )
    send = reverse("updates_notice_send", args=[crisis.pk])
    assert response.status_code == 302 and response["Location"] == send

    page = client.get(send).content.decode()
    assert "Vattnet är avstängt i Fittja i dag." in page
    assert "<strong>2 " in page  # people will get it

    with django_capture_on_commit_callbacks(execute=True):
        client.post(send)
    assert len(mailoutbox) == 2
    client.post(send)  # a second press sends nothing
    assert len(mailoutbox) == 2
    assert "Skickat" in client.get(send).content.decode()


def test_residents_cannot_send_notices(client, crisis, mailoutbox):
    client.force_login(UserFactory())

    response = client.post(reverse("updates_notice_send", args=[crisis.pk]))

    assert response.status_code == 403
    assert not mailoutbox and not NoticeAlert.objects.exists()
