"""What the site keeps about people: only what each app declares here, from its
AppConfig.ready(). "My data" (the page and the JSON download), the deletion page's counts, the
deletion itself, the retention rules (home.retention, so `purge_personal_data` and the privacy
page) read these declarations; a test finds any personal field that no declaration names.

    personal_data.register(
        Declaration(
            app="forums",
            holdings=(Holding(model=Follow, fields=("user",), fate=Fate.ERASED, person="user"),),
            sections=(Section(key="follows", heading=_("What you follow"), rows=follows, ...),),
            steps=(Step(stage=Stage.RELEASE, run=thanks_take_back),),
            rules=(Rule(key="forum_marks", ...),),
        )
    )

Each app's declaration is in its `personal_data.py` (home's own in home/declared.py).
A shared piece never imports a content app: it reads what the apps declared here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, IntEnum

from django.db import models
from django.utils.functional import Promise

from home.retention import Rule


class Fate(Enum):
    """What becomes of a holding's rows when the person deletes the account."""

    ERASED = "erased"  # deleted with the account
    KEPT = "kept"  # stays without the person: unlinked or blanked, so counts and results hold
    # The person chooses on the deletion page: removed, or kept signed "Former member".
    CHOICE = "choice"
    # Never tied to the account (a guest's registration, an observation, a sent email): its
    # retention rule removes it, or the links in its own emails.
    BY_RULE = "by_rule"


class Stage(IntEnum):
    """The order of a deletion. Steps of one stage run in the order their apps registered."""

    # First, so that whatever counted the person as verified counts again without them.
    VERIFICATION = 10
    # Places given up (the waiting list moves up), marks taken back from their counts, votes
    # and alerts unlinked.
    RELEASE = 20
    SESSIONS = 30  # signed out everywhere
    # Only when the person chose to take what they wrote along; otherwise it stays and the
    # account row's going signs it "Former member".
    WRITING = 40
    # After everything that might still queue an email to the person: nothing waiting in the
    # outbox reaches them but the last email.
    OUTBOX = 50
    # accounts' own, always last: the goodbye email, then the account row (the database then
    # erases and unlinks the rest, as each holding's fate says). No app registers these.
    GOODBYE = 60
    ACCOUNT = 70


@dataclass(frozen=True)
class Holding:
    """One model that keeps something about a person, and where."""

    model: type[models.Model]
    # Every field that holds something about the person: the link to the account, names,
    # addresses, what they wrote.
    fields: tuple[str, ...]
    fate: Fate
    person: str = ""  # the lookup from a row to the person's account: "user", "thread__author"
    find: Callable | None = None  # (user) -> queryset, where no lookup reaches the account
    why: str = ""  # for the next developer: anything the fate alone does not say

    def of(self, user) -> models.QuerySet:
        """The rows that are this person's."""
        if self.find is not None:
            return self.find(user)
        if not self.person:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{self.person: user})


@dataclass(frozen=True)
class StaffData:
    """Fields that look personal but hold what staff or organisations write, with the reason.
    A base class (an abstract page) covers every model made from it."""

    model: type[models.Model]
    fields: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Section:
    """One part of "My data": rows of plain values (the JSON keeps them as they are) and the
    label of each value on the page."""

    key: str  # the JSON's key
    heading: Promise
    rows: Callable[..., Iterable[dict]]  # (user) -> rows
    labels: dict[str, Promise]


@dataclass(frozen=True)
class DeletionCount:
    """A sentence the deletion page shows. With `count`, a plural sentence with %(counter)s,
    shown when the person has any; `writing`: among what they wrote, whose fate they choose."""

    key: str
    sentence: Promise
    count: Callable[..., int] | None = None  # (user) -> how many
    writing: bool = False


@dataclass(frozen=True)
class Step:
    """One write of a deletion: a service `(user=, at=)` that returns facts for the goodbye
    email ({"registrations_cancelled": 1}) or nothing."""

    stage: Stage
    run: Callable[..., dict | None]

    @property
    def name(self) -> str:
        return f"{self.run.__module__}.{self.run.__qualname__}"


@dataclass(frozen=True)
class Declaration:
    """Everything one app keeps about people."""

    app: str
    holdings: tuple[Holding, ...] = ()
    staff_data: tuple[StaffData, ...] = ()
    sections: tuple[Section, ...] = ()
    counts: tuple[DeletionCount, ...] = ()
    steps: tuple[Step, ...] = ()
    rules: tuple[Rule, ...] = ()
    # Where its sections and rules come on the pages: the account first, then content apps,
    # then what others decided about the person.
    order: int = 50


_declarations: dict[str, Declaration] = {}


def register(declaration: Declaration) -> Declaration:
    for holding in (*declaration.holdings, *declaration.staff_data):
        for name in holding.fields:
            holding.model._meta.get_field(name)  # FieldDoesNotExist for a typo
    for step in declaration.steps:
        if step.stage >= Stage.GOODBYE:
            raise ValueError(f"{step.name}: the goodbye email and the account row come last")
    others = [other for other in _declarations.values() if other.app != declaration.app]
    for kind in ("sections", "rules", "counts"):
        taken = {item.key for other in others for item in getattr(other, kind)}
        clash = taken & {item.key for item in getattr(declaration, kind)}
        if clash:
            raise ValueError(f"{declaration.app}: {kind} {sorted(clash)} are declared already")
    _declarations[declaration.app] = declaration
    return declaration


def unregister(app: str) -> None:
    _declarations.pop(app, None)


def declarations() -> list[Declaration]:
    return sorted(_declarations.values(), key=lambda declaration: declaration.order)


def holdings() -> list[Holding]:
    return [holding for declaration in declarations() for holding in declaration.holdings]


def staff_data() -> list[StaffData]:
    return [item for declaration in declarations() for item in declaration.staff_data]


def sections() -> list[Section]:
    return [section for declaration in declarations() for section in declaration.sections]


def counts() -> list[DeletionCount]:
    return [count for declaration in declarations() for count in declaration.counts]


def rules() -> list[Rule]:
    return [rule for declaration in declarations() for rule in declaration.rules]


def steps(*, writing: bool) -> list[Step]:
    """The deletion's steps in the order they must run; `writing`: the person takes what they
    wrote along."""
    every = [step for declaration in declarations() for step in declaration.steps]
    chosen = [step for step in every if writing or step.stage != Stage.WRITING]
    return sorted(chosen, key=lambda step: step.stage)  # stable: apps' order within a stage


# Helpers for the declarations


def when(value) -> str | None:
    """A moment as the JSON shows it."""
    return value.isoformat() if value else None


def confirmed_addresses(user) -> models.QuerySet:
    """The person's confirmed addresses, lowercased. Only those are theirs: anyone can type
    another's address."""
    from allauth.account.models import EmailAddress
    from django.db.models.functions import Lower

    return (
        EmailAddress.objects.filter(user=user, verified=True)
        .annotate(lowered=Lower("email"))
        .values("lowered")
    )
