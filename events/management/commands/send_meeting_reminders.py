from django.core.management.base import BaseCommand

from events.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email confirmed participants about a day before their meeting. Each reminder is sent "
        "once, so this is safe to run as often as you like (every 15 minutes in production)."
    )

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"Queued {sent} reminders.")
