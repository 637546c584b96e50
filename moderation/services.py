"""Trust, reports and moderators' decisions for everything residents write, whatever the content
app (moderation.registry: each app registers its kinds). Every decision is logged; the content
apps' services ask `gate()` before they publish anything."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from home.links import absolute_url
from home.services import RuleError, email_queue
from moderation import registry
from moderation.models import LogEntry, Report, Suspension, Visibility, WatchedWord

VISIBLE, PENDING, HIDDEN, REMOVED = Visibility.values
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
    approved = sum(
        kind.model._default_manager.filter(author=user, status=VISIBLE).count()
        for kind in registry.kinds()
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


def gate(*, author, text: str, links: int = 0, at=None) -> Verdict:
    """Whether a new item is published at once, held for a moderator, or refused
    (ModerationError) — suspension, a blocked word or too many links from a new account.
    `links`: how many links the text shows once published (its app knows how it renders)."""
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
    if not trusted and links > settings.TORGET_NEW_ACCOUNT_MAX_LINKS:
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
        decision_record(
            actor=None, action=LogEntry.Action.HELD, item=item, reason=str(verdict.reason)
        )


# Reports from readers


def report_create(*, reporter, item, reason: str, text: str = "", at=None) -> Report:
    """One report per person and item counts. At the TORGET_REPORTS_TO_HIDE-th distinct
    reporter the item is hidden until a moderator decides, and its author is told."""
    at = at or timezone.now()
    registry.kind_of(item)  # only what a content app registered can be reported
    if item.author_id == reporter.pk:
        raise ModerationError("own", _("You cannot report what you wrote yourself."))
    key = _item_key(item)
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
            decision_record(
                actor=None, action=LogEntry.Action.AUTO_HIDDEN, item=item, reason=str(reporters)
            )
            _tell_author(item, "auto_hidden", "")
    return report


# Moderators' decisions


def moderator_require(moderator) -> None:
    """For every decision, also the content apps' own (locking a thread)."""
    if not moderator.has_perm(PERMISSION):
        raise PermissionDenied


def _item_key(item) -> dict:
    return {"content_type": ContentType.objects.get_for_model(item), "object_id": item.pk}


def _set_status(item, status: str) -> None:
    item.status = status
    item.save(update_fields=["status"])
    registry.kind_of(item).on_status_change(item)


def _resolve_reports(item, at) -> None:
    Report.objects.open().filter(**_item_key(item)).update(resolved_at=at)


def decision_record(*, actor, action, item=None, subject=None, reason="") -> LogEntry:
    """Log one decision: on an item, or on something a content app moderates itself (a
    thread), or on a person (no item). Only moderation and the content apps' own moderator
    services call it."""
    if subject is None and item is not None:
        subject = getattr(item, "author", None)
    return LogEntry.objects.create(
        actor=actor,
        action=action,
        reason=reason[:500],
        subject=subject,
        **(_item_key(item) if item is not None else {}),
    )


def items_approve(*, items, moderator, at=None) -> int:
    """Publish held items, or put reported ones back: the reports are dismissed. In bulk."""
    moderator_require(moderator)
    at = at or timezone.now()
    count = 0
    with transaction.atomic():
        for item in items:
            was_pending = item.status == PENDING
            if item.status not in (PENDING, HIDDEN, VISIBLE):
                continue
            _set_status(item, VISIBLE)
            _resolve_reports(item, at)
            decision_record(actor=moderator, action=LogEntry.Action.APPROVED, item=item)
            if was_pending:
                registry.kind_of(item).on_published(item, at)
            count += 1
    return count


def item_hide(*, item, moderator, reason: str, at=None) -> None:
    moderator_require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        _set_status(item, HIDDEN)
        _resolve_reports(item, at)
        decision_record(actor=moderator, action=LogEntry.Action.HIDDEN, item=item, reason=reason)
        _tell_author(item, "hidden", reason)


def item_restore(*, item, moderator, at=None) -> None:
    moderator_require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        _set_status(item, VISIBLE)
        _resolve_reports(item, at)
        decision_record(actor=moderator, action=LogEntry.Action.RESTORED, item=item)


def item_remove(*, item, moderator, reason: str, at=None) -> None:
    """Remove for good, for personal data about someone: the text and its history go."""
    moderator_require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        registry.kind_of(item).erase(item)
        _set_status(item, REMOVED)
        _resolve_reports(item, at)
        decision_record(actor=moderator, action=LogEntry.Action.REMOVED, item=item, reason=reason)
        _tell_author(item, "removed", reason)


def user_suspend(*, user, moderator, reason: str, days: int | None, at=None) -> Suspension:
    """Read but not write, for `days` or until further notice (None)."""
    moderator_require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        suspension = Suspension.objects.create(
            user=user,
            reason=reason,
            until=at + timedelta(days=days) if days else None,
            created_by=moderator,
            created_at=at,
        )
        decision_record(
            actor=moderator, action=LogEntry.Action.SUSPENDED, subject=user, reason=reason
        )
        with translation.override(user.preferred_language):
            _email(
                user,
                subject=_("You cannot write for now"),
                template="suspended",
                context={"message": suspension_message(suspension)},
            )
    return suspension


def user_unsuspend(*, user, moderator, at=None) -> None:
    moderator_require(moderator)
    at = at or timezone.now()
    with transaction.atomic():
        user.suspensions.active(at).update(lifted_at=at)
        decision_record(actor=moderator, action=LogEntry.Action.UNSUSPENDED, subject=user)


def user_trust_set(*, user, moderator, trust: str) -> None:
    moderator_require(moderator)
    with transaction.atomic():
        user.trust = trust
        user.save(update_fields=["trust"])
        untrusted = trust == User.Trust.UNTRUSTED
        action = LogEntry.Action.UNTRUSTED if untrusted else LogEntry.Action.TRUSTED
        decision_record(actor=moderator, action=action, subject=user)


# Telling authors


def _tell_author(item, decision: str, reason: str) -> None:
    """`decision`: hidden, removed or auto_hidden, in the words the item's app chose."""
    author = item.author
    if author is None:
        return
    texts = registry.kind_of(item).texts
    with translation.override(author.preferred_language):
        what = {"what": registry.kind_of(item).where(item)}
        _email(
            author,
            subject=getattr(texts, f"{decision}_subject"),
            template="auto_hidden" if decision == "auto_hidden" else "decision",
            context={"sentence": str(getattr(texts, decision)) % what, "reason": reason},
        )


def _email(user, *, subject: str, template: str, context: dict) -> None:
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
        subject=str(subject),
        body=render_to_string(f"moderation/email/{template}.txt", context),
    )


def queue_counts(at=None) -> dict:
    """For the dashboard: how much waits, and since when."""
    at = at or timezone.now()
    pending = [
        kind.model._default_manager.filter(status=PENDING).aggregate(
            n=Count("pk"), oldest=Min("created_at")
        )
        for kind in registry.kinds()
    ]
    reports = Report.objects.open()
    reported = reports.values("content_type", "object_id").distinct().count()
    times = [row["oldest"] for row in pending] + [reports.aggregate(t=Min("created_at"))["t"]]
    oldest = min((t for t in times if t), default=None)
    return {
        "pending": sum(row["n"] for row in pending),
        "reported": reported,
        "oldest": oldest,
        "oldest_age": at - oldest if oldest else None,
    }
