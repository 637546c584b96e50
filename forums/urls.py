from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("avfolj/<str:token>/", views.unfollow, name="unfollow"),
]
