"""Pictures as the templates show them, made before anyone asks.

Each kind of picture names its renditions once, here: the template tag `picture_of` shows
them, and the task `renditions_make` encodes them when an image is uploaded or its focal point
changes (and when the demo loads its pictures). AVIF at 1440 px takes over a second on a small
server, so a page never encodes: until its renditions exist it shows the original at once and
asks for them."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.forms.utils import flatatt
from django.utils.html import format_html
from wagtail.images.models import Filter, Picture, SourceImageIOError

PICTURES = {
    # A district's wide picture at the top of its page.
    "hero": "format-{avif,webp,jpeg} fill-{480x200,960x400,1440x600}",
    # A picture in a page's text.
    "figure": "format-{avif,webp,jpeg} max-{480x360,960x720,1440x1080}",
    # A resident's picture on their proposal.
    "proposal": "format-{avif,webp,jpeg} max-{480x320,960x640}",
    # An association's logo.
    "logo": "format-{avif,webp,png} max-{160x160,320x320}",
}
ASKED_SECONDS = 600  # a page asks the worker for an image's renditions at most this often


def filters(kind: str) -> list[Filter]:
    return [Filter(spec=spec) for spec in Filter.expand_spec(PICTURES[kind])]


def renditions_encode(image, kinds=tuple(PICTURES)) -> int:
    """Encode the renditions of these kinds (all) that the image lacks; returns how many."""
    made = 0
    for kind in kinds:
        wanted = filters(kind)
        made += len(wanted) - len(image.find_existing_renditions(*wanted))
        try:
            image.get_renditions(*wanted)
        except SourceImageIOError:
            return 0  # the file is gone: pages show Wagtail's not-found picture
    return made


def _asked_key(image) -> str:
    focal_point = (
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
    )
    return f"renditions-asked:{image.pk}:{image.file.name}:{focal_point}".replace(" ", "")


def renditions_ask(image) -> None:
    """Queue the image's renditions for the worker, once in a while, after the commit."""
    if not settings.TORGET_RENDITIONS_AHEAD:
        return
    if cache.add(_asked_key(image), True, ASKED_SECONDS):
        from home.tasks import renditions_make as task

        image_id = image.pk
        transaction.on_commit(lambda: task.enqueue(image_id=image_id))


def image_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save of the image model: a new file or focal point needs its renditions."""
    if not raw:
        cache.delete(_asked_key(instance))
        renditions_ask(instance)


def picture_html(image, kind: str, attrs: dict) -> str:
    """The picture with every format and size when they exist; until then the original."""
    wanted = filters(kind)
    found = image.find_existing_renditions(*wanted)
    if len(found) == len(wanted):
        return Picture({spec.spec: found[spec] for spec in wanted}, attrs).__html__()
    renditions_ask(image)
    plain = {name: value for name, value in attrs.items() if name != "sizes"}
    return format_html(
        '<img src="{}" width="{}" height="{}"{}>',
        image.file.url,
        image.width,
        image.height,
        flatatt(plain),
    )
