from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from moderation.models import Moderated, Visibility


class ThreadQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible(self):
        return self.filter(status=Visibility.VISIBLE)

    def in_category(self, category):
        return self.filter(category__translation_key=category.translation_key)

    def tagged(self, tag: str):
        return self.filter(tags__slug=tag).distinct() if tag else self

    def by_activity(self):
        """Pinned first, then the most recently active, with what a list shows."""
        return (
            self.select_related("category", "author", "association", "last_post__author")
            .select_related("last_post__association")
            .prefetch_related("tags")
            .order_by("-is_pinned", "-last_activity_at", "-pk")
        )

    def for_thread_page(self):
        """With what the thread page shows above its posts (nothing personal: it is cached)."""
        return self.select_related("category").prefetch_related("tags")

    def active(self):
        """For district and home pages: visible threads, most recently active first."""
        return self.visible().by_activity().order_by("-last_activity_at", "-pk")


class Thread(index.Indexed, models.Model):
    Status = Visibility

    category = models.ForeignKey(
        "forums.Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=140)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="threads"
    )
    association = models.ForeignKey(
        "forums.Association", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now)
    last_post = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    tags = TaggableManager(verbose_name=_("tags"), blank=True)

    objects = ThreadQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(fields=["status", "-is_pinned", "-last_activity_at"]),
            models.Index(fields=["category", "status", "-last_activity_at"]),
        ]

    def __str__(self):
        return self.title


class PostQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def visible(self):
        return self.filter(status=Visibility.VISIBLE)

    def shown_in_thread(self, user=None):
        """Every post keeps its place in the thread; removed and hidden ones show a line
        instead of their text (the template decides), pending ones only to their author."""
        shown = ~Q(status=Visibility.PENDING)
        if user is not None and user.is_authenticated:
            shown |= Q(status=Visibility.PENDING, author=user)
        return (
            self.filter(shown).select_related("author", "association").order_by("created_at", "pk")
        )

    def by_association(self, association):
        return (
            self.visible()
            .filter(association=association, thread__status=Visibility.VISIBLE)
            .select_related("thread", "thread__category")
            .order_by("-created_at")
        )


class Post(index.Indexed, Moderated):
    """A post in a thread; moderation knows it through forums.moderated."""

    class RemovedBy(models.TextChoices):
        AUTHOR = "author", _("the author")
        MODERATOR = "moderator", _("a moderator")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="posts"
    )
    association = models.ForeignKey(
        "forums.Association",
        verbose_name=_("written as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    source = models.TextField(_("text"), max_length=10_000)
    html = models.TextField(editable=False)
    removed_by = models.CharField(max_length=10, choices=RemovedBy.choices, blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    thanks_count = models.PositiveIntegerField(_("thanks"), default=0)

    objects = PostQuerySet.as_manager()

    search_fields = [
        index.SearchField("source"),
        index.AutocompleteField("source"),
        index.RelatedFields("thread", [index.SearchField("title", boost=2)]),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(fields=["thread", "created_at"]),
            models.Index(fields=["author", "-created_at"]),
            # A reader's own waiting posts in a thread, asked on every thread page they read.
            models.Index(fields=["author", "status", "thread"], name="forums_post_author_status"),
        ]

    def __str__(self):
        return f"{self.thread} #{self.pk}"


class PostRevision(models.Model):
    """The text a post had before an edit."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    source = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.post_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class Reaction(models.Model):
    """ "Tack": one per person and post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_thanks_per_person")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.post_id}"


class FollowQuerySet(models.QuerySet):
    def of_user(self, user):
        """What a person follows, threads and categories, newest first."""
        return (
            self.filter(user=user)
            .select_related("thread", "category")
            .order_by("-created_at", "-pk")
        )

    def due(self, at, *, digest: bool):
        """Follows with news to send: at most once an hour per thread, or once a day."""
        from datetime import timedelta

        wait = timedelta(days=1) if digest else timedelta(hours=1)
        mode = "daily" if digest else "hourly"
        return self.filter(
            Q(last_notified_at__isnull=True) | Q(last_notified_at__lte=at - wait),
            pending_since__isnull=False,
            user__reply_emails=mode,
        ).select_related("user", "thread", "category")


class Follow(models.Model):
    """A person follows a thread (replies) or a category (new threads)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    category = models.ForeignKey(
        "forums.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    pending_since = models.DateTimeField(null=True, blank=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="follow_thread_once"),
            models.UniqueConstraint(fields=["user", "category"], name="follow_category_once"),
            models.CheckConstraint(
                condition=Q(thread__isnull=False, category__isnull=True)
                | Q(thread__isnull=True, category__isnull=False),
                name="follow_thread_or_category",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.thread or self.category}"
