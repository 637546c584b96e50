"""The account itself: profile, email choices, sessions, and its deletion, which runs what
every app declared (home.personal_data) in the declared order."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home import personal_data
from home.cache import content_changed
from home.services import RuleError


def user_profile_update(*, user, display_name: str, preferred_language: str) -> None:
    renamed = user.display_name != display_name.strip()
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    if renamed:
        # The name shows on posts and questions, but accounts are private rows that do not
        # make cached pages stale by themselves (a login writes one too).
        content_changed()
        transaction.on_commit(content_changed)


def user_emails_update(
    *, user, reminder_emails: bool, reply_emails: str, proposal_emails: bool
) -> None:
    """Which emails the person gets; every footer links to the page that calls this."""
    user.reminder_emails = reminder_emails
    user.reply_emails = reply_emails
    user.proposal_emails = proposal_emails
    user.save(update_fields=["reminder_emails", "reply_emails", "proposal_emails"])


class AccountError(RuleError):
    """An account change the rules refuse."""


@transaction.atomic
def account_release(*, user, at=None, writing: bool = False) -> dict[str, int]:
    """Before an account row goes (here or in the admin's Users): every app's deletion steps,
    in the order of home.personal_data.Stage. The verification goes first; places at future
    meetings are freed (the waiting list moves up), supports and thanks leave their counts,
    poll votes stay in the results without the person, alerts stop, sessions end and nothing
    waiting in the outbox is sent. `writing`: what the person wrote goes too. Returns what the
    steps report, for the last email."""
    at = at or timezone.now()
    facts = {}
    for step in personal_data.steps(writing=writing):
        facts.update(step.run(user=user, at=at) or {})
    content_changed()
    transaction.on_commit(content_changed)
    return facts


@transaction.atomic
def account_delete(*, user, remove_posts: bool, at=None) -> dict[str, int]:
    """The person deletes their own account: everything `account_release` does, their posts
    and questions removed too if they choose (otherwise signed "Former member"), then the last
    email and, last of all, the account row. Staff accounts are removed by an administrator."""
    if user.is_staff or user.is_superuser:
        raise AccountError(
            "staff", _("Staff accounts are removed by an administrator, not from this page.")
        )
    facts = account_release(user=user, at=at, writing=remove_posts)
    _goodbye(user, user.email, removed_posts=remove_posts, **facts)  # Stage.GOODBYE
    # Stage.ACCOUNT: the database erases and unlinks the rest, as each holding's fate says.
    user.delete()
    return facts


def _goodbye(user, address: str, **context) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from home.models import SiteSettings
    from home.services import email_queue

    site = SiteSettings.objects.first()
    with translation.override(user.preferred_language):
        context = {**context, "contact_email": site.contact_email if site else ""}
        email_queue(
            to=address,
            subject=render_to_string("accounts/email/deleted_subject.txt", context),
            body=render_to_string("accounts/email/deleted.txt", context),
        )


def unconfirmed_accounts_purge(*, before, at=None) -> int:
    """Accounts made before `before` whose address was never confirmed, and that never signed
    in, hold an address for nothing (the rule "unconfirmed_accounts"). Staff accounts, and
    accounts an administrator put in a group or gave a permission, are left alone."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    confirmed = EmailAddress.objects.filter(verified=True).values("user_id")
    _total, by_model = (
        User.objects.filter(
            date_joined__lt=before, last_login__isnull=True, is_staff=False, is_superuser=False
        )
        .filter(groups__isnull=True, user_permissions__isnull=True)
        .exclude(pk__in=confirmed)
        .delete()
    )
    return by_model.get(User._meta.label, 0)


DATABASE_SESSIONS = (
    "accounts.sessions",
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def sessions_purge(*, before=None, at) -> int:
    """Sessions that ended (signed out, or past SESSION_COOKIE_AGE) and the record of where they
    were signed in (the rule "sessions")."""
    from allauth.usersessions.models import UserSession
    from django.utils.module_loading import import_string

    if settings.SESSION_ENGINE not in DATABASE_SESSIONS:
        return 0  # sessions live elsewhere; the rows cannot be matched with them
    sessions = import_string(f"{settings.SESSION_ENGINE}.SessionStore").get_model_class()
    sessions.objects.filter(expire_date__lt=at).delete()
    _total, by_model = UserSession.objects.exclude(
        session_key__in=sessions.objects.values("session_key")
    ).delete()
    return by_model.get(UserSession._meta.label, 0)


def sessions_end(*, user, at=None) -> None:
    """Sign the person out everywhere (home.personal_data.Stage.SESSIONS)."""
    from allauth.usersessions.models import UserSession

    for session in UserSession.objects.filter(user=user):
        session.end()
