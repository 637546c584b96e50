from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("lagesbild/", views.observation_form, name="form"),
    path("lagesbild/tack/", views.thanks, name="thanks"),
]
