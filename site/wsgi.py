import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torget.settings.production")

application = get_wsgi_application()

from home.warmup import warm_up  # noqa: E402 - needs the apps that get_wsgi_application loads

warm_up()

# Django, Wagtail and the URL configuration live as long as the worker: moved out of the
# collector's reach, they are not scanned again at every collection of a request's garbage.
gc.freeze()
