from django.urls import path

from . import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("verifiering/ta-bort/", views.verification_remove, name="verification_remove"),
    path("mejl/", views.emails, name="my_emails"),
    path("mina-uppgifter/", views.my_data, name="my_data"),
    path("mina-uppgifter.json", views.my_data_json, name="my_data_json"),
    path("radera/", views.delete, name="account_delete"),
]
