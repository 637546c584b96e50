"""Something for the demo moderator to do: watched words, a newcomer's waiting post and a
post that readers have reported. Written through the services, like real ones."""

from accounts.models import User
from forums import services as posting
from forums.models import Thread
from moderation import services
from moderation.models import Report, WatchedWord

WATCHED = [("idiot", "block"), ("idioter", "block"), ("personnummer", "hold")]


def seed() -> None:
    for word, action in WATCHED:
        WatchedWord.objects.get_or_create(word=word, defaults={"action": action})
    if Report.objects.exists():
        return
    users = {user.username: user for user in User.objects.all()}
    threads = list(Thread.objects.visible().order_by("created_at")[:2])
    if len(threads) < 2 or "ny" not in users:
        return
    posting.post_reply(
        thread=threads[0],
        author=users["ny"],
        text="Hej! Jag har precis flyttat hit. Vem ska man ringa om lampor som är trasiga?",
    )
    advert = posting.post_reply(
        thread=threads[1],
        author=users["redaktor"],
        text="Köp billiga solglasögon på www.example.com – bara i dag!",
    )
    for reporter in ("boende", "forening"):
        services.report_create(reporter=users[reporter], item=advert, reason="spam")
