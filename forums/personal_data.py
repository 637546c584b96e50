"""What the forum keeps about a person (home.personal_data): what they write, the thanks they
give, what they follow and the associations they belong to."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from forums.models import (
    Association,
    AssociationMembership,
    Category,
    Follow,
    Post,
    PostRevision,
    Reaction,
    Thread,
)
from forums.services import posts_remove, thanks_take_back
from home.personal_data import (
    Declaration,
    DeletionCount,
    Fate,
    Holding,
    Section,
    StaffData,
    Stage,
    Step,
    when,
)
from home.retention import Rule


def posts(user):
    written = Post.objects.filter(author=user).select_related("thread")
    for post in written.prefetch_related("revisions"):
        yield {
            "thread": post.thread.title,
            "text": post.source,
            "status": post.status,
            "written": when(post.created_at),
            "earlier_versions": [revision.source for revision in post.revisions.all()],
        }


def thanks(user):
    # Which post and when, not its text or its author: those are someone else's.
    given = Reaction.objects.filter(user=user).select_related("post__thread")
    for reaction in given.order_by("created_at"):
        yield {
            "thread": reaction.post.thread.title,
            "written": when(reaction.post.created_at),
            "since": when(reaction.created_at),
        }


def follows(user):
    for follow in Follow.objects.of_user(user):
        yield {
            "thread": follow.thread.title if follow.thread_id else None,
            "category": follow.category.name if follow.category_id else None,
            "since": when(follow.created_at),
        }


def memberships(user):
    joined = AssociationMembership.objects.filter(user=user).select_related("association")
    for membership in joined:
        yield {"association": membership.association.name, "role": membership.role}


def posts_written(user) -> int:
    return Post.objects.filter(author=user).exclude(status=Post.Status.REMOVED).count()


DECLARATION = Declaration(
    app="forums",
    holdings=(
        Holding(
            model=Thread,
            fields=("author", "title"),
            fate=Fate.CHOICE,
            person="author",
            why="A thread only they wrote in goes with their posts; one others replied in "
            "keeps its title, signed “Former member”.",
        ),
        Holding(model=Post, fields=("author", "source", "html"), fate=Fate.CHOICE, person="author"),
        Holding(model=PostRevision, fields=("source",), fate=Fate.CHOICE, person="post__author"),
        Holding(
            model=Reaction,
            fields=("user",),
            fate=Fate.ERASED,
            person="user",
            why="Taken out of the post's count first (Stage.RELEASE).",
        ),
        Holding(model=Follow, fields=("user",), fate=Fate.ERASED, person="user"),
        Holding(model=AssociationMembership, fields=("user",), fate=Fate.ERASED, person="user"),
    ),
    staff_data=(
        StaffData(
            model=Association,
            fields=("name", "description", "logo_alt", "verified_by"),
            why="An organisation's own presentation, and the staff member who verified it.",
        ),
        StaffData(model=Category, fields=("name", "description"), why="Made by the editors."),
    ),
    sections=(
        Section(
            key="posts",
            heading=_("Forum posts"),
            rows=posts,
            labels={
                "thread": _("Thread"),
                "text": _("Text"),
                "status": _("Status"),
                "written": _("Written"),
                "earlier_versions": _("Earlier versions"),
            },
        ),
        Section(
            key="thanks",
            heading=_("Posts you thanked"),
            rows=thanks,
            labels={"thread": _("Thread"), "written": _("Written"), "since": _("Since")},
        ),
        Section(
            key="follows",
            heading=_("What you follow in the forum"),
            rows=follows,
            labels={"thread": _("Thread"), "category": _("Category"), "since": _("Since")},
        ),
        Section(
            key="associations",
            heading=_("Association memberships"),
            rows=memberships,
            labels={"association": _("Association"), "role": _("Role")},
        ),
    ),
    counts=(
        DeletionCount(
            key="posts",
            count=posts_written,
            writing=True,
            sentence=ngettext_lazy(
                "You have written %(counter)s post in the forum.",
                "You have written %(counter)s posts in the forum.",
                "counter",
            ),
        ),
    ),
    steps=(
        Step(stage=Stage.RELEASE, run=thanks_take_back),
        Step(stage=Stage.WRITING, run=posts_remove),
    ),
    # Translators: the texts below are part of the privacy page's list of what is kept.
    rules=(
        Rule(
            key="posts",
            data=_(
                "Forum posts you write, with earlier versions of edited ones, and the titles of "
                "threads you start"
            ),
            why=_("It is the conversation, and you chose to publish it"),
            who=_("Everyone; what moderators hide, only moderators see"),
            period=_(
                "Until you remove it or delete the account; then you choose whether it stays, "
                "signed “Former member”"
            ),
        ),
        Rule(
            key="forum_marks",
            data=_("Thanks you give, what you follow in the forum and association memberships"),
            why=_("To count thanks and tell you about what you follow"),
            who=_("Only the counts are public; associations see their members"),
            period=_("Until you take it back or delete the account"),
        ),
    ),
)
