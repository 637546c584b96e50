"""Everything stored about one account, for "My data": read only, nothing of other people."""

from django.utils.translation import gettext_lazy as _

# How each value is labelled in the readable version (the JSON keeps the keys).
LABELS = {
    "email": _("Email"),
    "display_name": _("Display name"),
    "preferred_language": _("Language"),
    "joined": _("Account created"),
    "last_login": _("Last logged in"),
    "reminder_emails": _("Meeting reminders"),
    "reply_emails": _("Emails about what you follow"),
    "proposal_emails": _("Emails about proposals"),
    "verified": _("Confirmed"),
    "primary": _("Primary"),
    "signed_in": _("Signed in"),
    "ip": _("IP address"),
    "browser": _("Browser"),
    "meeting": _("Meeting"),
    "name": _("Name"),
    "status": _("Status"),
    "interpretation": _("Interpretation"),
    "accessibility_needs": _("Accessibility needs"),
    "companions": _("Companions"),
    "registered": _("Registered"),
    "question": _("Question"),
    "asked": _("Asked"),
    "answer": _("Answer"),
    "thread": _("Thread"),
    "text": _("Text"),
    "written": _("Written"),
    "earlier_versions": _("Earlier versions"),
    "title": _("Title"),
    "supporters": _("Supporters"),
    "proposed": _("Proposed"),
    "proposal": _("Proposal"),
    "since": _("Since"),
    "poll": _("Poll"),
    "voted": _("Voted"),
    "category": _("Category"),
    "districts": _("Districts"),
    "association": _("Association"),
    "role": _("Role"),
    "reason": _("Reason"),
    "made": _("Made"),
    "action": _("Decision"),
    "when": _("When"),
    "method": _("How"),
    "verified_at": _("Verified"),
}


def readable(sections: list[dict]) -> list[dict]:
    """The same sections with labelled, printable values, for the page."""
    from django.utils.translation import gettext as translated

    def shown(value):
        if value is None or value == "" or value == []:
            return "–"
        if value is True or value is False:
            return translated("yes") if value else translated("no")
        if isinstance(value, list):
            return " · ".join(str(item) for item in value)
        return value

    return [
        {
            **section,
            "rows": [
                [(LABELS.get(key, key), shown(value)) for key, value in row.items()]
                for row in section["rows"]
            ],
        }
        for section in sections
    ]


def _when(value):
    return value.isoformat() if value else None


def personal_data(user) -> list[dict]:
    """Sections in the order a person would look for them; each has a key (for the JSON),
    a heading and rows of plain values."""
    from allauth.account.models import EmailAddress
    from allauth.usersessions.models import UserSession

    from accounts.models import Verification
    from events.models import Question, Registration
    from forums.models import AssociationMembership, Follow, Post
    from moderation.models import LogEntry, Report
    from polls.models import Vote
    from proposals.models import Proposal, Support
    from updates.models import Subscription

    def section(key, heading, rows):
        return {"key": key, "heading": heading, "rows": list(rows)}

    posts = Post.objects.filter(author=user).select_related("thread").prefetch_related("revisions")
    return [
        section(
            "profile",
            _("Profile"),
            [
                {
                    "email": user.email,
                    "display_name": user.display_name,
                    "preferred_language": user.preferred_language,
                    "joined": _when(user.date_joined),
                    "last_login": _when(user.last_login),
                    "reminder_emails": user.reminder_emails,
                    "reply_emails": user.reply_emails,
                    "proposal_emails": user.proposal_emails,
                }
            ],
        ),
        section(
            "email_addresses",
            _("Email addresses"),
            (
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ),
        ),
        section(
            "verification",
            _("Verification"),
            (
                {
                    "method": verification.get_method_display(),
                    "verified_at": _when(verification.verified_at),
                }
                for verification in Verification.objects.filter(user=user)
            ),
        ),
        section(
            "sessions",
            _("Where you are signed in"),
            (
                {"signed_in": _when(s.created_at), "ip": s.ip, "browser": s.user_agent}
                for s in UserSession.objects.filter(user=user)
            ),
        ),
        section(
            "registrations",
            _("Meeting registrations"),
            (
                {
                    "meeting": str(r.meeting),
                    "name": r.name,
                    "email": r.email,
                    "status": r.status,
                    "interpretation": r.interpretation_language,
                    "accessibility_needs": r.accessibility_needs,
                    "companions": r.companions,
                    "registered": _when(r.created_at),
                }
                for r in Registration.objects.filter(user=user).select_related("meeting")
            ),
        ),
        section(
            "questions",
            _("Questions to meetings"),
            (
                {
                    "meeting": str(q.meeting),
                    "question": q.text,
                    "status": q.status,
                    "asked": _when(q.created_at),
                    "answer": q.answer,
                }
                for q in Question.objects.filter(author=user).select_related("meeting")
            ),
        ),
        section(
            "posts",
            _("Forum posts"),
            (
                {
                    "thread": p.thread.title,
                    "text": p.source,
                    "status": p.status,
                    "written": _when(p.created_at),
                    "earlier_versions": [r.source for r in p.revisions.all()],
                }
                for p in posts
            ),
        ),
        section(
            "proposals",
            _("Proposals"),
            (
                {
                    "title": p.thread.title,
                    "status": p.status,
                    "answer": p.answer,
                    "supporters": p.support_count,
                    "proposed": _when(p.created_at),
                }
                for p in Proposal.objects.filter(thread__author=user).select_related("thread")
            ),
        ),
        section(
            "supports",
            _("Proposals you support"),
            (
                {"proposal": s.proposal.thread.title, "since": _when(s.created_at)}
                for s in Support.objects.filter(user=user).select_related("proposal__thread")
            ),
        ),
        section(
            "votes",
            _("Poll votes"),
            (
                {"poll": v.poll.question, "answer": v.option.text, "voted": _when(v.created_at)}
                for v in Vote.objects.filter(user=user).select_related("poll", "option")
            ),
        ),
        section(
            "follows",
            _("What you follow in the forum"),
            (
                {
                    "thread": f.thread.title if f.thread_id else None,
                    "category": f.category.name if f.category_id else None,
                    "since": _when(f.created_at),
                }
                for f in Follow.objects.of_user(user)
            ),
        ),
        section(
            "alerts",
            _("Alerts about the safety work"),
            (
                {
                    "districts": [d.title for d in s.districts.all()],
                    "since": _when(s.created_at),
                }
                # Only to a confirmed address: they are someone else's otherwise.
                for s in Subscription.objects.of_user(user)
            ),
        ),
        section(
            "associations",
            _("Association memberships"),
            (
                {"association": m.association.name, "role": m.role}
                for m in AssociationMembership.objects.filter(user=user).select_related(
                    "association"
                )
            ),
        ),
        section(
            "reports_made",
            _("Reports you made about posts and questions"),
            (
                {"reason": r.reason, "text": r.text, "made": _when(r.created_at)}
                for r in Report.objects.filter(reporter=user)
            ),
        ),
        section(
            "moderation",
            _("Moderators' decisions about what you wrote"),
            (
                {"action": e.action, "reason": e.reason, "when": _when(e.at)}
                for e in LogEntry.objects.filter(subject=user)
            ),
        ),
    ]
