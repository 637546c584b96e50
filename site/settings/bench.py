"""`make bench`: production settings plus the floor, a bare view to measure the server by."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the storm sends no mail
