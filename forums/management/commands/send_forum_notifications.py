from django.core.management.base import BaseCommand

from forums.notifications import notifications_send


class Command(BaseCommand):
    help = (
        "Email followers about replies and new threads they have not heard about: at most once "
        "an hour per thread, or a daily summary. Safe to run often (every 5 minutes)."
    )

    def handle(self, *args, **options):
        sent = notifications_send()
        self.stdout.write(f"Queued {sent} emails to followers.")
