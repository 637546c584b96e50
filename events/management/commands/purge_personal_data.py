from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.services import registrations_purge
from home.services import emails_purge


class Command(BaseCommand):
    help = (
        "Apply the retention rules: remove names, emails and needs from registrations "
        "of meetings that ended TORGET_REGISTRATION_RETENTION_DAYS ago and from guests who "
        "never confirmed, and delete sent emails older than TORGET_SENT_EMAIL_RETENTION_DAYS. "
        "Counts are kept. Safe to run daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        registrations = registrations_purge(at=now)
        emails = emails_purge(
            before=now - timedelta(days=settings.TORGET_SENT_EMAIL_RETENTION_DAYS)
        )
        self.stdout.write(
            "Removed personal data from {ended_meetings} registrations of past meetings and "
            "{never_confirmed} that were never confirmed; {lapsed} lapsed today.".format(
                **registrations
            )
        )
        self.stdout.write(f"Deleted {emails} sent emails.")
