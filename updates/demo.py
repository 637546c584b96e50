"""Demo updates on the safety work, in Swedish and English, written for this demo."""

import json
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.demo import english_translate, section_ensure
from home.models import DistrictPage
from updates.models import (
    MeasureCategory,
    ProgressEntry,
    Responsible,
    UpdateIndexPage,
    UpdatePage,
)

INDEX = {
    "sv": (
        "Trygghet",
        "Vad kommunen, polisen och bostadsbolaget gör för tryggheten, och hur långt det har kommit.",
    ),
    "en": (
        "Safety",
        "What the municipality, the police and the housing company do for safety, and how far it has come.",
    ),
}
CATEGORIES = [
    ("kameror", "Kamerabevakning", "Safety cameras"),
    ("belysning", "Belysning", "Lighting"),
    ("polissamverkan", "Samverkan med polisen", "Police cooperation"),
    ("skola", "Skola", "Schools"),
    ("aldreomsorg", "Äldreomsorg", "Elderly care"),
    ("unga", "Unga och fritid", "Youth and leisure"),
    ("boende", "Boende och utemiljö", "Housing and outdoor spaces"),
]
RESPONSIBLE = [
    ("kommunen", "Kommunen", "The municipality"),
    ("polisen", "Polisen", "The police"),
    ("bostadsbolaget", "Bostadsbolaget", "The housing company"),
    ("foreningar", "Föreningar", "Associations"),
]
# slug, category, responsible, districts, kind, status, months ago started, sv, en, progress
UPDATES = [
    (
        "kameror-fittja-torg",
        "kameror",
        ["polisen", "kommunen"],
        ["fittja"],
        "measure",
        "ongoing",
        4,
        (
            "Kamerabevakning på Fittja torg",
            "Polisen sätter upp kameror på torget och vid tunnelbanan, där många känner sig otrygga på kvällarna.",
        ),
        (
            "Safety cameras at Fittja square",
            "The police install cameras on the square and by the underground station, where many feel unsafe in the evenings.",
        ),
        [
            ("Tillstånd beviljat", "Permit granted"),
            ("Fyra av åtta kameror uppsatta", "Four of eight cameras installed"),
        ],
    ),
    (
        "belysning-albytunneln",
        "belysning",
        ["kommunen"],
        ["alby"],
        "measure",
        "done",
        6,
        (
            "Bättre belysning i gångtunneln i Alby",
            "Den mörka gångtunneln under Albyvägen har fått ny, starkare belysning och ljusa väggar.",
        ),
        (
            "Better lighting in the Alby pedestrian tunnel",
            "The dark tunnel under Albyvägen has new, brighter lighting and light-coloured walls.",
        ),
        [
            ("Trygghetsvandring pekade ut tunneln", "A safety walk pointed out the tunnel"),
            ("Ny belysning klar", "New lighting finished"),
        ],
    ),
    (
        "mer-pengar-skolor",
        "skola",
        ["kommunen"],
        ["fittja", "alby", "hallunda-norsborg"],
        "measure",
        "ongoing",
        3,
        (
            "Extra pengar till skolorna i år",
            "Skolorna i tre stadsdelar får extra pengar för fler vuxna i skolan och läxhjälp efter skoltid.",
        ),
        (
            "Extra money for schools this year",
            "Schools in three districts get extra money for more adults at school and homework help after school.",
        ),
        [("Beslut i kommunfullmäktige", "Decision in the municipal council")],
    ),
    (
        "fler-platser-aldreomsorg",
        "aldreomsorg",
        ["kommunen"],
        ["tumba", "tullinge"],
        "measure",
        "planned",
        1,
        (
            "Fler platser i äldreomsorgen",
            "Kommunen planerar 40 nya platser på särskilt boende i Tumba och Tullinge.",
        ),
        (
            "More places in elderly care",
            "The municipality plans 40 new places in residential care in Tumba and Tullinge.",
        ),
        [],
    ),
    (
        "kommunikatorer-i-jour",
        "polissamverkan",
        ["kommunen", "polisen"],
        ["fittja", "alby", "tumba", "hallunda-norsborg", "tullinge", "grodinge"],
        "measure",
        "ongoing",
        2,
        (
            "Kommunikatörer i jour",
            "Kommunikatörer finns i beredskap dygnet runt så att invånare snabbare får korrekt information när något har hänt.",
        ),
        (
            "Communicators on call",
            "Communicators are on call around the clock so that residents get correct information faster when something has happened.",
        ),
        [("Jourschemat startade", "The on-call rota started")],
    ),
    (
        "veckovisa-lagesbildsmoten",
        "polissamverkan",
        ["kommunen", "polisen", "bostadsbolaget"],
        ["fittja", "alby", "tumba", "hallunda-norsborg", "tullinge", "grodinge"],
        "measure",
        "ongoing",
        5,
        (
            "Veckovisa lägesbildsmöten",
            "Kommunen, polisen och bostadsbolaget möts varje vecka för att dela en gemensam lägesbild och flytta resurser dit de behövs mest.",
        ),
        (
            "Weekly situation meetings",
            "The municipality, the police and the housing company meet every week to share a common picture of the situation and move resources where they are needed most.",
        ),
        [
            ("Första mötet", "First meeting"),
            (
                "Invånarnas rapporter blev en del av lägesbilden",
                "Residents' reports became part of the picture",
            ),
        ],
    ),
    (
        "fritidsgard-fredagar",
        "unga",
        ["kommunen", "foreningar"],
        ["fittja"],
        "measure",
        "done",
        8,
        (
            "Fritidsgården öppen till kl. 22 på fredagar",
            "Efter önskemål på storsamlingen håller fritidsgården i Fittja öppet längre på fredagar.",
        ),
        (
            "The youth centre open until 10 pm on Fridays",
            "After wishes at the assembly, the youth centre in Fittja stays open longer on Fridays.",
        ),
        [("Förslaget kom från storsamlingen", "The proposal came from the assembly")],
    ),
    (
        "gardar-hallunda",
        "boende",
        ["bostadsbolaget"],
        ["hallunda-norsborg"],
        "measure",
        "paused",
        7,
        (
            "Upprustning av gårdarna i Hallunda",
            "Bostadsbolaget rustar gårdarna med ny belysning och lekplatser. Arbetet är pausat över vintern.",
        ),
        (
            "Refurbishing the courtyards in Hallunda",
            "The housing company refurbishes the courtyards with new lighting and playgrounds. Work is paused over the winter.",
        ),
        [],
    ),
    (
        "grannsamverkan-tullinge",
        "polissamverkan",
        ["polisen", "foreningar"],
        ["tullinge"],
        "news",
        "",
        1,
        (
            "Grannsamverkan växer i Tullinge",
            "Tolv nya områden har startat grannsamverkan i Tullinge i höst.",
        ),
        (
            "Neighbourhood watch grows in Tullinge",
            "Twelve new areas have started neighbourhood watch in Tullinge this autumn.",
        ),
        [],
    ),
    (
        "nattvandring-grodinge",
        "unga",
        ["foreningar"],
        ["grodinge"],
        "news",
        "",
        0,
        (
            "Nattvandrare i Grödinge söker fler vuxna",
            "Föreningen som nattvandrar i Grödinge behöver fler vuxna på fredagskvällar.",
        ),
        (
            "Night walkers in Grödinge look for more adults",
            "The association that walks at night in Grödinge needs more adults on Friday evenings.",
        ),
        [],
    ),
]


