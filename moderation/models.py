from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Item(models.Model):
    """Points at one thing residents wrote: a forum post or a question to a meeting."""

    post = models.ForeignKey(
        "forums.Post",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_%(class)s",
    )
    question = models.ForeignKey(
        "events.Question",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_%(class)s",
    )

    class Meta:
        abstract = True

    @property
    def item(self):
        return self.post or self.question

    @classmethod
    def item_filter(cls, item) -> dict:
        from forums.models import Post

        return {"post": item} if isinstance(item, Post) else {"question": item}


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Report(Item):
    """A reader's report that something breaks the rules."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HATE = "hate", _("Harassment or hate")
        PERSONAL = "personal", _("Personal information about someone")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

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
            models.UniqueConstraint(fields=["reporter", "post"], name="one_report_per_post"),
            models.UniqueConstraint(
                fields=["reporter", "question"], name="one_report_per_question"
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=False, question__isnull=True)
                | Q(post__isnull=True, question__isnull=False),
                name="report_post_or_question",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.created_at:%Y-%m-%d})"


class LogEntryQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related(
            "actor", "subject", "post__thread", "question", "thread"
        ).order_by("-at", "-pk")


class LogEntry(Item):
    """One moderation decision, or an automatic one (no actor): who, when, what and why."""

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
    thread = models.ForeignKey(
        "forums.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
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

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"


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
