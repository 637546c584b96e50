from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Meetings")

    def ready(self):
        from wagtail.signals import page_published

        from events.models import EventPage

        # Wagtail publishes from the editor, from scheduled publishing and from its API; the
        # signal is the one place that sees them all.
        page_published.connect(_meeting_published, sender=EventPage)


def _meeting_published(sender, instance, **kwargs):
    from events.services import meeting_published

    meeting_published(page=instance)
