from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.db.models.signals import post_save

        from home import personal_data
        from home.models import SiteSettings

        from . import services, workflows
        from .personal_data import DECLARATION

        # Groups, their permissions and the editors' review must exist on every database, demo
        # or not; post_migrate runs after every migrate and flush, when permissions exist.
        post_migrate.connect(services.staff_groups_ensure_on_migrate, sender=self)
        post_save.connect(_site_settings_saved, sender=SiteSettings)
        workflows.decision_emails_install()
        personal_data.register(DECLARATION)


def _site_settings_saved(sender, instance, **kwargs):
    from .workflows import review_workflow_ensure

    review_workflow_ensure()
