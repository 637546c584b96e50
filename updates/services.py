"""Alerts about the safety work: subscriptions with double opt-in, and one email per change."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.links import absolute_url, object_from_token, signed_token
from home.models import DisruptionNotice
from home.services import RuleError, email_queue
from home.translations import translations_synchronise
from updates.models import AlertSent, NoticeAlert, Subscription, UpdatePage

CONFIRM_SALT = "updates.confirm"  # noqa: S105 - a namespace, not a secret
UNSUBSCRIBE_SALT = "updates.unsubscribe"  # noqa: S105


def subscription_from_token(value: str, salt: str) -> Subscription | None:
    return object_from_token(Subscription.objects.all(), value, salt)


def _url(name: str, subscription: Subscription, salt: str) -> str:
    with translation.override(subscription.language):
        return absolute_url(reverse(name, args=[signed_token(subscription, salt)]))


def subscription_create(*, email: str, districts, language: str) -> Subscription:
    """Ask for alerts; nothing is sent until the person confirms through the emailed link."""
    with transaction.atomic():
        subscription = Subscription.objects.create(email=email.strip().lower(), language=language)
        subscription.districts.set(districts)
        with translation.override(language):
            context = {
                "districts": [d.title for d in districts],
                "confirm_url": _url("updates:confirm", subscription, CONFIRM_SALT),
            }
            email_queue(
                to=subscription.email,
                subject=render_to_string("updates/email/confirm_subject.txt", context),
                body=render_to_string("updates/email/confirm.txt", context),
            )
    return subscription


def subscription_confirm(*, subscription: Subscription, at=None) -> Subscription:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = at or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
        # One address, one set of districts: older confirmed subscriptions give way.
        Subscription.objects.filter(email=subscription.email).exclude(pk=subscription.pk).delete()
    return subscription


def subscription_end(*, subscription: Subscription) -> None:
    subscription.delete()


def subscriptions_purge(*, before, at=None) -> int:
    """Requests nobody confirmed before `before` hold an address for nothing (home.retention)."""
    _total, by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=before
    ).delete()
    return by_model.get(Subscription._meta.label, 0)


def _change(page: UpdatePage) -> str:
    if not AlertSent.objects.filter(translation_key=page.translation_key).exists():
        return "published"
    if page.kind == UpdatePage.Kind.MEASURE and page.status:
        return f"status:{page.status}"
    return ""


def update_published(*, page: UpdatePage, at=None) -> int:
    """After any language version is published: its facts (status, dates, districts) go to
    every language version, and subscribers hear of what changed. Wagtail also says
    "published" when a page is only scheduled; that waits for `publish_scheduled`."""
    if not page.live:
        return 0
    translations_synchronise(page=page)
    return alerts_for_published(page=page, at=at)


def alerts_for_published(*, page: UpdatePage, at=None) -> int:
    """Tell confirmed subscribers of the page's districts that it was published or that the
    measure's status changed. The AlertSent row makes each change go out once, whichever
    language version is published and however often."""
    change = _change(page)
    if not change:
        return 0
    try:
        with transaction.atomic():
            AlertSent.objects.create(
                translation_key=page.translation_key, change=change, sent_at=at or timezone.now()
            )
            if change == "published" and page.status:
                # The first alert already tells the starting status.
                AlertSent.objects.get_or_create(
                    translation_key=page.translation_key, change=f"status:{page.status}"
                )
    except IntegrityError:
        return 0
    keys = [district.translation_key for district in page.districts.all()]
    subscriptions = Subscription.objects.filter(
        confirmed_at__isnull=False, districts__translation_key__in=keys
    ).distinct()
    sent = 0
    for subscription in subscriptions:
        reader_page = (
            UpdatePage.objects.live()
            .filter(
                translation_key=page.translation_key,
                locale=Locale.objects.filter(language_code=subscription.language).first(),
            )
            .first()
            or page
        )
        unsubscribe_url = _url("updates:unsubscribe", subscription, UNSUBSCRIBE_SALT)
        with translation.override(subscription.language):
            context = {
                "page": reader_page,
                "page_url": absolute_url(reader_page.url or ""),
                "change": change,
                "unsubscribe_url": unsubscribe_url,
            }
            email_queue(
                to=subscription.email,
                subject=render_to_string("updates/email/alert_subject.txt", context),
                body=render_to_string("updates/email/alert.txt", context),
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        sent += 1
    return sent


class AlertError(RuleError):
    """An alert the rules refuse: a notice goes out by email once."""


def notice_alert_recipients(*, notice):
    """Who would get `notice` by email: confirmed subscribers of its districts (of any, when
    it concerns the whole municipality)."""
    source = notice.get_translation_or_none(Locale.get_default()) or notice
    return Subscription.objects.for_districts(list(source.districts.all()))


def notice_alert_send(*, notice, by, at=None) -> NoticeAlert:
    """Email a disruption notice to its districts' subscribers, each in their own language
    where the notice is translated: once per notice, logged with who sent it and to how many."""
    at = at or timezone.now()
    versions = {
        version.locale.language_code: version
        for version in DisruptionNotice.objects.filter(
            translation_key=notice.translation_key
        ).select_related("locale")
    }
    default = versions.get(settings.LANGUAGE_CODE, notice)
    subscriptions = list(notice_alert_recipients(notice=notice).prefetch_related("districts"))
    try:
        with transaction.atomic():
            alert = NoticeAlert.objects.create(
                notice_key=notice.translation_key,
                notice=default,
                sent_by=by,
                sent_at=at,
                recipients=len(subscriptions),
            )
            for subscription in subscriptions:
                _notice_email(versions.get(subscription.language, default), subscription)
    except IntegrityError:
        raise AlertError("sent", _("This notice has already been sent by email.")) from None
    return alert


def _notice_email(notice, subscription) -> None:
    unsubscribe_url = _url("updates:unsubscribe", subscription, UNSUBSCRIBE_SALT)
    with translation.override(subscription.language):
        context = {
            "notice": notice,
            "districts": [district.title for district in subscription.districts.all()],
            "unsubscribe_url": unsubscribe_url,
        }
        email_queue(
            to=subscription.email,
            subject=render_to_string("updates/email/notice_subject.txt", context),
            body=render_to_string("updates/email/notice.txt", context),
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
