from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.cache import content_changed
from home.services import RuleError

EDITORS = "Redaktörer"
MODERATORS = "Moderatorer"
ORGANISERS = "Mötesarrangörer"
SAFETY_COORDINATORS = "Trygghetssamordnare"

# Who sees and changes meeting registrations (personal data) and answers questions.
MEETING_STAFF = [
    ("events", "view_registration"),
    ("events", "add_registration"),
    ("events", "change_registration"),
    ("events", "change_question"),
]

# Survey results: safety coordinators import them, editors too (issue 21).
SURVEY_STAFF = [
    ("surveys", f"{action}_{model}")
    for model in ("survey", "surveyquestion", "surveyresult")
    for action in ("add", "change", "delete")
]

# Permissions by group; later domains add theirs here, so one place says who may do what.
GROUP_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("home", "add_disruptionnotice"),
        ("home", "change_disruptionnotice"),
        ("home", "delete_disruptionnotice"),
        ("wagtail_localize", "submit_translation"),
        *MEETING_STAFF,
        ("forums", "add_category"),
        ("forums", "change_category"),
        ("forums", "delete_category"),
        ("forums", "add_association"),
        ("forums", "change_association"),
        ("updates", "add_measurecategory"),
        ("updates", "change_measurecategory"),
        ("updates", "add_responsible"),
        ("updates", "change_responsible"),
        ("proposals", "view_proposal"),
        ("proposals", "change_proposal"),
        ("polls", "view_poll"),
        ("polls", "add_poll"),
        ("polls", "change_poll"),
        ("polls", "delete_poll"),
        ("accounts", "view_verification"),
        *SURVEY_STAFF,
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("events", "change_question"),
        ("moderation", "moderate"),
        ("moderation", "view_logentry"),
        ("moderation", "add_watchedword"),
        ("moderation", "change_watchedword"),
        ("moderation", "delete_watchedword"),
    ],
    ORGANISERS: [("wagtailadmin", "access_admin"), *MEETING_STAFF],
    SAFETY_COORDINATORS: [
        ("wagtailadmin", "access_admin"),
        ("reports", "view_observation"),
        ("reports", "change_observation"),
        *SURVEY_STAFF,
    ],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Organisers write meeting pages and submit them; an editor approves (accounts.workflows).
ORGANISER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


