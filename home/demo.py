"""Demo content for a Botkyrka-like municipality: content, never assumptions in code."""

import json
import uuid
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page, Site

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

NOTICE_KEY = uuid.UUID("6f1c7f1e-8d7a-4b5e-9a53-2f1f2d0c0a01")

DISTRICTS = [
    {
        "slug": "alby",
        "sv": (
            "Alby",
            "Alby ligger vid Albysjön och har ett av kommunens största bostadsområden. "
            "Här arbetar kommunen, polisen och bostadsbolaget tillsammans för en tryggare "
            "vardag, med fler vuxna ute på kvällarna och bättre belysning.",
        ),
        "en": (
            "Alby",
            "Alby lies by Lake Alby and has one of the municipality's largest housing "
            "areas. The municipality, the police and the housing company work together "
            "here for safer everyday life, with more adults out in the evenings and "
            "better lighting.",
        ),
        "contact": (
            "Samira Haddad",
            "Trygghetssamordnare",
            "Safety coordinator",
            "samira.haddad@example.org",
            "08-530 610 01",
        ),
    },
    {
        "slug": "fittja",
        "sv": (
            "Fittja",
            "I Fittja samlas boende, föreningar och myndigheter på storsamlingar för "
            "att höra om trygghetsarbetet och forma stadsdelens framtid tillsammans.",
        ),
        "en": (
            "Fittja",
            "In Fittja, residents, associations and public agencies gather at large "
            "open meetings to hear about the safety work and shape the district's "
            "future together.",
        ),
        "contact": (
            "Johan Lindqvist",
            "Områdesutvecklare",
            "Area developer",
            "johan.lindqvist@example.org",
            "08-530 610 02",
        ),
    },
    {
        "slug": "hallunda-norsborg",
        "sv": (
            "Hallunda-Norsborg",
            "Hallunda-Norsborg har tunnelbana, centrum och närhet till "
            "Mälaren. Stadsdelen har egna trygghetsvandringar varje vår "
            "och höst.",
        ),
        "en": (
            "Hallunda-Norsborg",
            "Hallunda-Norsborg has the underground, a town centre and "
            "Lake Mälaren nearby. The district holds its own safety walks "
            "every spring and autumn.",
        ),
        "contact": (
            "Aylin Demir",
            "Områdesutvecklare",
            "Area developer",
            "aylin.demir@example.org",
            "08-530 610 03",
        ),
    },
    {
        "slug": "tullinge",
        "sv": (
            "Tullinge",
            "Tullinge är en grön stadsdel med villor, skog och Tullingesjön. "
            "Här finns aktiva föreningar och ett starkt lokalt engagemang.",
        ),
        "en": (
            "Tullinge",
            "Tullinge is a green district with houses, forest and Lake Tullinge. "
            "It has active associations and strong local engagement.",
        ),
        "contact": (
            "Erik Nyström",
            "Kontaktperson",
            "Contact person",
            "erik.nystrom@example.org",
            "08-530 610 04",
        ),
    },
    {
        "slug": "tumba",
        "sv": (
            "Tumba",
            "Tumba är kommunens centralort med kommunhuset, pendeltåg och Tumba "
            "centrum. Dialogmöten om centrumets utveckling hålls här.",
        ),
        "en": (
            "Tumba",
            "Tumba is the municipality's central town, with the town hall, commuter "
            "trains and Tumba centre. Dialogue meetings on the centre's development "
            "are held here.",
        ),
        "contact": (
            "Maria Abdi",
            "Kommunikatör i tjänst",
            "Communicator on duty",
            "maria.abdi@example.org",
            "08-530 610 05",
        ),
    },
    {
        "slug": "grodinge",
        "sv": (
            "Grödinge",
            "Grödinge är kommunens landsbygd, med gårdar, sjöar och naturreservat. "
            "Här handlar trygghet ofta om vägar, kollektivtrafik och samverkan "
            "mellan grannar.",
        ),
        "en": (
            "Grödinge",
            "Grödinge is the municipality's countryside, with farms, lakes and "
            "nature reserves. Here, safety is often about roads, public transport "
            "and neighbours working together.",
        ),
        "contact": (
            "Lars Ek",
            "Kontaktperson",
            "Contact person",
            "lars.ek@example.org",
            "08-530 610 06",
        ),
    },
]

