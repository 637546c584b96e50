from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Observation reports")

    def ready(self):
        from home import personal_data
        from reports.personal_data import DECLARATION

        personal_data.register(DECLARATION)
