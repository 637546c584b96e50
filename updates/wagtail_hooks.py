from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import DisruptionNotice
from updates import admin_views
from updates.models import MeasureCategory, NoticeAlert, Responsible


class MeasureCategoryViewSet(SnippetViewSet):
    model = MeasureCategory
    icon = "tag"
    menu_label = _("Measure categories")
    list_display = ["name", "slug", "order", "locale"]
    list_filter = ["locale"]


class ResponsibleViewSet(SnippetViewSet):
    model = Responsible
    icon = "group"
    menu_label = _("Responsible parties")
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class SafetyWorkGroup(SnippetViewSetGroup):
    items = (MeasureCategoryViewSet, ResponsibleViewSet)
    menu_icon = "doc-full"
    menu_label = _("Safety work")
    menu_order = 230


register_snippet(SafetyWorkGroup)


@hooks.register("register_admin_urls")
def register_notice_urls():
    return [
        path(
            "driftmeddelanden/<int:pk>/skicka/",
            admin_views.notice_send,
            name="updates_notice_send",
        )
    ]


class SendNoticeMenuItem(ActionMenuItem):
    """Saving a disruption notice and, in the same step, going on to email it."""

    name = "action-send-alert"
    label = _("Save and email to the districts' subscribers")
    icon_name = "mail"
    order = 50

    def is_shown(self, context):
        instance = context.get("instance")
        already = (
            instance is not None
            and instance.pk
            and NoticeAlert.objects.filter(notice_key=instance.translation_key).exists()
        )
        return (
            super().is_shown(context)
            and context["request"].user.has_perm(admin_views.PERMISSION)
            and not already
        )


@hooks.register("register_snippet_action_menu_item")
def send_notice_menu_item(model):
    return SendNoticeMenuItem() if model is DisruptionNotice else None


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def go_on_to_send(request, instance):
    if isinstance(instance, DisruptionNotice) and SendNoticeMenuItem.name in request.POST:
        return redirect(reverse("updates_notice_send", args=[instance.pk]))
    return None
