"""Demo meetings for a Botkyrka-like municipality, in Swedish and English.

Registrations and questions are fixture rows written directly: they describe a state that
the services would have produced, without sending anyone an email.
"""

import json
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from events.models import EventIndexPage, EventPage, Question, QuestionSupport, Registration
from home.demo import english_translate, section_ensure
from home.demo_media import meeting_hall_image, minutes_document
from home.models import DistrictPage

INDEX = {
    "sv": ("Möten", "Öppna möten om trygghet och utveckling i stadsdelarna. Alla är välkomna."),
    "en": ("Meetings", "Open meetings on safety and development in the districts. All welcome."),
}

NAMES = [
    "Amina Yusuf",
    "Mehmet Kaya",
    "Sara Lind",
    "Yonas Tesfaye",
    "Leila Haddad",
    "Johan Berg",
    "Fatima Ali",
    "Gabriel Aho",
    "Nour Ibrahim",
    "Elin Ek",
    "Hassan Abdi",
    "Maria Gabriel",
    "Kerstin Holm",
    "Deniz Yilmaz",
    "Abdirahman Farah",
    "Sofia Nyberg",
    "Rami Aziz",
    "Hanna Virtanen",
    "Omar Said",
    "Lina Persson",
    "Ayan Warsame",
    "Petros Melki",
]


HALL_ALT = {
    "sv": "Tecknad bild av en full sal i Folkets hus där någon talar vid en talarstol.",
    "en": "A drawing of a full hall in Folkets hus, with someone speaking at a lectern.",
}
MINUTES_LINK = {
    "sv": 'Hela protokollet: <a linktype="document" id="%(id)s">Protokoll, storsamling i Fittja (PDF)</a>',
    "en": 'The full minutes: <a linktype="document" id="%(id)s">Minutes, Fittja assembly (PDF, in Swedish)</a>',
}


def _blocks(*paragraphs, picture=None, alt=""):
    blocks = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
    if picture is not None:
        value = {"image": picture.pk, "alt_text": alt, "decorative": False, "caption": ""}
        blocks.append({"type": "image", "value": value})
    return json.dumps(blocks)


def _minutes(data, lang):
    """The minutes' paragraphs, and a link to the whole protocol as a PDF document."""
    paragraphs = list(data["minutes"][lang])
    if data.get("protocol"):
        document = minutes_document(data["protocol"]["title"], data["protocol"]["lines"])
        paragraphs.append(MINUTES_LINK[lang] % {"id": document.pk})
    return _blocks(*paragraphs)


