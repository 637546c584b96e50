"""What accounts keeps about a person (home.personal_data): the account, its email addresses,
its verification, where it is signed in and its second factor."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session as DjangoSession
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from accounts.models import Session, User, Verification
from accounts.services import (
    sessions_end,
    sessions_purge,
    unconfirmed_accounts_purge,
    verification_forget,
)
from home.personal_data import Declaration, Fate, Holding, Section, Stage, Step, when
from home.retention import Rule


def profile(user):
    yield {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "reminder_emails": user.reminder_emails,
        "reply_emails": user.reply_emails,
        "proposal_emails": user.proposal_emails,
    }


def email_addresses(user):
    for address in EmailAddress.objects.filter(user=user):
        yield {"email": address.email, "verified": address.verified, "primary": address.primary}


def verification(user):
    # How and when, never the fingerprint.
    for verified in Verification.objects.filter(user=user):
        yield {"method": verified.get_method_display(), "verified_at": when(verified.verified_at)}


def sessions(user):
    for session in UserSession.objects.filter(user=user):
        yield {
            "signed_in": when(session.created_at),
            "ip": session.ip,
            "browser": session.user_agent,
        }


def second_factors(user):
    # What kind and when, never the secret or the recovery codes.
    for authenticator in Authenticator.objects.filter(user=user):
        yield {
            "method": authenticator.get_type_display(),
            "since": when(authenticator.created_at),
            "last_used": when(authenticator.last_used_at),
        }


def account(user):
    return User.objects.filter(pk=user.pk)


def django_sessions(user):
    keys = UserSession.objects.filter(user=user).values("session_key")
    return DjangoSession.objects.filter(session_key__in=keys)


DECLARATION = Declaration(
    app="accounts",
    order=0,
    holdings=(
        Holding(
            model=User,
            fields=(
                "email",
                "display_name",
                "preferred_language",
                "password",
                "username",
                "first_name",
                "last_name",
            ),
            fate=Fate.ERASED,
            find=account,
            why="The account row goes last of all (Stage.ACCOUNT).",
        ),
        Holding(model=EmailAddress, fields=("user", "email"), fate=Fate.ERASED, person="user"),
        Holding(
            model=Verification,
            fields=("user", "method", "person_hash"),
            fate=Fate.ERASED,
            person="user",
            why="Removed first of all (Stage.VERIFICATION), so that what counted it recounts.",
        ),
        Holding(
            model=UserSession,
            fields=("user", "ip", "user_agent", "session_key", "data"),
            fate=Fate.ERASED,
            person="user",
        ),
        Holding(
            model=Session,
            fields=("user", "session_key", "session_data"),
            fate=Fate.ERASED,
            person="user",
        ),
        Holding(
            model=DjangoSession,
            fields=("session_key", "session_data"),
            fate=Fate.ERASED,
            find=django_sessions,
            why="Used only with Django's own database sessions; each ends with its UserSession.",
        ),
        Holding(
            model=Authenticator, fields=("user", "type", "data"), fate=Fate.ERASED, person="user"
        ),
        Holding(
            model=SocialAccount,
            fields=("user", "provider", "uid", "extra_data"),
            fate=Fate.ERASED,
            person="user",
            why="Stays empty: e-identification keeps only the Verification "
            "(accounts.adapter.SocialAccountAdapter).",
        ),
    ),
    sections=(
        Section(
            key="profile",
            heading=_("Profile"),
            rows=profile,
            labels={
                "email": _("Email"),
                "display_name": _("Display name"),
                "preferred_language": _("Language"),
                "joined": _("Account created"),
                "last_login": _("Last logged in"),
                "reminder_emails": _("Meeting reminders"),
                "reply_emails": _("Emails about what you follow"),
                "proposal_emails": _("Emails about proposals"),
            },
        ),
        Section(
            key="email_addresses",
            heading=_("Email addresses"),
            rows=email_addresses,
            labels={"email": _("Email"), "verified": _("Confirmed"), "primary": _("Primary")},
        ),
        Section(
            key="verification",
            heading=_("Verification"),
            rows=verification,
            labels={"method": _("How"), "verified_at": _("Verified")},
        ),
        Section(
            key="sessions",
            heading=_("Where you are signed in"),
            rows=sessions,
            labels={"signed_in": _("Signed in"), "ip": _("IP address"), "browser": _("Browser")},
        ),
        Section(
            key="two_factor",
            heading=_("Two-factor authentication"),
            rows=second_factors,
            labels={"method": _("How"), "since": _("Since"), "last_used": _("Last used")},
        ),
    ),
    steps=(
        Step(stage=Stage.VERIFICATION, run=verification_forget),
        Step(stage=Stage.SESSIONS, run=sessions_end),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="account",
            data=_("Your account: email address, display name, language and email choices"),
            why=_(
                "To sign you in, send you what you asked for and show your name by what you write"
            ),
            who=_("You. Your display name is public; the site's administrators see the rest."),
            period=_("Until you delete the account"),
        ),
        Rule(
            key="verification",
            data=_(
                "That your account is verified as one person: how (e-identification or in "
                "person at a meeting) and when; for e-identification a keyed fingerprint of the "
                "identity the provider gives, never your personal identity number, name or "
                "anything else"
            ),
            why=_(
                "So that supports and votes that oblige the municipality to act count people, "
                "and one person cannot verify two accounts"
            ),
            who=_("You; the site's staff see whether, how and when, never the fingerprint"),
            period=_("Until you remove the verification or delete the account"),
        ),
        Rule(
            key="two_factor",
            data=_(
                "Two-factor authentication, if you turn it on: its kind, when it was added and "
                "last used, and the secret it shares with your app or key"
            ),
            why=_("To ask for a second step when you sign in"),
            who=_("Nobody sees the secret; the site's administrators see whether it is on"),
            period=_("Until you turn it off or delete the account"),
        ),
        Rule(
            key="sessions",
            data=_("Where you are signed in: IP address, browser and time"),
            why=_("To keep you signed in and let you sign out on other devices"),
            who=_("You, and the site's administrators"),
            period=ngettext_lazy(
                "Until you sign out, at most %(days)s day",
                "Until you sign out, at most %(days)s days",
                "days",
            ),
            setting="SESSION_COOKIE_AGE",
            per_day=24 * 60 * 60,
            purge=sessions_purge,
            report="Deleted %(count)s sign-in sessions that ended.",
        ),
        Rule(
            key="unconfirmed_accounts",
            data=_("Accounts whose email address was never confirmed"),
            why=_("To let you confirm your address and start using the account"),
            who=_("The site's administrators"),
            period=ngettext_lazy(
                "%(days)s day after signing up, unless confirmed",
                "%(days)s days after signing up, unless confirmed",
                "days",
            ),
            setting="TORGET_UNCONFIRMED_ACCOUNT_DAYS",
            purge=unconfirmed_accounts_purge,
            report="Deleted %(count)s accounts never confirmed within %(days)s days.",
        ),
    ),
)
