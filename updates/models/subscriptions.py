"""Email alerts: who asked for them, and what they were already told."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriptionQuerySet(models.QuerySet):
    def of_user(self, user):
        """The confirmed alerts sent to an account's confirmed addresses, with their districts;
        an address the person has not confirmed may be someone else's."""
        from allauth.account.models import EmailAddress

        if not user.is_authenticated:
            return self.none()
        addresses = (
            EmailAddress.objects.filter(user=user, verified=True)
            .annotate(lowered=Lower("email"))
            .values("lowered")
        )
        return (
            self.alias(lowered=Lower("email"))
            .filter(lowered__in=addresses, confirmed_at__isnull=False)
            .prefetch_related("districts")
            .order_by("created_at")
        )

    def for_districts(self, districts):
        """Confirmed subscriptions to any of `districts` (whichever language version), or to
        any district at all when `districts` is empty. An unconfirmed address gets nothing."""
        confirmed = self.filter(confirmed_at__isnull=False)
        keys = [district.translation_key for district in districts]
        if keys:
            confirmed = confirmed.filter(districts__translation_key__in=keys).distinct()
        return confirmed.order_by("pk")


class Subscription(models.Model):
    """Email alerts for districts, without an account; double opt-in."""

    email = models.EmailField(_("email"))
    districts = models.ManyToManyField("home.DistrictPage", related_name="+")
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self):
        return self.email


class AlertSent(models.Model):
    """One row per change that subscribers were told about, so that none is told twice."""

    translation_key = models.UUIDField()
    change = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "change"], name="alert_once_per_change"
            )
        ]

    def __str__(self):
        return f"{self.translation_key} {self.change}"


class NoticeAlert(models.Model):
    """A disruption notice sent by email to the subscribers of its districts: once per notice
    (whichever language version), with who sent it and to how many."""

    notice_key = models.UUIDField(unique=True)  # the notice's translation_key
    notice = models.ForeignKey(
        "home.DisruptionNotice", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"))

    class Meta:
        verbose_name = _("notice sent by email")
        verbose_name_plural = _("notices sent by email")

    def __str__(self):
        return f"{self.notice_key} → {self.recipients}"
