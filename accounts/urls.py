from django.urls import path

from . import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("mejl/", views.emails, name="my_emails"),
]
