from django.urls import path

from . import views

# Mounted by allauth under /konto/ (it imports the provider's package's URLs).
urlpatterns = [
    path("oidc/<str:provider_id>/login/", views.login, name="openid_connect_login"),
    path("oidc/<str:provider_id>/login/callback/", views.callback, name="openid_connect_callback"),
]
