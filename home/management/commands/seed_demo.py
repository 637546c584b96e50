from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import demo as account_demo
from events import demo as event_demo
from forums import demo as forum_demo
from home import demo as page_demo
from home import demo_languages as language_demo
from home.translations import trees_synchronise
from moderation import demo as moderation_demo
from polls import demo as poll_demo
from proposals import demo as proposal_demo
from reports import demo as report_demo
from surveys import demo as survey_demo
from updates import demo as update_demo


class Command(BaseCommand):
    help = "Load the demo content and accounts (idempotent; only with DEBUG on)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the demo has been loaded before.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo adds accounts with known passwords; it needs DEBUG on.")
        from accounts.models import User

        if options["if_empty"] and User.objects.filter(email="admin@example.org").exists():
            self.stdout.write("Demo content already loaded.")
        else:
            with transaction.atomic():
                page_demo.seed()
                account_demo.seed()
                event_demo.seed()
                forum_demo.seed()
                moderation_demo.seed()
                report_demo.seed()
                update_demo.seed()
                proposal_demo.seed()
                poll_demo.seed()
                survey_demo.seed()
                language_demo.seed()
                # Every page not translated is there in every language (as the admin does).
                trees_synchronise()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(f"Demo accounts (password: {account_demo.DEMO_PASSWORD}):")
        for email, role in account_demo.roles():
            self.stdout.write(f"  {email:<24} {role}")