def _translated_snippets(model, items, field="name"):
    found = {}
    for key, sv, en in items:
        obj = model.objects.filter(**{field: sv}, locale=Locale.get_default()).first()
        if obj is None:
            obj = model(**{field: sv}, **({"slug": key} if model is MeasureCategory else {}))
            obj.save()
            english_translate(obj, **{field: en})
        found[key] = obj
    return found


def _questions_answered_at(meeting_slug: str) -> list:
    from events.models import EventPage, Question

    page = EventPage.objects.filter(slug=meeting_slug).first()
    if page is None:
        return []
    return list(
        Question.objects.filter(meeting__translation_key=page.translation_key).exclude(answer="")[
            :2
        ]
    )


def seed(now=None) -> None:
    """Create the demo updates once."""
    now = now or timezone.now()
    swedish = Locale.get_default()
    index = section_ensure(UpdateIndexPage, "trygghet", INDEX)
    if UpdatePage.objects.exists():
        return
    categories = _translated_snippets(MeasureCategory, CATEGORIES)
    responsible = _translated_snippets(Responsible, RESPONSIBLE)
    districts = {d.slug: d for d in DistrictPage.objects.filter(locale=swedish)}
    for slug, category, who, places, kind, status, months, sv, en, progress in UPDATES:
        started = timezone.localdate(now) - timedelta(days=30 * months)
        page = UpdatePage(
            title=sv[0],
            slug=slug,
            summary=sv[1],
            kind=kind,
            status=status,
            started_on=started if kind == "measure" else None,
            ended_on=started + timedelta(days=60) if status == "done" else None,
            expected_end=started + timedelta(days=240)
            if status in ("ongoing", "planned")
            else None,
            category=categories[category],
            body=json.dumps([{"type": "paragraph", "value": f"<p>{sv[1]}</p>"}]),
        )
        index.add_child(instance=page)
        page.districts.set([districts[d] for d in places if d in districts])
        page.responsible.set([responsible[r] for r in who])
        page.tags.add(category)
        if slug == "kameror-fittja-torg":
            # The trail back: the questions about the square at the spring assembly.
            page.related_questions.set(_questions_answered_at("storsamling-fittja-varen"))
        for number, (text_sv, _text_en) in enumerate(progress):
            page.progress.add(
                ProgressEntry(date=started + timedelta(days=20 * number), text=text_sv)
            )
        page.save_revision().publish()
        english_translate(
            page,
            title=en[0],
            summary=en[1],
            body=json.dumps([{"type": "paragraph", "value": f"<p>{en[1]}</p>"}]),
            children={
                "progress": [
                    ProgressEntry(date=started + timedelta(days=20 * number), text=text_en)
                    for number, (_text_sv, text_en) in enumerate(progress)
                ]
            },
        )
