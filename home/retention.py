"""Every rule for how long personal data is kept, in one place.

`purge_personal_data` applies the rules that have a purge; the privacy page (the "retention"
block) lists all of them. Both read the periods from the same settings, so what the page says is
what the command does. A feature supplies the mechanism (a `*_purge(before=…, at=…)` service
that removes what is older than `before`); the period lives only here and in settings.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


@dataclass(frozen=True)
class Rule:
    key: str
    data: Promise  # what is kept
    why: Promise
    who: Promise  # who sees it
    # How long: with a setting, an ngettext_lazy(…, "days") text; without, while the account is.
    period: Promise
    setting: str = ""  # the setting that holds the period; empty: kept while the account is
    per_day: int = 1  # the setting's units in a day (seconds for SESSION_COOKIE_AGE)
    # The service that applies it, as a dotted path: (before=, at=) -> how many rows changed.
    purge: str = ""
    report: str = ""  # what the command prints, with %(count)s and %(days)s

    @property
    def days(self) -> int | None:
        return getattr(settings, self.setting) // self.per_day if self.setting else None

    @property
    def how_long(self) -> str:
        if self.setting:
            return self.period % {"days": self.days}
        return str(self.period)


# Translators: the texts below make up the privacy page's list of what is kept and for how long.
RULES = [
    Rule(
        key="account",
        data=_("Your account: email address, display name, language and email choices"),
        why=_("To sign you in, send you what you asked for and show your name by what you write"),
        who=_("You. Your display name is public; the site's administrators see the rest."),
        period=_("Until you delete the account"),
    ),
    Rule(
        key="content",
        data=_(
            "What you write: forum posts (with earlier versions of edited ones), questions to "
            "meetings and proposals"
        ),
        why=_("It is the conversation, and you chose to publish it"),
        who=_("Everyone; what moderators hide, only moderators see"),
        period=_(
            "Until you remove it or delete the account; then you choose whether it stays, "
            "signed “Former member”"
        ),
    ),
    Rule(
        key="verification",
        data=_(
            "That your account is verified as one person: how (e-identification or in person "
            "at a meeting) and when; for e-identification a keyed fingerprint of the identity "
            "the provider gives, never your personal identity number, name or anything else"
        ),
        why=_(
            "So that supports and votes that oblige the municipality to act count people, "
            "and one person cannot verify two accounts"
        ),
        who=_("You; the site's staff see whether, how and when, never the fingerprint"),
        period=_("Until you remove the verification or delete the account"),
    ),
    Rule(
        key="marks",
        data=_(
            "Your support for proposals and questions, thanks, follows and association memberships"
        ),
        why=_("To count support and tell you about what you follow"),
        who=_("Only the counts are public; associations see their members"),
        period=_("Until you take it back or delete the account"),
    ),
    Rule(
        key="moderation",
        data=_("Reports you make about posts, and moderators' decisions about what you wrote"),
        why=_("To keep the discussion civil and to be able to explain every decision"),
        who=_("The moderators"),
        period=_("Until you delete the account; a report then stays without your name"),
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
        purge="accounts.services.sessions_purge",
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
        purge="accounts.services.unconfirmed_accounts_purge",
        report="Deleted %(count)s accounts never confirmed within %(days)s days.",
    ),
    Rule(
        key="registrations",
        data=_("Meeting registrations: name, email, interpretation and accessibility needs"),
        why=_("To hold your place, send the confirmation and reminder, and arrange interpretation"),
        who=_("The meeting's organisers and the communications staff"),
        period=ngettext_lazy(
            "Until %(days)s day after the meeting; then only the count remains",
            "Until %(days)s days after the meeting; then only the count remains",
            "days",
        ),
        setting="TORGET_REGISTRATION_RETENTION_DAYS",
        purge="events.services.registrations_purge_ended",
        report="Removed names, emails and needs from %(count)s registrations for meetings "
        "that ended more than %(days)s days ago.",
    ),
    Rule(
        key="unconfirmed_registrations",
        data=_("Registrations without an account that were never confirmed"),
        why=_("To let you confirm your place with the link we emailed"),
        who=_("The meeting's organisers"),
        period=ngettext_lazy(
            "%(days)s day after the confirmation link stopped working",
            "%(days)s days after the confirmation link stopped working",
            "days",
        ),
        setting="TORGET_UNCONFIRMED_REGISTRATION_DAYS",
        purge="events.services.registrations_purge_unconfirmed",
        report="Removed names, emails and needs from %(count)s registrations never confirmed.",
    ),
    Rule(
        key="poll_votes",
        data=_("Which account gave a vote in a poll, and whether it was verified then"),
        why=_("So that each person votes once"),
        who=_("Nobody: staff see totals per answer, district and verification"),
        period=ngettext_lazy(
            "Until %(days)s day after the poll closed; the vote stays in the results",
            "Until %(days)s days after the poll closed; the vote stays in the results",
            "days",
        ),
        setting="TORGET_POLL_VOTE_ACCOUNT_DAYS",
        purge="polls.services.votes_unlink",
        report="Unlinked %(count)s poll votes from their accounts, %(days)s days after closing.",
    ),
    Rule(
        key="observation_contacts",
        data=_("Contact details in an observation report: name, email and phone"),
        why=_("So that a safety coordinator can ask you more, if you want that"),
        who=_("The safety coordinators"),
        period=ngettext_lazy(
            "%(days)s day after the report", "%(days)s days after the report", "days"
        ),
        setting="TORGET_OBSERVATION_CONTACT_DAYS",
        purge="reports.services.observation_contacts_purge",
        report="Removed contact details from %(count)s observation reports older than "
        "%(days)s days.",
    ),
    Rule(
        key="observations",
        data=_("Observation reports: what happened, where and when"),
        why=_(
            "For the situation picture that the municipality, the police and the housing "
            "company build together"
        ),
        who=_("The safety coordinators; others see only counts per district and week"),
        period=ngettext_lazy(
            "%(days)s day after the report", "%(days)s days after the report", "days"
        ),
        setting="TORGET_OBSERVATION_RETENTION_DAYS",
        purge="reports.services.observations_purge",
        report="Deleted %(count)s observation reports older than %(days)s days.",
    ),
    Rule(
        key="alerts",
        data=_("Requests for district alerts that were never confirmed: the email address"),
        why=_("To let you confirm the alerts with the link we emailed"),
        who=_("The site's administrators"),
        period=ngettext_lazy("%(days)s day", "%(days)s days", "days"),
        setting="TORGET_UNCONFIRMED_ALERT_DAYS",
        purge="updates.services.subscriptions_purge",
        report="Deleted %(count)s alert requests nobody confirmed within %(days)s days.",
    ),
    Rule(
        key="emails",
        data=_("Emails we sent: address and content"),
        why=_("To send again what failed, and to tell you what we sent if you ask"),
        who=_("The site's administrators"),
        period=ngettext_lazy("%(days)s day after sending", "%(days)s days after sending", "days"),
        setting="TORGET_SENT_EMAIL_RETENTION_DAYS",
        purge="home.services.emails_purge",
        report="Deleted %(count)s emails sent or given up more than %(days)s days ago.",
    ),
]


def apply(at: datetime | None = None) -> list[tuple[Rule, int]]:
    """Apply every rule that has a purge; what each removed, in order."""
    at = at or timezone.now()
    return [
        (rule, import_string(rule.purge)(before=at - timedelta(days=rule.days), at=at))
        for rule in RULES
        if rule.purge
    ]
