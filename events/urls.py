from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("kalender.ics", views.meeting_calendar_feed, name="calendar_feed"),
    path("kalender/<uuid:key>.ics", views.meeting_calendar_file, name="calendar_meeting"),
    path("anmalan/<str:token>/", views.registration_manage, name="registration"),
    path("konto/moten/", views.my_meetings, name="my_meetings"),
    path(
        "konto/moten/<int:registration_id>/avboka/",
        views.my_meeting_cancel,
        name="my_meeting_cancel",
    ),
]
