from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """The states of everything residents write; moderation moves items between them."""

    VISIBLE = "visible", _("Visible")
    PENDING = "pending", _("Waiting for a moderator")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REMOVED = "removed", _("Removed")


class Moderated(models.Model):
    """What a content app's model inherits to be moderated (moderation.registry says how it is
    shown): the states, and the reports and decisions about each item, deleted with it. The
    model also has an `author` (a nullable key to the user) and a `created_at`."""

    Status = Visibility

    status = models.CharField(
        _("status"), max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    # Queried by the model's name: Report.objects.filter(post=...), LogEntry.objects.filter(...)
    moderation_reports = GenericRelation("moderation.Report", related_query_name="%(class)s")
    moderation_log = GenericRelation("moderation.LogEntry", related_query_name="%(class)s")

    class Meta:
        abstract = True


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    """A reader's report that something (a registered Moderated item) breaks the rules."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HATE = "hate", _("Harassment or hate")
        PERSONAL = "personal", _("Personal information about someone")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    text = models.CharField(_("more about it"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("moderate", "Can moderate what residents write")]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"], name="one_report_per_item"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"


class LogEntryQuerySet(models.QuerySet):
    def for_listing(self):
        from moderation.registry import item_prefetch

        return (
            self.select_related("actor", "subject")
            .prefetch_related(item_prefetch())
            .order_by("-at", "-pk")
        )


class LogEntry(models.Model):
    """One moderation decision, or an automatic one (no actor): who, when, what and why. The
    item is what was decided on (a registered item, or a content app's container such as a
    thread), none for decisions about a person."""

    class Action(models.TextChoices):
        HELD = "held", _("held for review")
        APPROVED = "approved", _("approved")
        HIDDEN = "hidden", _("hidden")
        AUTO_HIDDEN = "auto_hidden", _("hidden after reports")
        RESTORED = "restored", _("restored")
        REMOVED = "removed", _("removed for good")
        LOCKED = "locked", _("locked the thread")
        UNLOCKED = "unlocked", _("unlocked the thread")
        PINNED = "pinned", _("pinned the thread")
        UNPINNED = "unpinned", _("unpinned the thread")
        MOVED = "moved", _("moved the thread")
        SUSPENDED = "suspended", _("suspended")
        UNSUSPENDED = "unsuspended", _("lifted the suspension")
        TRUSTED = "trusted", _("marked as trusted")
        UNTRUSTED = "untrusted", _("marked as not trusted")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    item = GenericForeignKey("content_type", "object_id")
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    @property
    def item_kind(self) -> str:
        """What kind of thing the decision was about ("post", "thread"), in the reader's
        language; the log shows the item itself by its own name."""
        return self.item._meta.verbose_name if self.item is not None else ""


class WatchedWord(models.Model):
    """A word (any language) that blocks a post or holds it for a moderator."""

    class Action(models.TextChoices):
        BLOCK = "block", _("Block the post with a message")
        HOLD = "hold", _("Hold the post for a moderator")

    word = models.CharField(
        _("word or phrase"),
        max_length=100,
        unique=True,
        help_text=_("Matched as a whole word, whatever the case. Swedish and English alike."),
    )
    action = models.CharField(_("action"), max_length=5, choices=Action.choices)

    class Meta:
        verbose_name = _("watched word")
        verbose_name_plural = _("watched words")
        ordering = ["word"]

    def __str__(self):
        return self.word


class SuspensionQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=at))

    def current(self, user, at=None):
        """The suspension that stops `user` (a user or an OuterRef) writing now, if any."""
        return self.active(at).filter(user=user).order_by("-created_at")


class Suspension(models.Model):
    """A person may read but not write until `until` (or until further notice)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions"
    )
    reason = models.CharField(_("reason"), max_length=500)
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self):
        return f"{self.user} ({self.until or '∞'})"
