from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "polls"
    verbose_name = _("Polls")

    def ready(self):
        from home import personal_data
        from polls.personal_data import DECLARATION

        personal_data.register(DECLARATION)
