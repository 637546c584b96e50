from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages")

    def ready(self):
        from django.db.models.signals import post_migrate

        from home import cache, memory, personal_data
        from home.declared import DECLARATION
        from home.translations import locales_ensure

        cache.install()
        memory.install()
        personal_data.register(DECLARATION)
        # After every migrate and flush: a Wagtail locale for each language of the site.
        post_migrate.connect(locales_ensure, sender=self)
