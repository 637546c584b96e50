"""Demo content for a Botkyrka-like municipality: content, never assumptions in code."""

import json
import uuid
from datetime import timedelta

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
from home.translations import translation_to_write

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


def _publish(page, title, intro, **fields):
    page.title = title
    page.draft_title = title
    page.intro = f"<p>{intro}</p>"
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


def _accessibility_statement(home, english, now):
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
    for target, lang in ((page, "sv"), (translation_to_write(page, english), "en")):
        title, intro, problems, assessment = ACCESSIBILITY[lang]
        target.known_problems = [
            KnownProblem(description=text, criterion=criterion) for text, criterion in problems
        ]
        _publish(
            target,
            title,
            intro,
            contact_email="torget@example.org",
            contact_phone="08-530 610 00",
            assessed_on=now.date(),
            assessment=assessment,
        )
    return page


def seed(now=None) -> None:
    """Create or refresh the demo tree in Swedish and English; safe to run again."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    english, _ = Locale.objects.get_or_create(language_code="en")

    home = HomePage.objects.filter(locale=swedish).first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=HOME["sv"][0], slug="home", locale=swedish)
        )
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
    _publish(home, *HOME["sv"])
    _publish(translation_to_write(home, english), *HOME["en"])

    index = _child(
        home, DistrictIndexPage, "stadsdelar", title=DISTRICT_INDEX["sv"][0], show_in_menus=True
    )
    _publish(index, *DISTRICT_INDEX["sv"], show_in_menus=True)
    _publish(translation_to_write(index, english), *DISTRICT_INDEX["en"], show_in_menus=True)

    for number, district in enumerate(DISTRICTS):
        page = _child(index, DistrictPage, district["slug"], title=district["sv"][0])
        name, role_sv, role_en, email, phone = district["contact"]
        view = district_image(district["sv"][0], number)
        for target, role, lang in (
            (page, role_sv, "sv"),
            (translation_to_write(page, english), role_en, "en"),
        ):
            target.contacts.clear()
            target.contacts.add(DistrictContact(name=name, role=role, email=email, phone=phone))
            title, intro = district[lang]
            _publish(
                target,
                title,
                intro,
                search_description=intro.split(". ")[0].rstrip(".") + ".",
                hero_image=view,
                hero_image_alt=HERO_ALT[lang] % {"district": title},
            )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Botkyrka kommun"
    settings.contact_email = "torget@example.org"
    for item in STANDARD_PAGES:
        page = _child(home, StandardPage, item["slug"], title=item["sv"][0])
        more = item.get("more", {})
        _publish(page, *item["sv"], body=_paragraph(item["sv"][1], more.get("sv")))
        _publish(
            translation_to_write(page, english),
            *item["en"],
            body=_paragraph(item["en"][1], more.get("en")),
        )
        if item["setting"]:
            setattr(settings, item["setting"], page)
    settings.accessibility_page = _accessibility_statement(home, english, now)
    settings.save()

    for locale, lang in ((swedish, "sv"), (english, "en")):
        message, link_text = NOTICE[lang]
        DisruptionNotice.objects.update_or_create(
            translation_key=NOTICE_KEY,
            locale=locale,
            defaults={
                "message": message,
                "link_url": "https://www.krisinformation.se/",
                "link_text": link_text,
                "starts_at": now - timedelta(days=1),
                "ends_at": now + timedelta(days=30),
            },
        )


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
        translation = page.copy_for_translation(english).specific
        title, intro = texts["en"]
        translation.title = translation.draft_title = title
        translation.intro = f"<p>{intro}</p>"
        translation.save_revision().publish()
    return page
