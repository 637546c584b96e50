"""The large data set of `make bench`, added with bulk inserts on top of the demo content.

Pages are inserted straight into Wagtail's tables (tree path, URL path, live), as many at a
time as the database takes, which is what makes 7,000 pages a matter of seconds. Run with
`python -m bench.data` under the bench settings; the sizes come from the environment.
"""

import os
import random
import uuid
from datetime import timedelta

import django

SIZES = {
    "meetings": int(os.environ.get("BENCH_MEETINGS", "2000")),
    "registrations": int(os.environ.get("BENCH_REGISTRATIONS", "100000")),
    "updates": int(os.environ.get("BENCH_UPDATES", "5000")),
    "threads": int(os.environ.get("BENCH_THREADS", "20000")),
    "posts": int(os.environ.get("BENCH_POSTS", "500000")),
    "long_thread": int(os.environ.get("BENCH_LONG_THREAD", "10000")),
}
BATCH = 500
STORM_CAPACITY = 150
STORM_GUESTS = 200


def batches(items, size=BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def pages_insert(parent, model, objects):
    """Adds `objects` (unsaved instances of `model`) as live children of `parent`."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    step = parent.numchild
    bases = []
    for page in objects:
        step += 1
        bases.append(
            Page(
                title=page.title,
                draft_title=page.title,
                slug=page.slug,
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{page.slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    for chunk in batches(bases):
        Page.objects.bulk_create(chunk)
    created = {base.path: base for base in Page.objects.filter(path__in=[b.path for b in bases])}
    fields = model._meta.local_concrete_fields
    for base, page in zip(bases, objects, strict=True):
        stored = created[base.path]
        page.page_ptr_id = page.id = stored.id
        page.translation_key = stored.translation_key
    for chunk in batches(objects):
        model._base_manager._insert(chunk, fields=fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=step)
    parent.numchild = step
    return objects


def meetings_build(index, districts, authors):
    from django.utils import timezone

    from events.models import EventPage, Meeting, Registration

    now = timezone.now()
    pages = []
    for number in range(SIZES["meetings"]):
        start = now + timedelta(days=number % 400 - 200, hours=number % 9)
        pages.append(
            EventPage(
                title=f"Dialogmöte {number}",
                slug=f"bench-mote-{number}",
                kind="dialogue",
                status="scheduled",
                start=start,
                end=start + timedelta(hours=2),
                venue_name="Folkets hus",
                street_address=f"Storgatan {number % 90 + 1}",
                intro="Ett möte om tryggheten i stadsdelen.",
                capacity=60,
                interpretation_languages=["ar", "so"],
            )
        )
    pages_insert(index, EventPage, pages)
    through = EventPage.districts.through
    links = [
        through(eventpage_id=page.pk, districtpage_id=districts[n % len(districts)].pk)
        for n, page in enumerate(pages)
    ]
    for chunk in batches(links):
        through.objects.bulk_create(chunk)
    meetings = [Meeting(translation_key=page.translation_key) for page in pages]
    for chunk in batches(meetings):
        Meeting.objects.bulk_create(chunk)
    meetings = list(Meeting.objects.filter(translation_key__in=[p.translation_key for p in pages]))
    per_meeting = max(1, SIZES["registrations"] // len(meetings))
    registrations = []
    for meeting in meetings:
        for n in range(per_meeting):
            registrations.append(
                Registration(
                    meeting=meeting,
                    name=f"Deltagare {n}",
                    email=f"deltagare{n}@example.org",
                    language="sv",
                    status="confirmed" if n < 50 else "waitlisted",
                    source="guest",
                    confirmed_at=now if n < 50 else None,
                    waitlisted_at=now if n >= 50 else None,
                )
            )
    for chunk in batches(registrations, 2000):
        Registration.objects.bulk_create(chunk)
    return pages


def updates_build(index, districts):
    from updates.models import UpdatePage

    pages = [
        UpdatePage(
            title=f"Insats {number}",
            slug=f"bench-insats-{number}",
            summary="Kameror, belysning och fler vuxna ute på kvällarna.",
            kind="measure",
            status=("planned", "ongoing", "done")[number % 3],
        )
        for number in range(SIZES["updates"])
    ]
    pages_insert(index, UpdatePage, pages)
    through = UpdatePage.districts.through
    links = [
        through(updatepage_id=page.pk, districtpage_id=districts[n % len(districts)].pk)
        for n, page in enumerate(pages)
    ]
    for chunk in batches(links, 2000):
        through.objects.bulk_create(chunk)


def forum_build(authors):
    from django.utils import timezone

    from forums.markdown import render_markdown
    from forums.models import Category, Post, Thread

    now = timezone.now()
    categories = list(Category.objects.filter(locale__language_code="sv"))
    source = "Jag håller med. **Belysningen** behövs, och fler vuxna ute på kvällarna."
    html = render_markdown(source)
    threads = [
        Thread(
            category=categories[n % len(categories)],
            title=f"Samtal {n} om tryggheten",
            author=authors[n % len(authors)],
            created_at=now - timedelta(minutes=n),
            last_activity_at=now - timedelta(minutes=n),
        )
        for n in range(SIZES["threads"])
    ]
    for chunk in batches(threads, 2000):
        Thread.objects.bulk_create(chunk)
    threads = list(Thread.objects.filter(title__startswith="Samtal ").order_by("pk"))
    long_thread = threads[0]
    long_thread.title = "En lång tråd om trygghet"
    counts = {long_thread.pk: SIZES["long_thread"]}
    rest = max(0, SIZES["posts"] - SIZES["long_thread"])
    for n in range(rest):
        thread = threads[1 + n % (len(threads) - 1)]
        counts[thread.pk] = counts.get(thread.pk, 0) + 1
    by_pk = {thread.pk: thread for thread in threads}
    posts = []
    for thread_pk, count in counts.items():
        for n in range(count):
            posts.append(
                Post(
                    thread_id=thread_pk,
                    author=authors[n % len(authors)],
                    source=source,
                    html=html,
                    created_at=by_pk[thread_pk].created_at + timedelta(seconds=n),
                )
            )
        if len(posts) >= 20000:
            Post.objects.bulk_create(posts, batch_size=2000)
            posts = []
    Post.objects.bulk_create(posts, batch_size=2000)
    for thread in threads:
        thread.reply_count = max(0, counts.get(thread.pk, 1) - 1)
    Thread.objects.bulk_update(threads, ["reply_count", "title"], batch_size=2000)
    return long_thread


def storm_meeting(index, district):
    """A storsamling with 150 places and 200 guests who have yet to press "confirm"."""
    from django.utils import timezone

    from events.emails import registration_token
    from events.models import EventPage, Meeting, Registration

    now = timezone.now()
    page = EventPage(
        title="Storsamling i stormen",
        slug="bench-storsamling",
        kind="assembly",
        status="scheduled",
        start=now + timedelta(days=10),
        end=now + timedelta(days=10, hours=3),
        venue_name="Folkets hus",
        capacity=STORM_CAPACITY,
    )
    pages_insert(index, EventPage, [page])
    EventPage.districts.through.objects.create(eventpage_id=page.pk, districtpage_id=district.pk)
    meeting = Meeting.objects.create(translation_key=page.translation_key)
    guests = [
        Registration(
            meeting=meeting,
            name=f"Gäst {n}",
            email=f"gast{n}@example.org",
            language="sv",
            status="unconfirmed",
            source="guest",
            consented_at=now,
            expires_at=now + timedelta(days=1),
        )
        for n in range(STORM_GUESTS)
    ]
    Registration.objects.bulk_create(guests)
    return [registration_token(r) for r in Registration.objects.filter(meeting=meeting)]


def statistics_refresh() -> None:
    """What autovacuum and a daily ANALYZE do on a live site: the planner's statistics and the
    visibility map caught up with the bulk load, so the measurements see a settled database
    rather than one busy vacuuming half a million new rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def main():
    django.setup()
    import json

    from django.db import transaction

    from accounts.models import User
    from events.models import EventIndexPage
    from home.models import DistrictPage
    from updates.models import UpdateIndexPage

    random.seed(7)
    districts = list(DistrictPage.objects.filter(locale__language_code="sv"))
    authors = list(User.objects.filter(is_active=True))
    meeting_index = EventIndexPage.objects.get(locale__language_code="sv")
    update_index = UpdateIndexPage.objects.get(locale__language_code="sv")
    with transaction.atomic():
        meetings_build(meeting_index, districts, authors)
        updates_build(update_index, districts)
        long_thread = forum_build(authors)
        tokens = storm_meeting(meeting_index, districts[0])
    statistics_refresh()
    print(json.dumps({"long_thread": long_thread.pk, "storm_tokens": tokens}))


if __name__ == "__main__":
    main()
