from django.urls import path

from proposals import views

app_name = "proposals"

urlpatterns = [
    path("forslag-epost/av/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
