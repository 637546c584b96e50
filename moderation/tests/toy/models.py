from django.conf import settings
from django.db import models
from django.utils import timezone

from moderation.models import Moderated


class Note(Moderated):
    """A note on a notice board: the smallest thing a resident could write."""

    board = models.CharField(max_length=60)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.text[:60]
