from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Pages")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save, pre_save
        from wagtail.images import get_image_model

        from home import cache, memory, personal_data
        from home.declared import DECLARATION
        from home.images import image_saved
        from home.translations import locales_ensure
        from home.tree import tree_position_keep

        cache.install()
        memory.install()
        personal_data.register(DECLARATION)
        # After every migrate and flush: a Wagtail locale for each language of the site.
        post_migrate.connect(locales_ensure, sender=self)
        pre_save.connect(tree_position_keep, dispatch_uid="home.tree_position_keep")
        post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="home.image_saved")
