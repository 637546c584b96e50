from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from events import admin_views
from events.models import EventPage

admin_urlpatterns = [
    path("", admin_views.meeting_index, name="index"),
    path("<int:meeting_id>/", admin_views.meeting_detail, name="meeting"),
    path("<int:meeting_id>/lagg-till/", admin_views.registration_add, name="add"),
    path("<int:meeting_id>/export.csv", admin_views.meeting_export, name="export"),
    path("<int:meeting_id>/incheckning/", admin_views.check_in, name="check_in"),
    path("anmalan/<int:registration_id>/avboka/", admin_views.registration_cancel, name="cancel"),
    path(
        "anmalan/<int:registration_id>/incheckning/",
        admin_views.registration_check_in,
        name="check_in_toggle",
    ),
    path("fraga/<int:question_id>/", admin_views.question_moderate, name="question"),
]


@hooks.register("register_admin_urls")
def register_meeting_admin_urls():
    return [path("moten/", include((admin_urlpatterns, "events_admin")))]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_open(request.user)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"), reverse("events_admin:index"), icon_name="group", order=210
    )


class RegistrationsButton(PageMenuItem):
    label = _("Registrations")
    icon_name = "group"

    def is_shown(self, user):
        return admin_views.can_open(user)

    @property
    def url(self):
        return reverse("events_admin:meeting", args=[self.page.specific_deferred.meeting.pk])


def _registrations_button(page, user, **kwargs):
    if page.specific_class is EventPage:
        yield RegistrationsButton(page=page, priority=5)


hooks.register("register_page_listing_more_buttons", _registrations_button)
hooks.register("register_page_header_buttons", _registrations_button)
