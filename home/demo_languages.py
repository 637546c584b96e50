"""The demo in every language: the pages a newcomer looks at first are translated through
wagtail-localize from home/demo_translations/<code>.po (Swedish text → translation, as a
translation agency returns it), so wagtail-localize's tables hold real translations. Every
other page stays Swedish, shown with a notice in the reader's language.

With the demo loaded, `strings_template()` gives the template of those strings for a new
language (home/demo_translations/strings.pot); slugs are left out, so addresses stay the same
in every language."""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page

from home.demo import NOTICE_KEY
from home.models import DisruptionNotice
from home.translations import translation_import

CATALOGS = Path(__file__).parent / "demo_translations"
# The home page, the sections in the menu, the districts, the about page and two meetings.
PAGE_SLUGS = [
    "home",
    "stadsdelar",
    "alby",
    "fittja",
    "hallunda-norsborg",
    "tullinge",
    "tumba",
    "grodinge",
    "om-torget",
    "moten",
    "storsamling-fittja",
    "trygghetsvandring-alby",
    "trygghet",
    "forum",
    "forslag",
]
LATEST_UPDATES = 3


def demo_objects() -> list:
    """What the demo translates, in the default language."""
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    pages = Page.objects.filter(locale=default, alias_of__isnull=True)
    found = {page.slug: page for page in pages.filter(slug__in=PAGE_SLUGS)}
    latest = (
        pages.live()
        .filter(content_type__app_label="updates", content_type__model="updatepage")
        .order_by("-first_published_at", "-pk")[:LATEST_UPDATES]
    )
    notices = DisruptionNotice.objects.filter(translation_key=NOTICE_KEY, locale=default)
    return [
        *(found[slug].specific for slug in PAGE_SLUGS if slug in found),
        *(page.specific for page in latest),
        *notices,
    ]


def seed() -> None:
    """Translate the demo's first pages into each language that has a catalog."""
    objects = demo_objects()
    for code, _name in settings.LANGUAGES:
        path = CATALOGS / f"{code}.po"
        if code == settings.LANGUAGE_CODE or not path.exists():
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        strings = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}
        for instance in objects:
            translation_import(instance=instance, locale=locale, strings=strings)


def strings_template() -> polib.POFile:
    from wagtail_localize.models import StringSegment, TranslationSource

    template = polib.POFile(wrapwidth=79)
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": ""}
    seen = set()
    for instance in demo_objects():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments.order_by("order"):
            text = segment.string.data
            if text in seen or segment.context.path == "slug":
                continue
            seen.add(text)
            template.append(
                polib.POEntry(msgid=text, msgstr="", comment=f"{instance}: {segment.context.path}")
            )
    return template