def _at(now, days, hour, minute=0):
    day = timezone.localtime(now).date() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _meetings(now):
    return [
        {
            "slug": "storsamling-fittja",
            "picture": True,
            "districts": ["fittja"],
            "kind": EventPage.Kind.ASSEMBLY,
            "start": _at(now, 12, 18),
            "end": _at(now, 12, 20, 30),
            "venue_name": "Fittja centrum, Folkets hus",
            "street_address": "Fittja torg 9, 145 50 Norsborg",
            "capacity": 120,
            "interpretation_languages": ["ar", "so", "tr", "syc"],
            "flags": [
                "step_free_access",
                "hearing_loop",
                "accessible_toilet",
                "seating",
                "childcare",
            ],
            "registrations": 24,
            "organiser": ("Johan Lindqvist", "johan.lindqvist@example.org", "08-530 610 02"),
            "sv": (
                "Storsamling Fittja",
                "Kom och hör vad kommunen, polisen och bostadsbolaget gör för tryggheten i "
                "Fittja, och säg vad du tycker ska göras härnäst.",
                [
                    "Kommunen, polisen och bostadsbolaget berättar om läget och om insatserna "
                    "sedan förra storsamlingen: kamerabevakning vid torget, ny belysning och fler "
                    "vuxna ute på kvällarna.",
                    "Sedan samtalar vi i mindre grupper. Det finns tolkar och barnpassning.",
                ],
                [
                    "18.00 Välkommen och läget i Fittja",
                    "18.30 Frågor till polisen och kommunen",
                    "19.15 Samtal i grupper",
                    "20.15 Vad tar vi med oss?",
                ],
            ),
            "en": (
                "Fittja assembly",
                "Hear what the municipality, the police and the housing company are doing for "
                "safety in Fittja, and say what you think should happen next.",
                [
                    "The municipality, the police and the housing company report on the situation "
                    "and the measures since the last assembly: cameras by the square, new lighting "
                    "and more adults out in the evenings.",
                    "Then we talk in smaller groups. Interpreters and childcare are available.",
                ],
                [
                    "18:00 Welcome and the situation in Fittja",
                    "18:30 Questions to the police and the municipality",
                    "19:15 Group discussions",
                    "20:15 What do we take with us?",
                ],
            ),
            "questions": [
                ("boende", "När kommer belysningen på gångvägen mot tunnelbanan att bytas?", 4),
                (
                    "forening",
                    "Kan föreningar få låna Folkets hus gratis på kvällarna för läxhjälp?",
                    3,
                ),
                ("redaktor", "Hur ofta kommer polisen att vara på plats vid torget?", 1),
            ],
        },
        {
            "slug": "trygghetsvandring-alby",
            "districts": ["alby"],
            "kind": EventPage.Kind.SAFETY_WALK,
            "start": _at(now, 5, 19),
            "end": _at(now, 5, 20, 30),
            "venue_name": "Alby centrum, vid tunnelbaneuppgången",
            "street_address": "Albyvägen 20, 145 59 Norsborg",
            "capacity": 12,
            "interpretation_languages": ["ar", "so"],
            "flags": ["step_free_access"],
            "registrations": 10,
            "waiting": 1,
            "organiser": ("Samira Haddad", "samira.haddad@example.org", "08-530 610 01"),
            "sv": (
                "Trygghetsvandring i Alby",
                "Vi går runt i Alby en kväll och noterar platser som känns otrygga: mörka "
                "gångvägar, trasig belysning, buskar som skymmer.",
                [
                    "Vandringen tar ungefär en och en halv timme och går på asfalterade vägar. "
                    "Ta på dig varma kläder. Det du ser hamnar i en lista som kommunen och "
                    "bostadsbolaget åtgärdar."
                ],
                [],
            ),
            "en": (
                "Safety walk in Alby",
                "We walk around Alby one evening and note places that feel unsafe: dark "
                "paths, broken lighting, bushes that block the view.",
                [
                    "The walk takes about an hour and a half on paved paths. Wear warm clothes. "
                    "What you see goes on a list that the municipality and the housing company "
                    "act on."
                ],
                [],
            ),
            "questions": [],
        },
        {
            "slug": "dialogmote-tumba-centrum",
            "districts": ["tumba"],
            "kind": EventPage.Kind.DIALOGUE,
            "start": _at(now, 20, 17, 30),
            "end": _at(now, 20, 19),
            "venue_name": "Kommunhuset, sal Tumba",
            "street_address": "Munkhättevägen 45, 147 85 Tumba",
            "capacity": None,
            "interpretation_languages": ["fi", "en"],
            "flags": ["step_free_access", "hearing_loop", "accessible_toilet", "seating"],
            "registrations": 6,
            "organiser": ("Erik Nyström", "erik.nystrom@example.org", "08-530 610 04"),
            "sv": (
                "Dialogmöte om Tumba centrum",
                "Hur ska Tumba centrum utvecklas? Tyck till om torget, parkeringen och "
                "kvällsöppna verksamheter.",
                ["Kommunens planerare visar förslagen och lyssnar på dina synpunkter."],
                [],
            ),
            "en": (
                "Dialogue meeting on Tumba town centre",
                "How should Tumba town centre develop? Have your say on the square, the "
                "parking and evening activities.",
                ["The municipality's planners show the proposals and listen to your views."],
                [],
            ),
            "questions": [],
        },
        {
            "slug": "storsamling-fittja-varen",
            "districts": ["fittja", "hallunda-norsborg"],
            "kind": EventPage.Kind.ASSEMBLY,
            "start": _at(now, -60, 18),
            "end": _at(now, -60, 20),
            "venue_name": "Fittja centrum, Folkets hus",
            "street_address": "Fittja torg 9, 145 50 Norsborg",
            "capacity": 120,
            "interpretation_languages": ["ar", "so", "tr"],
            "flags": ["step_free_access", "hearing_loop", "seating"],
            "registrations": 18,
            "organiser": ("Johan Lindqvist", "johan.lindqvist@example.org", "08-530 610 02"),
            "sv": (
                "Storsamling Fittja i våras",
                "Den förra storsamlingen i Fittja, med 96 deltagare.",
                ["Vi pratade om otrygghet vid torget och om vad unga behöver på kvällarna."],
                [],
            ),
            "en": (
                "Fittja assembly in the spring",
                "The previous assembly in Fittja, with 96 participants.",
                [
                    "We talked about feeling unsafe by the square and what young people need in "
                    "the evenings."
                ],
                [],
            ),
            "minutes": {
                "sv": [
                    "96 personer deltog. De viktigaste frågorna var belysningen vid torget, "
                    "fler vuxna ute på kvällarna och öppettiderna på fritidsgården.",
                    "Beslut: kommunen byter belysningen vid torget under hösten, och "
                    "fritidsgården håller öppet till kl. 22 på fredagar.",
                ],
                "en": [
                    "96 people took part. The main issues were lighting by the square, "
                    "more adults out in the evenings and the youth centre's opening hours.",
                    "Decided: the municipality replaces the lighting by the square this "
                    "autumn, and the youth centre stays open until 10 pm on Fridays.",
                ],
            },
            "protocol": {
                "title": "Protokoll, storsamling i Fittja i våras",
                "lines": [
                    "Plats: Fittja centrum, Folkets hus. Deltagare: 96.",
                    "1. Välkommen och presentation av trygghetsarbetet i Fittja.",
                    "2. Belysningen vid torget: kommunen byter belysningen under hösten.",
                    "3. Vuxna ute på kvällarna: nattvandrarna söker fler frivilliga.",
                    "4. Fritidsgården håller öppet till kl. 22 på fredagar från hösten.",
                    "5. Frågor från invånarna besvarades; svaren finns på mötessidan.",
                    "Nästa storsamling: i höst, i Folkets hus.",
                ],
            },
            "questions": [
                (
                    "boende",
                    "Kan fritidsgården ha öppet längre på fredagar?",
                    5,
                    "Ja. Från hösten håller fritidsgården öppet till kl. 22 på fredagar.",
                ),
                (
                    "forening",
                    "Vem ansvarar för belysningen vid torget?",
                    2,
                    "Kommunen äger belysningen och byter ut den under hösten.",
                ),
            ],
        },
    ]


