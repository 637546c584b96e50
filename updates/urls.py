from django.urls import path

from updates import views

app_name = "updates"

urlpatterns = [
    path("bevakning/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("bevakning/avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("konto/mejl/bevakning/<int:pk>/avsluta/", views.alert_remove, name="alert_remove"),
]
