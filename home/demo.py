"""Demo content for a Botkyrka-like municipality: content, never assumptions in code."""

import json
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from home.demo_media import district_image
from home.demo_texts import ACCESSIBILITY, DISTRICT_INDEX, DISTRICTS, HOME, NOTICE, STANDARD_PAGES
from home.models import (
    AccessibilityStatementPage,
    DisruptionNotice,
    DistrictContact,
    DistrictIndexPage,
    DistrictPage,
    HomePage,
    KnownProblem,
    SiteSettings,
    StandardPage,
)
from home.translations import translation_import, translation_strings

HERO_ALT = {
    "sv": "En tecknad vy över %(district)s: hus med tända fönster, träd och himmel.",
    "en": "A drawn view of %(district)s: buildings with lit windows, trees and sky.",
}
NOTICE_KEY = uuid.UUID("6f1c7f1e-8d7a-4b5e-9a53-2f1f2d0c0a01")


def _paragraph(text, after_retention=None):
    """A body of one paragraph; with `after_retention`, the retention rules and a second one."""
    blocks = [{"type": "paragraph", "value": f"<p>{text}</p>"}]
    if after_retention:
        blocks += [
            {"type": "retention", "value": None},
            {"type": "paragraph", "value": f"<p>{after_retention}</p>"},
        ]
    return json.dumps(blocks)


def _texts(title, intro, **fields):
    return {"title": title, "intro": f"<p>{intro}</p>", **fields}


def _publish(page, **fields):
    page.draft_title = fields["title"]
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def english_translate(instance, *, children=None, **fields):
    """Translate a Swedish page or snippet into English through wagtail-localize, as the other
    languages are (home.demo_languages): the agency's strings pair its texts with the English
    `fields`. Its source is first brought up to date, as "Sync translated pages" does, so the
    facts the translation copies are today's.

    wagtail-localize copies a page's child rows (contacts, known problems, progress) from the
    Swedish page as facts: `children` holds the English rows, saved in a revision of their own
    that is published after wagtail-localize publishes the translation, at commit."""
    from wagtail_localize.models import TranslationSource

    english = Locale.objects.get(language_code="en")
    TranslationSource.update_or_create_from_instance(instance)
    strings = translation_strings(instance=instance, fields=fields)
    translation = translation_import(instance=instance, locale=english, strings=strings)
    if children:
        translation = translation.specific
        for name, rows in children.items():
            setattr(translation, name, rows)
        transaction.on_commit(translation.save_revision().publish)
    return translation


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


def _accessibility_statement(home, now):
    # Demo databases from before the statement had its own page type held a standard page here.
    old = StandardPage.objects.child_of(home).filter(slug="tillganglighet").first()
    if old is not None:
        for page in Page.objects.filter(translation_key=old.translation_key):
            page.delete()
    page = _child(
        home,
        AccessibilityStatementPage,
        "tillganglighet",
        title=ACCESSIBILITY["sv"][0],
        contact_email="torget@example.org",
        assessed_on=now.date(),
    )
    texts, problems = {}, {}
    for lang in ("sv", "en"):
        title, intro, known, assessment = ACCESSIBILITY[lang]
        texts[lang] = _texts(title, intro, assessment=assessment)
        problems[lang] = [
            KnownProblem(description=text, criterion=criterion) for text, criterion in known
        ]
    page.known_problems = problems["sv"]
    _publish(
        page,
        **texts["sv"],
        contact_email="torget@example.org",
        contact_phone="08-530 610 00",
        assessed_on=now.date(),
    )
    english_translate(page, **texts["en"], children={"known_problems": problems["en"]})
    return page


def seed(now=None) -> None:
    """Create or refresh the demo tree in Swedish and English; safe to run again."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    Locale.objects.get_or_create(language_code="en")

    home = HomePage.objects.filter(locale=swedish).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=HOME["sv"][0], slug="home", locale=swedish)
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    _publish(home, **_texts(*HOME["sv"]))
    # Beside the Swedish home page at the root, the English one needs a slug of its own.
    english_translate(home, slug=f"{home.slug}-en", **_texts(*HOME["en"]))

    index = _child(
        home, DistrictIndexPage, "stadsdelar", title=DISTRICT_INDEX["sv"][0], show_in_menus=True
    )
    _publish(index, **_texts(*DISTRICT_INDEX["sv"], show_in_menus=True))
    english_translate(index, **_texts(*DISTRICT_INDEX["en"]))

    for number, district in enumerate(DISTRICTS):
        page = _child(index, DistrictPage, district["slug"], title=district["sv"][0])
        name, role_sv, role_en, email, phone = district["contact"]
        texts, contacts = {}, {}
        for lang, role in (("sv", role_sv), ("en", role_en)):
            title, intro = district[lang]
            texts[lang] = _texts(
                title,
                intro,
                search_description=intro.split(". ")[0].rstrip(".") + ".",
                hero_image_alt=HERO_ALT[lang] % {"district": title},
            )
            contacts[lang] = [DistrictContact(name=name, role=role, email=email, phone=phone)]
        page.contacts = contacts["sv"]
        _publish(page, **texts["sv"], hero_image=district_image(district["sv"][0], number))
        english_translate(page, **texts["en"], children={"contacts": contacts["en"]})

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Botkyrka kommun"
    settings.contact_email = "torget@example.org"
    for item in STANDARD_PAGES:
        page = _child(home, StandardPage, item["slug"], title=item["sv"][0])
        more = item.get("more", {})
        _publish(page, **_texts(*item["sv"], body=_paragraph(item["sv"][1], more.get("sv"))))
        english_translate(
            page, **_texts(*item["en"], body=_paragraph(item["en"][1], more.get("en")))
        )
        if item["setting"]:
            setattr(settings, item["setting"], page)
    settings.accessibility_page = _accessibility_statement(home, now)
    settings.save()

    message, link_text = NOTICE["sv"]
    notice, _created = DisruptionNotice.objects.update_or_create(
        translation_key=NOTICE_KEY,
        locale=swedish,
        defaults={
            "message": message,
            "link_url": "https://www.krisinformation.se/",
            "link_text": link_text,
            "starts_at": now - timedelta(days=1),
            "ends_at": now + timedelta(days=30),
        },
    )
    message, link_text = NOTICE["en"]
    english_translate(notice, message=message, link_text=link_text)


def section_ensure(model, slug: str, texts: dict, **fields):
    """A section page (meetings, forum, safety work) under the Swedish home page, shown in the
    menu and translated to English, created once. `texts` maps "sv"/"en" to (title, intro);
    `fields` are the page type's own required fields."""
    swedish = Locale.get_default()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=swedish)
    page = model.objects.child_of(home).first()
    if page is None:
        title, intro = texts["sv"]
        page = home.add_child(
            instance=model(
                title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True, **fields
            )
        )
        page.save_revision().publish()
    if page.get_translation_or_none(english) is None:
        english_translate(page, **_texts(*texts["en"]))
    return page
