from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from home import personal_data
        from moderation.personal_data import DECLARATION

        personal_data.register(DECLARATION)
