"""Demo proposals in several districts and stages, written for this demo: one answered and
carried out as a measure (linked both ways), one refused with reasons, some gathering
support and one waiting for a moderator."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from events.models import EventPage
from forums.models import Category
from home.demo import english_translate, section_ensure
from home.models import DistrictPage
from proposals import services
from proposals.models import Proposal, ProposalIndexPage
from updates.models import MeasureCategory, UpdatePage

INDEX = {
    "sv": (
        "Förslag",
        "Föreslå vad din stadsdel behöver, stöd grannarnas förslag och se vad kommunen svarar.",
    ),
    "en": (
        "Proposals",
        "Propose what your district needs, support your neighbours' proposals and see what the "
        "municipality answers.",
    ),
}
# district, category, author, title, text, place, supporters, (status, verdict, answer, measure),
# and the meeting where it was raised, if any
PROPOSALS = [
    (
        "alby",
        "belysning",
        "boende",
        "Ljus i Albytunneln",
        "Tunneln under vägen är mörk på kvällarna och många går hellre en lång omväg. "
        "Byt lamporna och måla väggarna ljusa, så vågar fler gå där.",
        "Gångtunneln mellan tunnelbanan och Albyvägen",
        ["forening", "ny", "redaktor", "arrangor"],
        (
            "done",
            "accepted",
            "Vi håller med. Tekniska förvaltningen bytte belysningen och målade om tunneln i "
            "våras; se insatsen för hur det gick.",
            "belysning-albytunneln",
        ),
    ),
    (
        "fittja",
        "boende",
        "forening",
        "Bänkar och grönska på Fittja torg",
        "Torget behöver fler platser att sitta på, i skugga. Planteringar gör att fler stannar "
        "och att torget känns omhändertaget.",
        "Fittja torg",
        ["boende", "arrangor", "samordnare"],
        ("review", "", "", None),
        "storsamling-fittja-varen",
    ),
    (
        "hallunda-norsborg",
        "unga",
        "boende",
        "Fartgupp på Hallundavägen vid skolan",
        "Bilarna kör fort förbi skolan på morgonen. Ett fartgupp skulle göra skolvägen säkrare.",
        "Hallundavägen vid skolan",
        ["forening"],
        (
            "answered",
            "rejected",
            "Hallundavägen är en bussgata, och fartgupp gör bussresan obekväm för många. "
            "I stället sätter vi upp en hastighetsskylt som visar farten och ber polisen om "
            "kontroller på morgnarna.",
            None,
        ),
    ),
    (
        "tumba",
        "unga",
        "forening",
        "Läxhjälp på biblioteket på lördagar",
        "Många barn har ingen hemma som kan hjälpa med läxorna. Föreningar kan hålla läxhjälp om "
        "biblioteket har öppet och ett rum att låna.",
        "Tumba bibliotek",
        ["boende", "ny"],
        ("submitted", "", "", None),
    ),
    (
        "tullinge",
        "boende",
        "ny",
        "Utegym vid Tullingesjön",
        "Ett enkelt utegym vid badplatsen skulle få fler att röra sig, och fler ögon vid sjön på "
        "kvällarna.",
        "Badplatsen vid Tullingesjön",
        [],
        ("submitted", "", "", None),
    ),
]


def seed(now=None) -> None:
    """Create the demo proposals once; a second run leaves them as they are."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    category = _discussion_category()
    index = section_ensure(ProposalIndexPage, "forslag", INDEX, discussion_category=category)
    if Proposal.objects.exists():
        return
    users = {user.username: user for user in User.objects.all()}
    start = now - timedelta(days=60)
    pace = settings.TORGET_FORUM_SECONDS_BETWEEN_POSTS
    for number, row in enumerate(PROPOSALS):
        district, category_slug, author, title, text, place, supporters, answer, *raised = row
        at = start + timedelta(days=number * 7, seconds=number * (pace + 1))
        proposal = services.proposal_create(
            index_page=index,
            author=users[author],
            district=DistrictPage.objects.get(slug=district, locale=swedish),
            category=MeasureCategory.objects.filter(slug=category_slug, locale=swedish).first(),
            title=title,
            text=text,
            place=place,
            at=at,
        )
        for supporter in supporters:
            services.support_toggle(
                proposal=proposal, user=users[supporter], at=at + timedelta(days=1)
            )
        status, verdict, reasons, measure_slug = answer
        meeting = EventPage.objects.filter(slug__in=raised, locale=swedish).first()
        if status != Proposal.Status.SUBMITTED or meeting:
            services.proposal_answer(
                proposal=proposal,
                by=users["admin"],
                status=status,
                verdict=verdict,
                answer=reasons,
                measure=UpdatePage.objects.filter(slug=measure_slug, locale=swedish).first(),
                raised_at=meeting,
                at=at + timedelta(days=20),
            )


def _discussion_category() -> Category:
    """The forum category where proposals are discussed, in Swedish and English."""
    category = Category.objects.filter(slug="forslag", locale=Locale.get_default()).first()
    if category is None:
        category = Category.objects.create(
            slug="forslag",
            name="Förslag",
            description="Samtalen om invånarnas förslag.",
            order=40,
        )
        english_translate(
            category, name="Proposals", description="The discussions of residents' proposals."
        )
    return category