STANDARD_PAGES = [
    {
        "slug": "om-torget",
        "sv": (
            "Om Torget",
            "Torget är platsen där kommunen och invånarna möts: stadsdelarnas "
            "sidor, öppna möten, samtal i forumet och uppdateringar om "
            "trygghetsarbetet.",
        ),
        "en": (
            "About Torget",
            "Torget is where the municipality and its residents meet: "
            "district pages, open meetings, forum discussions and updates on "
            "the safety work.",
        ),
        "setting": None,
    },
    {
        "slug": "integritet",
        "sv": (
            "Integritetspolicy",
            "Vi sparar så lite som möjligt och bara så länge det behövs. "
            "Sidan använder inga spårningskakor och hämtar inget från "
            "andra webbplatser. Du kan ladda ner och radera dina "
            "uppgifter från ditt konto. En person har ett konto: stöd för "
            "förslag från flera konton av samma person räknas inte.",
        ),
        "en": (
            "Privacy policy",
            "We keep as little as possible, and only as long as it is "
            "needed. The site uses no tracking cookies and loads nothing "
            "from other websites. You can download and delete your data "
            "from your account. One person has one account: support for "
            "proposals from several accounts of one person does not count.",
        ),
        "setting": "privacy_page",
        # After the introduction: the retention rules (generated), then the person's rights.
        "more": {
            "sv": "Personuppgiftsansvarig är kommunen. Du har rätt att få veta vad vi sparar om "
            "dig, att få fel rättade och att få uppgifterna raderade. Under Mitt konto laddar "
            "du ner allt vi sparar om dig, väljer vilka mejl du får och raderar kontot. Har du "
            "frågor, eller vill klaga på hur vi hanterar dina uppgifter, skriv till "
            "torget@example.org. Du kan också vända dig till Integritetsskyddsmyndigheten (IMY).",
            "en": "The municipality is the data controller. You have the right to know what we "
            "keep about you, to have mistakes corrected and to have your data deleted. Under My "
            "account you download everything we keep about you, choose your emails and delete "
            "the account. If you have questions, or want to complain about how we handle your "
            "data, write to torget@example.org. You can also turn to the Swedish Authority for "
            "Privacy Protection (IMY).",
        },
    },
    {
        "slug": "riktlinjer",
        "sv": (
            "Riktlinjer för samtalen",
            "Var vänlig och håll dig till saken. Inga hot, inga "
            "personangrepp och inga uppgifter om enskilda "
            "personer. Moderatorer kan dölja inlägg som bryter "
            "mot riktlinjerna.",
        ),
        "en": (
            "Community guidelines",
            "Be kind and stay on topic. No threats, no personal "
            "attacks and no details about individuals. Moderators "
            "may hide posts that break the guidelines.",
        ),
        "setting": "guidelines_page",
    },
]

HOME = {
    "sv": (
        "Torget",
        "Välkommen till Torget, där kommunen och invånarna möts. Här hittar du din "
        "stadsdel, öppna möten och vad som görs för tryggheten där du bor.",
    ),
    "en": (
        "Torget",
        "Welcome to Torget, where the municipality and its residents meet. Find your "
        "district, open meetings and what is being done for safety where you live.",
    ),
}
DISTRICT_INDEX = {
    "sv": ("Stadsdelar", "Välj din stadsdel för att se dess möten, nyheter och kontaktpersoner."),
    "en": ("Districts", "Choose your district to see its meetings, news and contact people."),
}
NOTICE = {
    "sv": (
        "Eldningsförbud i hela Stockholms län. Grilla inte utomhus och gör inga eldar.",
        "Läs mer om eldningsförbudet",
    ),
    "en": (
        "A fire ban applies in all of Stockholm County. Do not barbecue outdoors or light fires.",
        "Read more about the fire ban",
    ),
}


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


def _translated(page, locale):
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    return translation.specific


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    return parent.add_child(instance=model(slug=slug, **fields))


ACCESSIBILITY = {
    "sv": (
        "Tillgänglighetsredogörelse",
        "Webbplatsen ska gå att använda för alla, med tangentbord, skärmläsare och på mobilen.",
        [
            (
                "Länkar i inlägg som invånare och föreningar skriver i forumet kan ha otydliga "
                "länktexter, till exempel ”klicka här”. Moderatorerna rättar dem när de ser dem.",
                "2.4.4 Länkarnas syfte (i sammanhanget)",
            ),
            (
                "Kartlänken på mötessidorna öppnar OpenStreetMap, som inte går att använda fullt "
                "ut med skärmläsare. Adressen och vägbeskrivningen står alltid i text på sidan.",
                "",
            ),
        ],
        "<p>Webbplatsen granskas automatiskt med verktyget axe-core: varje sida som ändras "
        "testas vid varje ändring, i mobil- och datorstorlek. En manuell granskning med "
        "skärmläsare och förstoring återstår.</p>",
    ),
    "en": (
        "Accessibility statement",
        "The site should work for everyone, with a keyboard, a screen reader and on a phone.",
        [
            (
                "Links in posts that residents and associations write in the forum may have "
                "unclear link texts, such as “click here”. Moderators correct them when they see "
                "them.",
                "2.4.4 Link Purpose (In Context)",
            ),
            (
                "The map link on meeting pages opens OpenStreetMap, which cannot be fully used "
                "with a screen reader. The address and directions are always written on the page.",
                "",
            ),
        ],
        "<p>The website is checked automatically with the axe-core tool: every page that "
        "changes is tested at every change, at phone and desktop sizes. A manual review with a "
        "screen reader and zoom remains to be done.</p>",
    ),
}


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
    for target, lang in ((page, "sv"), (_translated(page, english), "en")):
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
    _publish(_translated(home, english), *HOME["en"])

    index = _child(
        home, DistrictIndexPage, "stadsdelar", title=DISTRICT_INDEX["sv"][0], show_in_menus=True
    )
    _publish(index, *DISTRICT_INDEX["sv"], show_in_menus=True)
    _publish(_translated(index, english), *DISTRICT_INDEX["en"], show_in_menus=True)

    for district in DISTRICTS:
        page = _child(index, DistrictPage, district["slug"], title=district["sv"][0])
        name, role_sv, role_en, email, phone = district["contact"]
        for target, role, lang in (
            (page, role_sv, "sv"),
            (_translated(page, english), role_en, "en"),
        ):
            target.contacts.clear()
            target.contacts.add(DistrictContact(name=name, role=role, email=email, phone=phone))
            title, intro = district[lang]
            _publish(
                target, title, intro, search_description=intro.split(". ")[0].rstrip(".") + "."
            )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Botkyrka kommun"
    settings.contact_email = "torget@example.org"
    for item in STANDARD_PAGES:
        page = _child(home, StandardPage, item["slug"], title=item["sv"][0])
        more = item.get("more", {})
        _publish(page, *item["sv"], body=_paragraph(item["sv"][1], more.get("sv")))
        _publish(
            _translated(page, english), *item["en"], body=_paragraph(item["en"][1], more.get("en"))
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
