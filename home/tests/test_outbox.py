from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.models import OutgoingEmail
from home.services import email_deliver, email_queue, emails_deliver_due, emails_purge

pytestmark = pytest.mark.django_db


def queue(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return email_queue(to="amina@example.org", subject="Hej", body="Text")


def test_an_email_is_sent_after_the_commit(django_capture_on_commit_callbacks, mailoutbox):
    email = queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [message.subject for message in mailoutbox] == ["Hej"]


def test_a_failed_send_is_kept_and_retried_later(django_capture_on_commit_callbacks, mailoutbox):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")):
        email = queue(django_capture_on_commit_callbacks)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert "down" in email.last_error
    assert email.send_after > timezone.now()
    assert emails_deliver_due() == (0, 0)  # not due yet
    call_command("send_queued_emails", verbosity=0)
    assert mailoutbox == []
    assert emails_deliver_due(at=email.send_after + timedelta(seconds=1)) == (1, 0)
    assert [message.to for message in mailoutbox] == [["amina@example.org"]]


def test_an_email_that_keeps_failing_is_marked_failed(django_capture_on_commit_callbacks):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")):
        email = queue(django_capture_on_commit_callbacks)
        at = timezone.now()
        for _attempt in range(10):
            at += timedelta(days=1)
            emails_deliver_due(at=at)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED


def test_an_email_is_never_sent_twice(django_capture_on_commit_callbacks, mailoutbox):
    email = queue(django_capture_on_commit_callbacks)
    assert email_deliver(email_id=email.pk) is False
    assert len(mailoutbox) == 1


def test_old_sent_emails_are_deleted(django_capture_on_commit_callbacks):
    email = queue(django_capture_on_commit_callbacks)
    assert emails_purge(before=timezone.now() - timedelta(days=1)) == 0
    assert emails_purge(before=timezone.now() + timedelta(seconds=1)) == 1
    assert not OutgoingEmail.objects.filter(pk=email.pk).exists()


def test_with_a_task_worker_the_task_is_stored_in_the_same_transaction_as_the_email(settings):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():
        email_queue(to="a@example.org", subject="Hej", body="Text")
        assert DBTaskResult.objects.count() == 1  # before the commit, beside the email
    with pytest.raises(RuntimeError), transaction.atomic():
        email_queue(to="b@example.org", subject="Hej", body="Text")
        raise RuntimeError("the change fails")
    assert DBTaskResult.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


def test_when_the_mail_server_is_back_send_queued_emails_now_sends_what_waits(
    django_capture_on_commit_callbacks, mailoutbox
):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")):
        queue(django_capture_on_commit_callbacks)
    call_command("send_queued_emails", verbosity=0)
    assert mailoutbox == []  # its next attempt is later
    call_command("send_queued_emails", "--now", verbosity=0)
    assert [message.to for message in mailoutbox] == [["amina@example.org"]]
    call_command("send_queued_emails", "--now", verbosity=0)
    assert len(mailoutbox) == 1


def test_every_attempt_at_an_email_carries_the_same_message_id(
    django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.DEFAULT_FROM_EMAIL = "Torget <noreply@botkyrka.example>"
    email = queue(django_capture_on_commit_callbacks)
    first = mailoutbox[0].extra_headers["Message-ID"]
    assert first.startswith(f"<torget.{email.pk}.") and first.endswith("@botkyrka.example>")
    OutgoingEmail.objects.filter(pk=email.pk).update(status=OutgoingEmail.Status.QUEUED)
    assert email_deliver(email_id=email.pk) is True
    assert mailoutbox[1].extra_headers["Message-ID"] == first


def test_an_email_a_dead_worker_held_is_sent_once_its_claim_has_lapsed(
    django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.TORGET_EMAIL_CLAIM_SECONDS = 60
    with mock.patch("home.services.email_deliver"):  # the worker was killed before it sent
        email = queue(django_capture_on_commit_callbacks)
    claimed_at = timezone.now()
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENDING, last_attempt_at=claimed_at
    )
    assert emails_deliver_due(at=claimed_at + timedelta(seconds=30)) == (0, 0)  # may be sending
    assert emails_deliver_due(at=claimed_at + timedelta(seconds=61)) == (1, 0)
    assert len(mailoutbox) == 1


def test_with_a_task_worker_an_email_goes_before_index_updates_queued_earlier(settings, db):
    from django_tasks_db.models import DBTaskResult
    from wagtail.tasks import update_reference_index_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    update_reference_index_task.enqueue("wagtailcore", "page", "1")
    email_queue(to="a@example.org", subject="Hej", body="Text")
    assert [task.task_path for task in DBTaskResult.objects.all()] == [
        "home.tasks.email_send",
        "wagtail.tasks.update_reference_index_task",
    ]
