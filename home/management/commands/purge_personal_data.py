from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.services import registrations_purge
from home.services import emails_purge
from reports.services import observations_purge
from updates.services import subscriptions_purge


class Command(BaseCommand):
    help = (
        "Apply every retention rule: registrations lose names, emails and needs "
        "TORGET_REGISTRATION_RETENTION_DAYS after their meeting (and at once when never "
        "confirmed); observation reports lose contact details after "
        "TORGET_OBSERVATION_CONTACT_DAYS and are deleted after TORGET_OBSERVATION_RETENTION_DAYS; "
        "sent emails are deleted after TORGET_SENT_EMAIL_RETENTION_DAYS; unconfirmed alert "
        "requests after a week. Counts are kept. "
        "Safe to run daily."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        registrations = registrations_purge(at=now)
        observations = observations_purge(at=now)
        emails = emails_purge(
            before=now - timedelta(days=settings.TORGET_SENT_EMAIL_RETENTION_DAYS)
        )
        self.stdout.write(
            "Removed personal data from {ended_meetings} registrations of past meetings and "
            "{never_confirmed} that were never confirmed; {lapsed} lapsed today.".format(
                **registrations
            )
        )
        self.stdout.write(
            "Deleted {observations_deleted} observation reports and removed contact details "
            "from {observation_contacts_removed}.".format(**observations)
        )
        subscriptions = subscriptions_purge(at=now)
        self.stdout.write(
            f"Deleted {emails} sent emails and {subscriptions} alert requests "
            "nobody confirmed within a week."
        )
