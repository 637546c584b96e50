from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from forums.moderated import register_posts
        from forums.personal_data import DECLARATION
        from home import personal_data

        register_posts()
        personal_data.register(DECLARATION)
