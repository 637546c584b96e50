from django.core.management.base import BaseCommand

from home.services import emails_deliver_due


class Command(BaseCommand):
    help = "Send emails that are waiting or whose earlier attempt failed. Safe to run often."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also emails whose next attempt is later: the mail server is back.",
        )

    def handle(self, *args, now=False, **options):
        sent, waiting = emails_deliver_due(waiting=now)
        self.stdout.write(f"Sent {sent} emails; {waiting} wait for a later attempt.")
