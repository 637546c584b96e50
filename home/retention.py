"""How long personal data is kept: each app declares its rules with what it keeps
(home.personal_data); this module says what a rule is and applies them.

`purge_personal_data` applies the rules that have a purge; the privacy page (the "retention"
block) lists all of them. Both read the periods from the same settings, so what the page says is
what the command does. An app supplies the mechanism (a `*_purge(before=…, at=…)` service that
removes what is older than `before`); the period lives only in its rule and in settings.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise


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
    # The service that applies it: (before=, at=) -> how many rows changed.
    purge: Callable[..., int] | None = None
    report: str = ""  # what the command prints, with %(count)s and %(days)s

    @property
    def days(self) -> int | None:
        return getattr(settings, self.setting) // self.per_day if self.setting else None

    @property
    def how_long(self) -> str:
        if self.setting:
            return self.period % {"days": self.days}
        return str(self.period)


def rules() -> list[Rule]:
    """Every app's rules, in the order the privacy page lists them."""
    from home import personal_data

    return personal_data.rules()


def apply(at: datetime | None = None) -> list[tuple[Rule, int]]:
    """Apply every rule that has a purge; what each removed, in order."""
    at = at or timezone.now()
    return [
        (rule, rule.purge(before=at - timedelta(days=rule.days), at=at))
        for rule in rules()
        if rule.purge
    ]
