from wagtail import hooks

from accounts.services import account_release


@hooks.register("before_delete_user")
def release_before_delete(request, user):
    """An administrator deleting a person in Users: the same release as deleting one's own
    account, so places, counts and results stay right. Their posts stay as "Former member"."""
    if request.method == "POST":
        account_release(user=user)


@hooks.register("before_bulk_action")
def release_before_bulk_delete(request, action_type, objects, action_class_instance):
    from accounts.models import User

    if action_type == "delete" and getattr(action_class_instance, "model", None) is User:
        for user in objects:
            account_release(user=user)