def seed(now=None) -> None:
    """Create the demo meetings once; existing ones are left as they are, so that a second run
    never sends change notices to the demo registrations."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    index = section_ensure(EventIndexPage, "moten", INDEX)

    districts = {d.slug: d for d in DistrictPage.objects.filter(locale=swedish)}
    users = {u.username: u for u in User.objects.all()}
    for data in _meetings(now):
        if EventPage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        page = _meeting_page(index, data, districts)
        _registrations(page, data, now)
        _questions(page, data, users)


def _meeting_page(index, data, districts):
    title, intro, description, agenda = data["sv"]
    picture = meeting_hall_image() if data.get("picture") else None
    organiser_name, organiser_email, organiser_phone = data["organiser"]
    page = EventPage(
        title=title,
        slug=data["slug"],
        intro=intro,
        kind=data["kind"],
        start=data["start"],
        end=data["end"],
        venue_name=data["venue_name"],
        street_address=data["street_address"],
        capacity=data["capacity"],
        interpretation_languages=data["interpretation_languages"],
        organiser_name=organiser_name,
        organiser_email=organiser_email,
        organiser_phone=organiser_phone,
        description=_blocks(*description, picture=picture, alt=HALL_ALT["sv"]),
        agenda=_blocks(*agenda) if agenda else "[]",
        minutes=_minutes(data, "sv") if "minutes" in data else "[]",
        **{flag: True for flag in data["flags"]},
    )
    index.add_child(instance=page)
    page.districts.set([districts[slug] for slug in data["districts"] if slug in districts])
    page.save_revision().publish()
    title, intro, description, agenda = data["en"]
    english_translate(
        page,
        title=title,
        intro=intro,
        description=_blocks(*description, picture=picture, alt=HALL_ALT["en"]),
        agenda=_blocks(*agenda) if agenda else "[]",
        minutes=_minutes(data, "en") if "minutes" in data else "[]",
    )
    return EventPage.objects.get(pk=page.pk)


def _registrations(page, data, now):
    meeting = page.meeting
    rows = []
    languages = data["interpretation_languages"]
    for number in range(data["registrations"]):
        name = NAMES[number % len(NAMES)]
        rows.append(
            Registration(
                meeting=meeting,
                name=name,
                email=f"{name.lower().replace(' ', '.')}{number // len(NAMES) or ''}@example.org",
                language="en" if number % 5 == 4 else "sv",
                interpretation_language=languages[number % len(languages)]
                if number % 3 == 0
                else "",
                accessibility_needs="Rullstol" if number % 7 == 0 else "",
                companions=1 if number % 6 == 1 else 0,
                status=Registration.Status.CONFIRMED,
                source=Registration.Source.GUEST,
                created_at=now - timedelta(days=3, minutes=number),
                consented_at=now - timedelta(days=3, minutes=number),
                confirmed_at=now - timedelta(days=3, minutes=number),
            )
        )
    # Party sizes are chosen so that the safety walk has exactly ten places taken.
    if data["slug"] == "trygghetsvandring-alby":
        for row in rows:
            row.companions = 0
    for number in range(data.get("waiting", 0)):
        rows.append(
            Registration(
                meeting=meeting,
                name="Ida Sundberg",
                email=f"ida.sundberg{number}@example.org",
                companions=2,
                status=Registration.Status.WAITLISTED,
                source=Registration.Source.GUEST,
                created_at=now - timedelta(days=1),
                consented_at=now - timedelta(days=1),
                waitlisted_at=now - timedelta(days=1),
            )
        )
    Registration.objects.bulk_create(rows)


def _questions(page, data, users):
    supporters = list(users.values())
    for item in data["questions"]:
        username, text, support = item[:3]
        answer = item[3] if len(item) > 3 else ""
        question = Question.objects.create(
            meeting=page.meeting,
            author=users.get(username),
            text=text,
            answer=answer,
            answered_at=page.end if answer else None,
            support_count=0,
        )
        backers = [u for u in supporters if u.username != username][:support]
        QuestionSupport.objects.bulk_create(
            [QuestionSupport(question=question, user=user) for user in backers]
        )
        question.support_count = len(backers)
        question.save(update_fields=["support_count"])
