from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, at=None, *, waiting=False):
        """Emails waiting for a (new) attempt, and those a crashed worker left half-sent
        (claimed longer ago than any attempt can last). `waiting`: also those whose next
        attempt is later, for when the mail server is known to be back."""
        at = at or timezone.now()
        stale = at - timedelta(seconds=settings.TORGET_EMAIL_CLAIM_SECONDS)
        queued = models.Q(status=OutgoingEmail.Status.QUEUED)
        if not waiting:
            queued &= models.Q(send_after__lte=at)
        return self.filter(
            queued | models.Q(status=OutgoingEmail.Status.SENDING, last_attempt_at__lt=stale)
        ).order_by("send_after")

    def to_person(self, user):
        """Emails to the person's confirmed addresses (home.personal_data), newest first."""
        from home.personal_data import confirmed_addresses

        return (
            self.alias(lowered=Lower("to"))
            .filter(lowered__in=confirmed_addresses(user))
            .order_by("-created_at", "-pk")
        )


class OutgoingEmail(models.Model):
    """One email, stored in the transaction that caused it so that it is sent or retried later,
    never lost when the mail server is down."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    send_after = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["status", "send_after"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"
