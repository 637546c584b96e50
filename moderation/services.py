"""Trust, reports and moderators' decisions for everything residents write (forum posts and
questions to meetings). Every decision is logged; the forum and meeting services ask `gate()`
before they publish anything."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from events.models import Question
from forums.markdown import links_in
from forums.models import Post, Thread
from home.links import absolute_url
from home.services import RuleError, email_queue
from moderation.models import LogEntry, Report, Suspension, WatchedWord

VISIBLE, PENDING, HIDDEN, REMOVED = "visible", "pending", "hidden", "removed"
PERMISSION = "moderation.moderate"


class ModerationError(RuleError):
    """Writing that the moderation rules refuse (a suspension, too fast, too many links)."""


@dataclass
class Verdict:
    status: str
    reason: str = ""


# Before publishing


def active_suspension(user, at=None) -> Suspension | None:
    if not user.is_authenticated:
        return None
    return Suspension.objects.current(user, at).first()


def is_trusted(user) -> bool:
    if user.trust == User.Trust.TRUSTED:
        return True
    if user.trust == User.Trust.UNTRUSTED:
        return False
    approved = (
        Post.objects.filter(author=user, status=VISIBLE).count()
        + Question.objects.filter(author=user, status=VISIBLE).count()
    )
    return approved >= settings.TORGET_POSTS_BEFORE_TRUST


def _watched(text: str) -> list[WatchedWord]:
    folded = text.casefold()
    return [
        word
        for word in WatchedWord.objects.all()
        if re.search(rf"(?<!\w){re.escape(word.word.casefold())}(?!\w)", folded)
    ]


def suspension_message(suspension: Suspension) -> str:
    if suspension.until:
        until = date_format(timezone.localtime(suspension.until), "j F Y H:i")
        return _("You cannot write until %(until)s. The reason: %(reason)s") % {
            "until": until,
            "reason": suspension.reason,
        }
    return _("You cannot write until further notice. The reason: %(reason)s") % {
        "reason": suspension.reason
    }


def gate(*, author, text: str, at=None) -> Verdict:
    """Whether a new post or question is published at once, held for a moderator, or refused
    (ModerationError) — suspension, a blocked word or too many links from a new account."""
    suspension = active_suspension(author, at)
    if suspension:
        raise ModerationError("suspended", suspension_message(suspension))
    words = _watched(text)
    for word in words:
        if word.action == WatchedWord.Action.BLOCK:
            raise ModerationError(
                "blocked",
                _("Your text contains “%(word)s”, which is not allowed here. Please rewrite it.")
                % {"word": word.word},
            )
    trusted = is_trusted(author)
    if not trusted and links_in(text) > settings.TORGET_NEW_ACCOUNT_MAX_LINKS:
        raise ModerationError(
            "links",
            _("New accounts may include at most %(count)d links in a post.")
            % {"count": settings.TORGET_NEW_ACCOUNT_MAX_LINKS},
        )
    if words:
        return Verdict(PENDING, _("Watched word: %(word)s") % {"word": words[0].word})
    if not trusted:
        return Verdict(PENDING, _("New account"))
    return Verdict(VISIBLE)


def record_hold(*, item, verdict: Verdict) -> None:
    if verdict.status == PENDING:
        _log(None, LogEntry.Action.HELD, item=item, reason=str(verdict.reason))


# Reports from readers


def report_create(*, reporter, item, reason: str, text: str = "", at=None) -> Report:
    """One report per person and item counts. At the TORGET_REPORTS_TO_HIDE-th distinct
    reporter the item is hidden until a moderator decides, and its author is told."""
    at = at or timezone.now()
    if item.author_id == reporter.pk:
        raise ModerationError("own", _("You cannot report what you wrote yourself."))
    key = Report.item_filter(item)
    existing = Report.objects.filter(reporter=reporter, **key).first()
    if existing:
        return existing
    today = Report.objects.filter(reporter=reporter, created_at__gt=at - timedelta(days=1))
    if today.count() >= settings.TORGET_REPORTS_PER_DAY:
        raise ModerationError(
            "too_many", _("You have sent many reports today. Please try again tomorrow.")
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    reporter=reporter, reason=reason, text=text.strip(), created_at=at, **key
                )
        except IntegrityError:
            return Report.objects.get(reporter=reporter, **key)
        reporters = Report.objects.open().filter(**key).values("reporter").distinct().count()
        item.refresh_from_db()
        if reporters >= settings.TORGET_REPORTS_TO_HIDE and item.status == VISIBLE:
            _set_status(item, HIDDEN)
            _log(None, LogEntry.Action.AUTO_HIDDEN, item=item, reason=str(reporters))
            _tell_author(item, "auto_hidden", "")
    return report


# Moderators' decisions


def _require(moderator) -> None:
    if not moderator.has_perm(PERMISSION):
        raise PermissionDenied


def _set_status(item, status: str) -> None:
    from forums.services import thread_counts_refresh

    item.status = status
    item.save(update_fields=["status"])
    if isinstance(item, Post):
        thread = item.thread
        first = thread.posts.order_by("created_at", "pk").first()
        if first.pk == item.pk and thread.status == PENDING and status == VISIBLE:
            thread.status = VISIBLE
            thread.save(update_fields=["status"])
        thread_counts_refresh(thread)


def _resolve_reports(item, at) -> None:
    Report.objects.open().filter(**Report.item_filter(item)).update(resolved_at=at)


def _log(actor, action, *, item=None, thread=None, subject=None, reason="") -> LogEntry:
    key = Report.item_filter(item) if item is not None else {}
    if item is not None and isinstance(item, Post):
        thread = thread or item.thread
    return LogEntry.objects.create(
        actor=actor,
        action=action,
        reason=reason[:500],
        thread=thread,
        subject=subject or (item.author if item is not None else None),
        **key,
    )


def items_approve(*, items, moderator, at=None) -> int:
    """Publish held items, or put reported ones back: the reports are dismissed. In bulk."""
    from forums.services import followers_tell

    _require(moderator)
    at = at or timezone.now()
    count = 0
    with transaction.atomic():
        for item in items:
            was_pending = item.status == PENDING
            if item.status not in (PENDING, HIDDEN, VISIBLE):
                continue
            _set_status(item, VISIBLE)
            _resolve_reports(item, at)
            _log(moderator, LogEntry.Action.APPROVED, item=item)
            if was_pending and isinstance(item, Post):
                followers_tell(post=item, at=at)
            count += 1
    return count


def item_hide(*, item, moderator, reason: str, at=None) -> None:
    _require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        _set_status(item, HIDDEN)
        _resolve_reports(item, at)
        _log(moderator, LogEntry.Action.HIDDEN, item=item, reason=reason)
        _tell_author(item, "hidden", reason)


def item_restore(*, item, moderator, at=None) -> None:
    _require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        _set_status(item, VISIBLE)
        _resolve_reports(item, at)
        _log(moderator, LogEntry.Action.RESTORED, item=item)


def item_remove(*, item, moderator, reason: str, at=None) -> None:
    """Remove for good, for personal data about someone: the text and its history go."""
    _require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        if isinstance(item, Post):
            item.revisions.all().delete()
            item.source = item.html = ""
            item.removed_by = Post.RemovedBy.MODERATOR
            item.save(update_fields=["source", "html", "removed_by"])
        else:
            item.text = ""
            item.save(update_fields=["text"])
        _set_status(item, REMOVED)
        _resolve_reports(item, at)
        _log(moderator, LogEntry.Action.REMOVED, item=item, reason=reason)
        _tell_author(item, "removed", reason)


def thread_set(*, thread: Thread, moderator, locked=None, pinned=None, category=None) -> None:
    """Lock or unlock, pin or unpin, or move a thread."""
    _require(moderator)
    with transaction.atomic():
        if locked is not None and locked != thread.is_locked:
            thread.is_locked = locked
            action = LogEntry.Action.LOCKED if locked else LogEntry.Action.UNLOCKED
            _log(moderator, action, thread=thread, subject=thread.author)
        if pinned is not None and pinned != thread.is_pinned:
            thread.is_pinned = pinned
            action = LogEntry.Action.PINNED if pinned else LogEntry.Action.UNPINNED
            _log(moderator, action, thread=thread, subject=thread.author)
        if category is not None and category.translation_key != thread.category.translation_key:
            reason = f"{thread.category.name} → {category.name}"
            thread.category = category
            _log(
                moderator,
                LogEntry.Action.MOVED,
                thread=thread,
                subject=thread.author,
                reason=reason,
            )
        thread.save(update_fields=["is_locked", "is_pinned", "category"])


def user_suspend(*, user, moderator, reason: str, days: int | None, at=None) -> Suspension:
    """Read but not write, for `days` or until further notice (None)."""
    _require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        suspension = Suspension.objects.create(
            user=user,
            reason=reason,
            until=at + timedelta(days=days) if days else None,
            created_by=moderator,
            created_at=at,
        )
        _log(moderator, LogEntry.Action.SUSPENDED, subject=user, reason=reason)
        with translation.override(user.preferred_language):
            _email(user, "suspended", {"message": suspension_message(suspension)})
    return suspension


def user_unsuspend(*, user, moderator, at=None) -> None:
    _require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        user.suspensions.active(at).update(lifted_at=at)
        _log(moderator, LogEntry.Action.UNSUSPENDED, subject=user)


def user_trust_set(*, user, moderator, trust: str) -> None:
    _require(moderator)
    with transaction.atomic():
        user.trust = trust
        user.save(update_fields=["trust"])
        untrusted = trust == User.Trust.UNTRUSTED
        action = LogEntry.Action.UNTRUSTED if untrusted else LogEntry.Action.TRUSTED
        _log(moderator, action, subject=user)


# Telling authors


def _item_context(item) -> dict:
    if isinstance(item, Post):
        return {"what": item.thread.title, "is_post": True}
    return {"what": str(item.meeting), "is_post": False}


def _tell_author(item, kind: str, reason: str) -> None:
    author = item.author
    if author is None:
        return
    with translation.override(author.preferred_language):
        _email(author, kind, {**_item_context(item), "reason": reason, "item": item})


def _email(user, kind: str, context: dict) -> None:
    from home.models import SiteSettings

    site = SiteSettings.objects.first()
    context = {
        **context,
        "user": user,
        "contact_email": site.contact_email if site else "",
        "emails_url": absolute_url(reverse("my_emails")),
    }
    email_queue(
        to=user.email,
        subject=render_to_string(f"moderation/email/{kind}_subject.txt", context),
        body=render_to_string(f"moderation/email/{kind}.txt", context),
    )


def queue_counts(at=None) -> dict:
    """For the dashboard: how much waits, and since when."""
    from django.db.models import Min

    at = at or timezone.now()
    pending_posts = Post.objects.filter(status=PENDING).aggregate(
        n=Count("pk"), oldest=Min("created_at")
    )
    pending_questions = Question.objects.filter(status=PENDING).aggregate(
        n=Count("pk"), oldest=Min("created_at")
    )
    reported = Report.objects.open().aggregate(
        posts=Count("post", distinct=True),
        questions=Count("question", distinct=True),
        oldest=Min("created_at"),
    )
    oldest = min(
        (
            t
            for t in (pending_posts["oldest"], pending_questions["oldest"], reported["oldest"])
            if t
        ),
        default=None,
    )
    return {
        "pending": pending_posts["n"] + pending_questions["n"],
        "reported": reported["posts"] + reported["questions"],
        "oldest": oldest,
        "oldest_age": at - oldest if oldest else None,
    }
