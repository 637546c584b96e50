"""Demo observation reports spread over districts and the last twelve weeks, so that the
coordinators' chart has something to show. Written for this demo."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.models import DistrictPage
from reports.models import Observation

EXAMPLES = [
    ("unsafe_place", "Gångtunneln under vägen", "Flera lampor är trasiga och det är helt mörkt."),
    ("vandalism", "Busshållplatsen", "Glaset i väntkuren är krossat igen."),
    (
        "drugs",
        "Parkeringen bakom centrum",
        "Samma bil kommer varje kväll och folk går fram till den.",
    ),
    (
        "violence",
        "Vid tunnelbaneuppgången",
        "Två grupper bråkade högljutt, en person blev knuffad.",
    ),
    ("unsafe_place", "Lekplatsen", "Buskarna har vuxit så att man inte ser in från gångvägen."),
    ("other", "Torget", "Många unga samlas sent utan vuxna i närheten."),
]
WEIGHTS = {"fittja": 4, "alby": 3, "hallunda-norsborg": 2, "tumba": 2, "tullinge": 1, "grodinge": 1}


def seed(now=None) -> None:
    """Create the demo reports once."""
    if Observation.objects.exists():
        return
    now = now or timezone.now()
    randomness = random.Random(7)  # the same demo every time  # noqa: S311 - not security
    districts = list(DistrictPage.objects.filter(locale=Locale.get_default()))
    rows = []
    for district in districts:
        for week in range(12):
            for _report in range(randomness.randint(0, WEIGHTS.get(district.slug, 1) + 1)):
                kind, place, text = randomness.choice(EXAMPLES)
                at = now - timedelta(
                    weeks=week, days=randomness.randint(0, 6), hours=randomness.randint(0, 12)
                )
                rows.append(
                    Observation(
                        district=district,
                        place=f"{place}, {district.title}",
                        happened_at=at - timedelta(hours=2),
                        kind=kind,
                        description=text,
                        created_at=at,
                        status=Observation.Status.NEW if week < 1 else Observation.Status.REVIEWED,
                    )
                )
    Observation.objects.bulk_create(rows)
