from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Meetings")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from events.models import EventIndexPage, EventPage
        from events.moderated import register_questions
        from events.personal_data import DECLARATION
        from home import personal_data

        register_questions()
        personal_data.register(DECLARATION)

        # Wagtail publishes from the editor, from scheduled publishing and from its API; the
        # signal is the one place that sees them all.
        page_published.connect(_meeting_published, sender=EventPage)
        post_save.connect(_meeting_index_created, sender=EventIndexPage)


def _meeting_published(sender, instance, **kwargs):
    from events.services import meeting_published

    meeting_published(page=instance)


def _meeting_index_created(sender, instance, created, **kwargs):
    if created:  # organisers may edit the meetings under a new meeting index
        from accounts.services import staff_groups_ensure

        staff_groups_ensure()
