from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from forums import admin_views, services
from forums.models import Association, Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = _("Categories")
    list_display = ["name", "slug", "order", "district", "locale"]
    list_filter = ["locale"]
    ordering = ["order", "name"]


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name", "district", "verified", "verified_by", "verified_at"]
    list_filter = ["verified"]
    search_fields = ["name"]


class ForumViewSetGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, AssociationViewSet)
    menu_icon = "comment"
    menu_label = _("Forum")
    menu_order = 220


register_snippet(ForumViewSetGroup)


@hooks.register("register_admin_urls")
def register_forum_admin_urls():
    urls = [path("trad/<int:pk>/", admin_views.thread_moderate, name="thread_moderate")]
    return [path("forum/", include((urls, "forums_admin")))]


@hooks.register("before_edit_snippet")
def remember_verification(request, instance):
    if isinstance(instance, Association):
        request.association_was_verified = instance.verified


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
def record_verification(request, instance):
    if isinstance(instance, Association):
        services.association_verification_record(
            association=instance,
            by=request.user,
            was_verified=getattr(request, "association_was_verified", False),
        )
