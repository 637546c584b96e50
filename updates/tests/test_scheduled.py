"""Scheduled publishing: an update set to go live later is published by `publish_scheduled`
(run every few minutes in production, deploy/systemd/torget-publish.timer), and its alert goes
out then, not when it was scheduled."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from updates.models import Subscription, UpdatePage
from updates.tests.factories import UpdateIndexPageFactory

pytestmark = pytest.mark.django_db


def test_a_scheduled_update_goes_live_and_is_alerted_when_its_time_comes(
    client, site_tree, django_capture_on_commit_callbacks, mailoutbox
):
    fittja = site_tree["district"]
    subscription = Subscription.objects.create(
        email="amina@example.org", confirmed_at=timezone.now()
    )
    subscription.districts.set([fittja])
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    page = UpdatePage(
        title="Ny belysning i tunneln",
        slug=slugify("Ny belysning i tunneln"),
        summary="Lamporna byts i morgon.",
        kind="measure",
        status="planned",
        live=False,  # a new page in the admin is a draft until it is published
    )
    index.add_child(instance=page)
    page.districts.set([fittja])
    page.go_live_at = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # the editor's "Publish" with a go-live time: scheduled

    page.refresh_from_db()
    assert not page.live
    assert client.get("/trygghet/ny-belysning-i-tunneln/").status_code == 404
    assert [email.subject for email in mailoutbox] == []  # nothing is said about it yet

    # An hour later, as far as the schedule is concerned: its time has come.
    revision = page.latest_revision
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert "Ny belysning i tunneln" in client.get("/trygghet/").content.decode()
    assert [email.to for email in mailoutbox] == [["amina@example.org"]]
    assert "Ny belysning i tunneln" in mailoutbox[0].body
