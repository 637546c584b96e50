from django.urls import path

from polls import views

app_name = "polls"

urlpatterns = [
    path("omrostning/<int:poll_id>/rosta/", views.vote, name="vote"),
]
