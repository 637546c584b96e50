"""Demo polls, written for this demo: a closed one with results on the spring assembly, and an
open one on the coming assembly in Fittja."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from events.models import EventPage
from home.models import DistrictPage
from polls import services
from polls.models import Poll, PollOption

# meeting slug, question, answers, districts, days open (from, to) relative to now, votes
POLLS = [
    (
        "storsamling-fittja-varen",
        "Vad ska kommunen göra först för tryggheten vid Fittja torg?",
        ["Bättre belysning", "Fler vuxna ute på kvällarna", "Kameror", "Mer att göra för unga"],
        ["fittja", "hallunda-norsborg"],
        (-60, -30),
        [
            ("boende", 0, "fittja"),
            ("forening", 1, "fittja"),
            ("arrangor", 3, "hallunda-norsborg"),
            ("samordnare", 1, None),
            ("redaktor", 0, "fittja"),
        ],
    ),
    (
        "storsamling-fittja",
        "Vilken tid passar dig för nästa storsamling?",
        ["Vardag kl. 18", "Vardag kl. 19", "Lördag förmiddag"],
        ["fittja"],
        (-2, 14),
        [("forening", 1, "fittja"), ("arrangor", 2, None)],
    ),
]


def seed(now=None) -> None:
    """Create the demo polls once; a second run leaves them as they are."""
    if Poll.objects.exists():
        return
    now = now or timezone.now()
    swedish = Locale.get_default()
    users = {user.username: user for user in User.objects.all()}
    for slug, question, answers, districts, (opens, closes), votes in POLLS:
        meeting = EventPage.objects.filter(slug=slug, locale=swedish).first()
        if meeting is None:
            continue
        poll = Poll.objects.create(
            question=question,
            page=meeting,
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
        )
        places = {
            d.slug: d for d in DistrictPage.objects.filter(slug__in=districts, locale=swedish)
        }
        poll.districts.set(places.values())
        poll.save()  # a cluster keeps its many-to-many in memory until saved
        options = [
            PollOption.objects.create(poll=poll, text=text, sort_order=n)
            for n, text in enumerate(answers)
        ]
        for username, answer, district in votes:
            services.vote_cast(
                poll=poll,
                user=users[username],
                option=options[answer],
                district=places.get(district),
                at=now + timedelta(days=opens, hours=1),
            )
