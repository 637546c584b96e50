"""Demo forum: categories per district and topic, a verified association, and threads in plain
Swedish (two in English) written for this demo. Posts go through the services, like real ones."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from forums import services
from forums.models import Association, AssociationMembership, Category, ForumPage, Thread
from home.demo import english_translate, section_ensure
from home.models import DistrictPage

FORUM = {
    "sv": ("Forum", "Samtala med grannar, föreningar och kommunen om livet i stadsdelarna."),
    "en": ("Forum", "Talk with neighbours, associations and the municipality about the districts."),
}

TOPICS = [
    (
        "trygghet",
        "Trygghet",
        "Safety",
        "Det som gör stadsdelen trygg eller otrygg.",
        "What makes the district feel safe or unsafe.",
    ),
    (
        "skola-och-unga",
        "Skola och unga",
        "School and young people",
        "Skolor, fritidsgårdar och vad unga behöver.",
        "Schools, youth centres and what young people need.",
    ),
    (
        "foreningsliv",
        "Föreningsliv",
        "Associations",
        "Föreningar berättar och söker folk.",
        "Associations tell about themselves and look for people.",
    ),
    (
        "boende-och-narmiljo",
        "Boende och närmiljö",
        "Housing and surroundings",
        "Gårdar, lekplatser, belysning och städning.",
        "Courtyards, playgrounds, lighting and cleaning.",
    ),
]

# (category slug, title, author, as association, text, tags, replies as (author, text))
THREADS = [
    (
        "fittja",
        "Belysningen på gångvägen mot tunnelbanan",
        "boende",
        False,
        "Gångvägen från Fittja torg mot tunnelbanan är mörk efter klockan sex. Två lampor har "
        "varit trasiga sedan i höstas. Är det fler som tycker att det känns otryggt där?",
        ["belysning", "trygghet"],
        [
            (
                "forening",
                "Ja, vi har hört samma sak från flera föräldrar i föreningen. Vi tar upp det "
                "på storsamlingen.",
            ),
            (
                "redaktor",
                "Tack för att ni säger till! Felanmälan är gjord och lamporna byts inom två "
                "veckor.",
            ),
        ],
    ),
    (
        "fittja",
        "Läxhjälp i Folkets hus på tisdagar",
        "forening",
        True,
        "Föreningen Fittja Framåt har **läxhjälp** för mellanstadiet och högstadiet varje tisdag "
        "klockan 16–18 i Folkets hus. Alla är välkomna, det kostar inget.\n\n- Ta med dina böcker\n"
        "- Vi bjuder på frukt",
        ["läxhjälp", "unga"],
        [("boende", "Fantastiskt, min son kommer nästa vecka!")],
    ),
    (
        "alby",
        "Trygghetsvandringen – vad ska vi titta på?",
        "boende",
        False,
        "Inför trygghetsvandringen i Alby: vilka platser tycker ni att vi ska gå förbi? Jag tänker "
        "på parkeringen bakom centrum och tunneln under Albyvägen.",
        ["trygghetsvandring"],
        [
            (
                "moderator",
                "Bra idé att samla platserna här innan. Skriv gärna vilken tid på dygnet "
                "det känns otryggt.",
            )
        ],
    ),
    (
        "tumba",
        "Parkeringen vid Tumba centrum",
        "boende",
        False,
        "Blir det fler cykelparkeringar när centrum byggs om? I dag är det fullt redan klockan "
        "åtta.",
        ["cykel", "centrum"],
        [],
    ),
    (
        "trygghet",
        "Grannsamverkan – hur kommer man igång?",
        "boende",
        False,
        "Vi är några grannar på Tornedalsvägen som vill starta grannsamverkan. Har någon gjort det "
        "förut och vet hur man börjar?",
        ["grannsamverkan"],
        [("forening", "Polisen har en bra introduktion. Vi kan hjälpa er med det första mötet.")],
    ),
    (
        "skola-och-unga",
        "Fritidsgården borde ha öppet på lördagar",
        "boende",
        False,
        "Fritidsgården stänger fredag kväll och öppnar måndag. På helgerna finns ingenstans att "
        "vara för de äldre barnen.",
        ["fritidsgård"],
        [
            (
                "forening",
                "Håller med. Vi har lokaler och kan ställa upp med vuxna på lördagar om "
                "kommunen vill prova.",
            )
        ],
    ),
    (
        "foreningsliv",
        "Fittja Framåt söker volontärer",
        "forening",
        True,
        "Vi söker vuxna som kan vara med på kvällsvandringar en kväll i månaden. Ingen erfarenhet "
        "behövs, vi går alltid minst tre tillsammans.",
        ["volontär"],
        [],
    ),
    (
        "boende-och-narmiljo",
        "Lekplatsen på Krögarvägen",
        "boende",
        False,
        "Gungorna på lekplatsen har varit avstängda i en månad. Vet någon när de lagas?",
        ["lekplats"],
        [],
    ),
    (
        "hallunda-norsborg",
        "Walking group in Hallunda",
        "boende",
        False,
        "Is anyone interested in a morning walking group around Hallunda? I speak English and some "
        "Swedish; everyone is welcome.",
        ["walking"],
        [("forening", "Great idea! We can share it in our newsletter.")],
    ),
    (
        "tullinge",
        "Question about the new bus timetable",
        "boende",
        False,
        "Does anyone know if bus 725 will keep running after ten in the evening in the new "
        "timetable?",
        ["bus"],
        [],
    ),
]


def seed(now=None) -> None:
    """Create the demo forum once; a second run leaves it as it is."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    section_ensure(ForumPage, "forum", FORUM)
    if Category.objects.exists():
        return

    categories = {}
    for order, district in enumerate(DistrictPage.objects.filter(locale=swedish).order_by("title")):
        categories[district.slug] = _category(
            district.slug,
            district.title,
            district.title,
            f"Om livet i {district.title}.",
            f"About life in {district.title}.",
            order,
            district,
        )
    for order, (slug, name_sv, name_en, text_sv, text_en) in enumerate(TOPICS, start=20):
        categories[slug] = _category(slug, name_sv, name_en, text_sv, text_en, order)

    users = {user.username: user for user in User.objects.all()}
    association, _created = Association.objects.get_or_create(
        slug="fittja-framat",
        defaults={
            "name": "Föreningen Fittja Framåt",
            "description": "En ideell förening för barn, unga och föräldrar i Fittja: läxhjälp, "
            "kvällsvandringar och fest på torget varje sommar.",
            "website": "https://fittjaframat.example.org",
            "district": DistrictPage.objects.filter(slug="fittja", locale=swedish).first(),
            "verified": True,
            "verified_at": now,
            "verified_by": users.get("admin"),
        },
    )
    AssociationMembership.objects.get_or_create(
        association=association,
        user=users["forening"],
        defaults={"role": AssociationMembership.Role.ADMIN},
    )

    start = now - timedelta(days=len(THREADS) * 2)
    for number, (slug, title, author, as_association, text, tags, replies) in enumerate(THREADS):
        at = start + timedelta(days=number * 2)
        thread = services.thread_create(
            category=categories[slug],
            author=users[author],
            title=title,
            text=text,
            tags=tags,
            association=association if as_association else None,
            at=at,
        )
        for offset, (reply_author, reply_text) in enumerate(replies, start=1):
            services.post_reply(
                thread=Thread.objects.get(pk=thread.pk),
                author=users[reply_author],
                text=reply_text,
                association=association if reply_author == "forening" else None,
                at=at + timedelta(hours=offset * 3),
            )


def _category(slug, name_sv, name_en, text_sv, text_en, order, district=None):
    category = Category.objects.create(
        slug=slug, name=name_sv, description=text_sv, order=order, district=district
    )
    english_translate(category, name=name_en, description=text_en)
    return category
