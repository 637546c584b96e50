"""Downloads and the catalogue, without a language prefix (the data is the same in every
language); the page for people is in each language (site/urls.py)."""

from django.urls import path

from opendata import views

urlpatterns = [
    path("dcat.jsonld", views.catalogue, name="opendata_catalogue"),
    path(
        "oppna-data/trygghetsmatning.<str:extension>",
        views.survey_results,
        name="opendata_survey_results",
    ),
    path("oppna-data/moten.csv", views.meetings_csv, name="opendata_meetings_csv"),
    path("oppna-data/insatser.csv", views.measures_csv, name="opendata_measures_csv"),
]
