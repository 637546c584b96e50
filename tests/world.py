"""A site with every kind of public page and what they list, for the tests that load them
all: the query budget (tests/test_query_budget.py) and what each reader sees
(tests/test_shared_parts.py)."""

from datetime import timedelta

from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services as meeting_services
from events.models import Question, Registration
from events.tests.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from forums import services as forum_services
from forums.models import Follow, Post, Thread
from forums.tests.factories import CategoryFactory, ForumPageFactory
from polls import services as poll_services
from polls.models import Poll, PollOption
from proposals import services as proposal_services
from proposals.tests.factories import ProposalIndexPageFactory
from updates.tests.factories import UpdateIndexPageFactory, update


def site_build(site_tree):
    """Every kind of public page with one of everything it lists; `grow` adds more."""
    district = site_tree["district"]
    meetings = EventIndexPageFactory(parent=site_tree["home"])
    updates = UpdateIndexPageFactory(parent=site_tree["home"])
    forum = ForumPageFactory(parent=site_tree["home"])
    category = CategoryFactory(name="Fittja", slug="fittja", district=district)
    author = UserFactory(display_name="Amina")
    thread = forum_services.thread_create(
        category=category, author=author, title="Belysningen vid torget", text="Det är mörkt."
    )
    proposals = ProposalIndexPageFactory(parent=site_tree["home"], discussion_category=category)
    poll = Poll.objects.create(
        question="Vad först?", page=district, closes_at=timezone.now() + timedelta(days=1)
    )
    poll.districts.set([district])
    poll.save()
    PollOption.objects.create(poll=poll, text="Ljus")
    PollOption.objects.create(poll=poll, text="Bänkar")
    built = {
        "poll": poll,
        "proposals": proposals,
        "tree": site_tree,
        "meetings": meetings,
        "updates": updates,
        "forum": forum,
        "category": category,
        "thread": thread,
        "authors": UserFactory.create_batch(3, date_joined=timezone.now() - timedelta(days=30)),
    }
    grow(built, 1)
    return built


def grow(site, count):
    """`count` more of everything a public page lists: meetings with registrations, measures,
    threads with tags, and replies in the one thread whose pages are read."""
    district = site["tree"]["district"]
    start = site.get("grown", 0)
    for number in range(start, start + count):
        meeting = EventPageFactory(parent=site["meetings"], title=f"Möte {number}")
        meeting.districts.set([district])
        meeting.save_revision().publish()
        RegistrationFactory.create_batch(2, meeting=meeting.meeting)
        update(site["updates"], f"Insats {number}", [district])
        author = site["authors"][number % 3]
        forum_services.thread_create(
            category=site["category"],
            author=author,
            title=f"Tråd {number}",
            text="Text",
            tags=[f"tagg{number}"],
        )
        post = forum_services.post_reply(
            thread=site["thread"], author=author, text=f"Svar {number}"
        )
        forum_services.thanks_toggle(post=post, user=site["authors"][(number + 1) % 3])
        proposal = proposal_services.proposal_create(
            index_page=site["proposals"],
            author=author,
            district=district,
            title=f"Förslag {number}",
            text="Text",
        )
        proposal_services.support_toggle(proposal=proposal, user=site["authors"][(number + 1) % 3])
        site.setdefault("proposals_made", []).append(proposal)
        poll = site["poll"]
        poll_services.vote_cast(poll=poll, user=UserFactory(), option=poll.options.first())
    site["grown"] = start + count


def public_pages(site):
    tree, forum, thread = site["tree"], site["forum"], site["thread"]
    meeting = first_meeting(site)
    measure = site["updates"].get_children().live().last().specific
    thread.refresh_from_db()
    last_page = (thread.reply_count + 1 + 19) // 20
    return {
        "home": tree["home"].url,
        "district": tree["district"].url,
        "meeting list": site["meetings"].url,
        "meeting": meeting.url,
        "update list": site["updates"].url,
        "update": measure.url,
        "forum front": forum.url,
        "category": forum.category_url(site["category"]),
        "thread": forum.thread_url(thread),
        "thread, last page": f"{forum.thread_url(thread)}?page={last_page}",
        "proposals": site["proposals"].url,
        "proposals, newest": site["proposals"].url + "?sort=newest&district=fittja",
        "proposal": site["proposals"].proposal_url(site["proposals_made"][-1]),
    }


def first_meeting(site):
    return site["meetings"].get_children().live().first().specific


def signed_in_pages(site) -> dict:
    """Every public page, the search, and a resident's own "Mina möten"."""
    return {**public_pages(site), "search": "/sok/?q=M%C3%B6te", "my meetings": "/konto/moten/"}


def resident_with_everything(site, name="Amina Resident"):
    """A resident who may post, register and vote, and has done it all: a place at the first
    meeting, a question there waiting for a moderator and support for another's, a vote in the
    district's poll, support for a proposal and a proposal of their own waiting, and the
    category followed."""
    person = UserFactory(display_name=name)
    meeting = first_meeting(site)
    meeting_services.registration_create(
        page=meeting,
        user=person,
        name=name,
        email=person.email,
        language="sv",
        source=Registration.Source.ACCOUNT,
    )
    Question.objects.create(
        meeting=meeting.meeting,
        author=person,
        text=f"Väntande fråga från {name}",
        status=Question.Status.PENDING,
    )
    asked = meeting_services.question_create(
        page=meeting, author=site["authors"][0], text="Kan belysningen lagas före jul?"
    )
    meeting_services.question_support_toggle(question=asked, user=person)
    poll = site["poll"]
    poll_services.vote_cast(poll=poll, user=person, option=poll.options.last())
    proposal_services.support_toggle(proposal=site["proposals_made"][0], user=person)
    waiting = proposal_services.proposal_create(
        index_page=site["proposals"],
        author=person,
        district=site["tree"]["district"],
        title=f"Väntande förslag från {name}",
        text="Text",
    )
    # As a newcomer's is: thread and text held for a moderator.
    Thread.objects.filter(pk=waiting.thread_id).update(status=Thread.Status.PENDING)
    Post.objects.filter(pk=waiting.opening_post_id).update(status=Post.Status.PENDING)
    Follow.objects.create(user=person, category=site["category"])
    return person
