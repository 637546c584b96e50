from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated


class QuestionQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Question.Status.VISIBLE)

    def by_support(self):
        return self.order_by("-support_count", "created_at")

    def for_page(self, user=None):
        """Visible questions, most supported first, plus the reader's own pending ones."""
        shown = models.Q(status=Question.Status.VISIBLE)
        if user is not None and user.is_authenticated:
            shown |= models.Q(author=user, status=Question.Status.PENDING)
        return self.filter(shown).select_related("author").by_support()


class Question(Moderated):
    """Asked before a meeting; moderation knows it through events.moderated."""

    meeting = models.ForeignKey(
        "events.Meeting", on_delete=models.CASCADE, related_name="questions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="questions"
    )
    text = models.TextField(_("question"), max_length=600)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    support_count = models.PositiveIntegerField(_("support"), default=0)
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["meeting", "status", "-support_count"])]

    def __str__(self):
        return self.text[:60]


class QuestionSupport(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="one_support_per_person")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.question_id}"