@transaction.atomic
def staff_groups_ensure() -> dict[str, Group]:
    """Create the staff groups with their permissions; safe to run any number of times."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    groups = {}
    for name, perms in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
        groups[name] = group

    editors = groups[EDITORS]
    root_page = Page.get_first_root_node()
    if root_page:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission
            )
    # Organisers edit and publish meeting pages (times, minutes), and nothing else in the tree.
    meeting_indexes = Page.objects.filter(
        content_type__app_label="events", content_type__model="eventindexpage"
    )
    for page in meeting_indexes:
        for codename in ORGANISER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=groups[ORGANISERS], page=page, permission=permission
            )
    GroupPagePermission.objects.filter(
        group=groups[ORGANISERS], permission__codename="publish_page"
    ).delete()
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=root_collection, permission=permission
                )
                if codename.startswith("choose_"):
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[ORGANISERS], collection=root_collection, permission=permission
                    )
    from accounts.workflows import review_workflow_ensure

    review_workflow_ensure()  # the editors' review, on the sections that now exist
    return groups


def staff_groups_ensure_on_migrate(sender, using="default", **kwargs):
    staff_groups_ensure()


def user_profile_update(*, user, display_name: str, preferred_language: str) -> None:
    renamed = user.display_name != display_name.strip()
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    if renamed:
        # The name shows on posts and questions, but accounts are private rows that do not
        # make cached pages stale by themselves (a login writes one too).
        content_changed()
        transaction.on_commit(content_changed)


def user_emails_update(
    *, user, reminder_emails: bool, reply_emails: str, proposal_emails: bool
) -> None:
    """Which emails the person gets; every footer links to the page that calls this."""
    user.reminder_emails = reminder_emails
    user.reply_emails = reply_emails
    user.proposal_emails = proposal_emails
    user.save(update_fields=["reminder_emails", "reply_emails", "proposal_emails"])


class AccountError(RuleError):
    """An account change the rules refuse."""


def _posts_remove(user) -> int:
    """The person's posts become "removed by the author" lines with no text left; a thread
    nobody else wrote in goes as a whole (with a proposal it carried)."""
    from forums.models import Post, PostRevision, Thread
    from forums.services import thread_counts_refresh

    alone = Thread.objects.filter(author=user).exclude(posts__in=Post.objects.exclude(author=user))
    threads_deleted = alone.count()
    alone.delete()
    posts = Post.objects.filter(author=user)
    PostRevision.objects.filter(post__in=posts).delete()
    threads = list(Thread.objects.filter(posts__in=posts).distinct())
    posts.update(status=Post.Status.REMOVED, removed_by=Post.RemovedBy.AUTHOR, source="", html="")
    for thread in threads:
        thread_counts_refresh(thread)
    return threads_deleted


def _confirmed_addresses(user) -> list[str]:
    """Only confirmed addresses are the person's: anyone can type another's address."""
    from allauth.account.models import EmailAddress

    return list(
        EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )


@transaction.atomic
def account_release(*, user, at=None) -> int:
    """Before an account row goes (here or in the admin's Users): free its places at future
    meetings (the waiting list moves up), blank its registrations, take its supports and
    thanks out of the counts, keep its poll votes in the results without it, end its sessions
    and stop its district alerts. Returns how many registrations were cancelled."""
    from allauth.usersessions.models import UserSession

    from events.models import QuestionSupport, Registration
    from events.services import registration_cancel, registrations_forget
    from forums.models import Reaction
    from home.services import counted_marks_remove
    from polls.models import Vote
    from proposals.models import Support
    from updates.models import Subscription

    at = at or timezone.now()
    verification_remove(user=user)  # first, so that what counted the person counts again
    upcoming = list(Registration.objects.filter(user=user).upcoming(at))
    # Blanked first, so the cancellations send no receipts: the last email says it once.
    registrations_forget(registrations=Registration.objects.filter(user=user), at=at)
    for registration in upcoming:
        registration_cancel(registration=registration, at=at)
    counted_marks_remove(mark=Support, target="proposal", counter="support_count", user=user)
    counted_marks_remove(mark=Reaction, target="post", counter="thanks_count", user=user)
    counted_marks_remove(
        mark=QuestionSupport, target="question", counter="support_count", user=user
    )
    Vote.objects.filter(user=user).update(user=None)
    Subscription.objects.of_user(user).delete()
    for session in UserSession.objects.filter(user=user):
        session.end()
    content_changed()
    transaction.on_commit(content_changed)
    return len(upcoming)


@transaction.atomic
def account_delete(*, user, remove_posts: bool, at=None) -> dict[str, int]:
    """The person deletes their own account: everything `account_release` does, their posts
    and questions removed too if they choose (otherwise signed "Former member"), and a last
    email. Staff accounts are removed by an administrator."""
    from events.models import Question
    from home.models import OutgoingEmail

    if user.is_staff or user.is_superuser:
        raise AccountError(
            "staff", _("Staff accounts are removed by an administrator, not from this page.")
        )
    # Nothing waiting in the outbox reaches the person after this but the last email.
    OutgoingEmail.objects.filter(
        to__in=_confirmed_addresses(user), status=OutgoingEmail.Status.QUEUED
    ).delete()
    cancelled = account_release(user=user, at=at)
    threads_deleted = 0
    if remove_posts:
        threads_deleted = _posts_remove(user)
        Question.objects.filter(author=user).update(status=Question.Status.REMOVED, text="")
    _goodbye(user, user.email, cancelled=cancelled, removed_posts=remove_posts)
    user.delete()
    return {"registrations_cancelled": cancelled, "threads_deleted": threads_deleted}


def _goodbye(user, address: str, **context) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from home.models import SiteSettings
    from home.services import email_queue

    site = SiteSettings.objects.first()
    with translation.override(user.preferred_language):
        context = {**context, "contact_email": site.contact_email if site else ""}
        email_queue(
            to=address,
            subject=render_to_string("accounts/email/deleted_subject.txt", context),
            body=render_to_string("accounts/email/deleted.txt", context),
        )


def unconfirmed_accounts_purge(*, before, at=None) -> int:
    """Accounts made before `before` whose address was never confirmed, and that never signed
    in, hold an address for nothing (home.retention). Staff accounts, and accounts an
    administrator put in a group or gave a permission, are left alone."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    confirmed = EmailAddress.objects.filter(verified=True).values("user_id")
    _total, by_model = (
        User.objects.filter(
            date_joined__lt=before, last_login__isnull=True, is_staff=False, is_superuser=False
        )
        .filter(groups__isnull=True, user_permissions__isnull=True)
        .exclude(pk__in=confirmed)
        .delete()
    )
    return by_model.get(User._meta.label, 0)


DATABASE_SESSIONS = (
    "accounts.sessions",
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def sessions_purge(*, before=None, at) -> int:
    """Sessions that ended (signed out, or past SESSION_COOKIE_AGE) and the record of where they
    were signed in (home.retention)."""
    from allauth.usersessions.models import UserSession
    from django.utils.module_loading import import_string

    if settings.SESSION_ENGINE not in DATABASE_SESSIONS:
        return 0  # sessions live elsewhere; the rows cannot be matched with them
    sessions = import_string(f"{settings.SESSION_ENGINE}.SessionStore").get_model_class()
    sessions.objects.filter(expire_date__lt=at).delete()
    _total, by_model = UserSession.objects.exclude(
        session_key__in=sessions.objects.values("session_key")
    ).delete()
    return by_model.get(UserSession._meta.label, 0)


# What counts verified people (proposals' supporters, polls' votes) lives in content apps;
# each registers here, in its AppConfig.ready(), what to do when a person's verification comes
# or goes, so that accounts imports none of them.
_verification_listeners = []


def on_verification_changed(listener) -> None:
    """`listener(user=...)` runs, in the same transaction, after a verification of `user`
    is recorded or removed."""
    if listener not in _verification_listeners:
        _verification_listeners.append(listener)


def _verification_changed(user) -> None:
    for listener in _verification_listeners:
        listener(user=user)


def verification_record(*, user, method: str, person_hash: str | None = None, at=None):
    """Mark the account verified by `method`, replacing an earlier verification of it; a
    verification at the door leaves an e-identification in place (it says more)."""
    from accounts.models import Verification

    current = Verification.objects.filter(user=user).first()
    if current and current.method == Verification.Method.EID and method != current.method:
        return current
    with transaction.atomic():
        verification, _created = Verification.objects.update_or_create(
            user=user,
            defaults={
                "method": method,
                "verified_at": at or timezone.now(),
                "person_hash": person_hash,
            },
        )
        if current is None:
            _verification_changed(user)
    return verification


class VerificationError(RuleError):
    """A verification the rules refuse: one person, one verified account."""


def verification_record_eid(*, user, person_hash: str, at=None):
    """The person has identified themselves with e-identification. Refused when another
    account already holds this person's verification; the message names that account's
    address, masked, so its owner knows where to remove it first."""
    from accounts import eid
    from accounts.models import Verification

    def refusal(holder):
        return VerificationError(
            "held_elsewhere",
            _(
                "This e-identification already verifies the account %(email)s. One person can "
                "verify one account: to move the verification here, log in to that account, "
                "remove the verification on its profile, and verify again from this account."
            )
            % {"email": eid.masked_email(holder.user.email)},
        )

    holder = Verification.objects.held_by(person_hash)
    if holder is not None and holder.user_id != user.pk:
        raise refusal(holder)
    try:
        with transaction.atomic():
            return verification_record(
                user=user, method=Verification.Method.EID, person_hash=person_hash, at=at
            )
    except IntegrityError:  # another account took it in the same moment
        raise refusal(Verification.objects.held_by(person_hash)) from None


def verification_remove(*, user) -> bool:
    """The person removes their verification (or moves it to another account of theirs)."""
    from accounts.models import Verification

    with transaction.atomic():
        removed, _kinds = Verification.objects.filter(user=user).delete()
        if removed:
            _verification_changed(user)
    return bool(removed)
