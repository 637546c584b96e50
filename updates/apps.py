from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UpdatesConfig(AppConfig):
    name = "updates"
    verbose_name = _("Safety work")

    def ready(self):
        from wagtail.signals import page_published

        from home import personal_data
        from updates.models import UpdatePage
        from updates.personal_data import DECLARATION

        personal_data.register(DECLARATION)

        # Every way of publishing (editor, schedule, API) passes here; the rules are in
        # services: the facts go to every language version, and each change is alerted once.
        page_published.connect(_update_published, sender=UpdatePage)


def _update_published(sender, instance, **kwargs):
    from updates.services import update_published

    update_published(page=instance)
