"""Reads about one account."""


def deletion_summary(user) -> dict[str, int]:
    """What deleting the account touches, counted, so the page can say it plainly."""
    from events.models import Question, Registration
    from forums.models import Post
    from proposals.models import Proposal, Support

    questions = Question.objects.filter(author=user).exclude(status=Question.Status.REMOVED)
    return {
        "upcoming_registrations": Registration.objects.filter(user=user).upcoming().count(),
        "posts": Post.objects.filter(author=user).exclude(status=Post.Status.REMOVED).count(),
        "questions": questions.count(),
        "proposals": Proposal.objects.filter(thread__author=user).count(),
        "supports": Support.objects.filter(user=user).count(),
    }
