from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_views
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


@hooks.register("register_admin_urls")
def register_verification_admin_urls():
    return [path("verifieringar/", admin_views.verifications, name="verifications")]


class VerificationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_settings_menu_item")
def register_verifications_menu_item():
    return VerificationsMenuItem(
        _("Verifications"), reverse("verifications"), icon_name="success", order=610
    )
