from django.shortcuts import render
from django.urls import path

from torget.urls import handler404, handler500  # noqa: F401
from torget.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The floor: the least a Django view does (a small template) through the same middleware."""
    return render(request, "bench/floor.html", {"title": "Floor"})


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
