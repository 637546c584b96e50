"""Writes shared by every domain: the email outbox, counted marks, and the error for refusals."""

import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from home.models import OutgoingEmail

logger = logging.getLogger(__name__)


class RuleError(Exception):
    """Something the rules refuse, with a code for the caller and a message for the person.
    Each domain has its own subclass (ForumError, MeetingError, …)."""

    def __init__(self, code: str, message):
        super().__init__(message)
        self.code = code
        self.message = message


def email_queue(
    *,
    to: str,
    subject: str,
    body: str,
    attachments: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Store an email with the caller's transaction and send it once that transaction commits.

    `attachments` holds dicts with `filename`, `content` (text) and `mimetype`.
    """
    from home.tasks import email_send

    email = OutgoingEmail.objects.create(
        to=to,
        subject=" ".join(subject.split())[:200],
        body=body,
        attachments=attachments or [],
        headers=headers or {},
    )
    if _tasks_stored_in_the_database():
        # Stored in the same transaction as the email: the worker sees both or neither.
        email_send.enqueue(email_id=email.pk)
    else:
        # Run at once (the immediate backend): only after the change is committed.
        transaction.on_commit(lambda: email_send.enqueue(email_id=email.pk))
    return email


def _tasks_stored_in_the_database() -> bool:
    from django_tasks_db import DatabaseBackend

    from home.tasks import email_send

    return isinstance(email_send.get_backend(), DatabaseBackend)


def email_deliver(*, email_id: int, at=None, waiting: bool = False) -> bool:
    """Send one queued email; on failure schedule the next attempt. True when it was sent.

    Each attempt carries the same Message-ID, so a message that reached the mail server just
    before a worker died and is sent again shows once in the recipient's inbox."""
    at = at or timezone.now()
    claimed = (
        OutgoingEmail.objects.due(at, waiting=waiting)
        .filter(pk=email_id)
        .update(status=OutgoingEmail.Status.SENDING, attempts=F("attempts") + 1, last_attempt_at=at)
    )
    if not claimed:
        return False  # sent already, or another worker has it
    email = OutgoingEmail.objects.get(pk=email_id)
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": _message_id(email), **email.headers},
    )
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    try:
        message.send()
    except Exception as error:  # any transport error: keep the email and try again later
        logger.warning("Sending email %s failed: %s", email.pk, error)
        retries = settings.TORGET_EMAIL_RETRY_MINUTES
        if email.attempts > len(retries):
            email.status = OutgoingEmail.Status.FAILED
        else:
            email.status = OutgoingEmail.Status.QUEUED
            email.send_after = at + timedelta(minutes=retries[email.attempts - 1])
        email.last_error = str(error)[:2000]
        email.save(update_fields=["status", "send_after", "last_error"])
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "last_error"])
    return True


def _message_id(email: OutgoingEmail) -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "torget.invalid"
    return f"<torget.{email.pk}.{email.created_at:%Y%m%d%H%M%S%f}@{domain}>"


def emails_deliver_due(*, at=None, waiting: bool = False) -> tuple[int, int]:
    """Send every email that is due, as a periodic safety net; returns (sent, still waiting).
    `waiting`: also those whose next attempt is later (the mail server is back)."""
    sent = unsent = 0
    due = OutgoingEmail.objects.due(at, waiting=waiting)
    for email_id in due.values_list("pk", flat=True):
        if email_deliver(email_id=email_id, at=at, waiting=waiting):
            sent += 1
        else:
            unsent += 1
    return sent, unsent


def emails_purge(*, before, at=None) -> int:
    """Delete emails sent (or given up) before `before`; they hold addresses and names."""
    deleted, _ = OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED], created_at__lt=before
    ).delete()
    return deleted


def emails_waiting_drop(*, user, at=None) -> None:
    """The account goes: what still waits in the outbox for the person is never sent, so that
    the last email they get is the one saying so (home.personal_data.Stage.OUTBOX)."""
    OutgoingEmail.objects.to_person(user).filter(status=OutgoingEmail.Status.QUEUED).delete()


def counted_toggle(*, mark, target, counter: str, **key) -> bool:
    """Add or take back one person's mark (support, thanks) and keep the target's counter in
    step, in one transaction. The mark model's unique constraint makes a double click count
    once. True when the mark is now there."""
    with transaction.atomic():
        deleted, _rows = mark.objects.filter(**key).delete()
        if deleted:
            type(target).objects.filter(pk=target.pk).update(**{counter: F(counter) - 1})
            return False
        try:
            with transaction.atomic():
                mark.objects.create(**key)
        except IntegrityError:
            return True
        type(target).objects.filter(pk=target.pk).update(**{counter: F(counter) + 1})
        return True


def counted_marks_remove(*, mark, target: str, counter: str, **key) -> int:
    """Take back all of one person's marks of a kind (when their account goes) and lower each
    marked target's counter by one, as `counted_toggle` would have."""
    with transaction.atomic():
        marks = mark.objects.filter(**key)
        target_model = mark._meta.get_field(target).related_model
        targets = list(marks.values_list(f"{target}_id", flat=True))
        target_model.objects.filter(pk__in=targets).update(**{counter: F(counter) - 1})
        marks.delete()
    return len(targets)
