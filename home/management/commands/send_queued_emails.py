from django.core.management.base import BaseCommand

from home.services import emails_deliver_due


class Command(BaseCommand):
    help = "Send emails that are waiting or whose earlier attempt failed. Safe to run often."

    def handle(self, *args, **options):
        sent, waiting = emails_deliver_due()
        self.stdout.write(f"Sent {sent} emails; {waiting} wait for a later attempt.")
