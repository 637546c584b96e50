from django.contrib.auth.models import Group, Permission
from django.db import transaction

from home.cache import content_changed

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
        ("simple_translation", "submit_translation"),
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
    ],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
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
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=groups[ORGANISERS], page=page, permission=permission
            )
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
