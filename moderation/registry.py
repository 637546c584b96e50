"""What moderation knows about the things residents write: only what each content app tells it
here, from its AppConfig.ready(). Moderation owns the states and the rules; a content app owns
how its items look in the queue, where they belong and what follows a decision.

    moderation.registry.register(
        ModeratedKind(model=Post, name="post", slug="inlagg", label=_("Forum posts"), ...)
    )
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated


def _nothing(*args, **kwargs) -> None:
    return None


@dataclass(frozen=True)
class AuthorTexts:
    """What the author is told about their item; `%(what)s` is where it belongs."""

    hidden_subject: str = _("Your text has been hidden")
    hidden: str = _("A moderator has hidden what you wrote in “%(what)s”.")
    removed_subject: str = _("Your text has been removed")
    removed: str = _("A moderator has removed what you wrote in “%(what)s” for good.")
    auto_hidden_subject: str = _("Your text waits for a moderator")
    auto_hidden: str = _(
        "Several readers have reported what you wrote in “%(what)s”, so it is hidden until a "
        "moderator has looked at it."
    )


@dataclass(frozen=True)
class ModeratedKind:
    """One kind of moderated item. `model` inherits moderation.models.Moderated."""

    model: type[Moderated]
    name: str  # in the admin's addresses and forms: "post"
    slug: str  # in the public address of the report form: "inlagg"
    label: str  # the heading of its part of the queue
    template: str  # one item in the queue: where it belongs and its text (as `item`)
    where: Callable[[Moderated], str]  # the thread or meeting it belongs to, for its author
    page_url: Callable[[Moderated], str]  # where a reader sees it, in the active language
    erase: Callable[[Moderated], None]  # removed for good: blank the text and its history
    related: tuple[str, ...] = ()  # select_related for the queue, the log and the report form
    texts: AuthorTexts = field(default_factory=AuthorTexts)
    # The status changed (the forum counts a thread's visible posts).
    on_status_change: Callable[[Moderated], None] = _nothing
    # A held item was approved and is now public (the forum tells the thread's followers).
    on_published: Callable[..., None] = _nothing  # (item, at)
    # More decisions in the queue (the forum's lock, pin and move), with the data they need,
    # read once for the page.
    actions_template: str = ""
    queue_context: Callable[[], dict] = dict

    def queryset(self):
        return self.model._default_manager.select_related("author", *self.related)


_kinds: dict[str, ModeratedKind] = {}


def register(kind: ModeratedKind) -> ModeratedKind:
    if not issubclass(kind.model, Moderated):
        raise TypeError(f"{kind.model.__name__} must inherit moderation.models.Moderated")
    for other in _kinds.values():
        if other.name != kind.name and kind.slug == other.slug:
            raise ValueError(f"The report address {kind.slug!r} is taken by {other.name!r}")
    _kinds[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _kinds.pop(name, None)


def kinds() -> list[ModeratedKind]:
    return list(_kinds.values())


def kind_named(name: str) -> ModeratedKind | None:
    return _kinds.get(name)


def kind_with_slug(slug: str) -> ModeratedKind | None:
    return next((kind for kind in _kinds.values() if kind.slug == slug), None)


def kind_of(item: models.Model) -> ModeratedKind:
    for kind in _kinds.values():
        if isinstance(item, kind.model):
            return kind
    raise LookupError(f"{type(item).__name__} is not registered with moderation")


def item_prefetch(lookup: str = "item") -> GenericPrefetch:
    """Fetches the items of many reports or log entries with what each kind shows."""
    return GenericPrefetch(lookup, [kind.queryset() for kind in _kinds.values()])
