from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into a new folder under "
        "TORGET_BACKUP_DIR, then keep only the newest TORGET_BACKUP_KEEP backups."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", help="The folder to back up into (default TORGET_BACKUP_DIR).")
        parser.add_argument(
            "--keep", type=int, help="How many backups to keep (default TORGET_BACKUP_KEEP)."
        )

    def handle(self, *args, to=None, keep=None, **options):
        try:
            backup = backup_create(to, keep=settings.TORGET_BACKUP_KEEP if keep is None else keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(backup))
