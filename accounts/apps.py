from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import services

        # Groups and their permissions must exist on every database, demo or not;
        # post_migrate runs after every migrate and flush, when permissions exist.
        post_migrate.connect(services.staff_groups_ensure_on_migrate, sender=self)
