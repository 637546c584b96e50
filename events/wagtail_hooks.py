from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from events import admin_views
from events.models import EventPage
from home.dashboard import Row, TodayPanel, with_total

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
    path(
        "anmalan/<int:registration_id>/verifiera/",
        admin_views.registration_verify_in_person,
        name="verify_in_person",
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


@hooks.register("construct_homepage_panels")
def add_meetings_panel(request, panels):
    """For organisers and editors: questions to answer before their next meetings, and the
    people expected at the door today."""
    if not request.user.has_perm("events.view_registration"):
        return
    now = timezone.now()
    meetings, total = with_total(EventPage.objects.needing_organisers(now))
    rows = []
    for meeting in meetings:
        today = timezone.localdate(meeting.start) == timezone.localdate(now)
        if today and meeting.at_the_door:
            note = ngettext(
                "today: %(count)s person to check in",
                "today: %(count)s people to check in",
                meeting.at_the_door,
            ) % {"count": meeting.at_the_door}
            url = reverse("events_admin:check_in", args=[meeting.meeting_pk])
        else:
            note = ngettext(
                "%(count)s question without an answer",
                "%(count)s questions without an answer",
                meeting.open_questions,
            ) % {"count": meeting.open_questions}
            url = reverse("events_admin:meeting", args=[meeting.meeting_pk]) + "#questions"
        when = date_format(timezone.localtime(meeting.start), "j F H:i")
        rows.append(Row(label=f"{meeting.title} ({when})", url=url, note=note, urgent=today))
    panels.append(
        TodayPanel(
            name="meetings",
            order=70,
            heading=_("Your meetings"),
            summary=ngettext(
                "%(count)s meeting in the next 30 days needs you.",
                "%(count)s meetings in the next 30 days need you.",
                total,
            )
            % {"count": total},
            rows=rows,
            empty=_("No meeting in the next 30 days has questions waiting or people at the door."),
            all_url=reverse("events_admin:index"),
            all_label=_("All meetings and registrations"),
        )
    )
