from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Safety surveys")

    def ready(self):
        from home import personal_data
        from surveys.personal_data import DECLARATION

        personal_data.register(DECLARATION)
