"""The staff groups and what each may do."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

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
