from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("avfolj/<str:token>/", views.unfollow, name="unfollow"),
    path("konto/mejl/sluta-folja/<int:follow_id>/", views.follow_remove, name="follow_remove"),
]
