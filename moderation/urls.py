from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("rapportera/<str:kind>/<int:pk>/", views.report, name="report"),
]
