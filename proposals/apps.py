from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from accounts.services import on_verification_changed
        from home import personal_data
        from proposals.personal_data import DECLARATION
        from proposals.services import supporters_recount_verified

        on_verification_changed(supporters_recount_verified)
        personal_data.register(DECLARATION)
