from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder (written by `backup`) into the configured database, which "
        "must be empty, and its files into MEDIA_ROOT; then compare the counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, such as var/backups/2026…Z")

    def handle(self, *args, backup, **options):
        try:
            restored = backup_restore(backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        listed = ", ".join(f"{count} {name}" for name, count in restored.items())
        self.stdout.write(f"Restored {backup}: {listed}, as its manifest says.")
