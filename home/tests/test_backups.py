"""make backup and make restore on SQLite (make test-cluster does the same on PostgreSQL, and
compares pages served from the restored database with the original's)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from events.tests.factories import RegistrationFactory
from home.backups import BackupError, backup_create, backups_prune, counts, manifest_read

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)
# PostgreSQL's backups are restored by make test-cluster, into a database of their own.
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="make test-cluster")


def restore(backup, database, media):
    """`manage.py restore` in its own process, into the SQLite database file `database`."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "torget.settings.test",
            "DATABASE_URL": f"sqlite:///{database}",
            "DJANGO_MEDIA_ROOT": str(media),
        },
        capture_output=True,
        text=True,
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "original_images" / "fittja.jpg").write_bytes(b"a picture")
    return settings.MEDIA_ROOT


@on_sqlite
def test_a_backup_holds_the_database_the_files_and_what_they_count(meeting_page, media, tmp_path):
    RegistrationFactory.create_batch(3, meeting=meeting_page.meeting)
    backup = backup_create(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"] == "sqlite"
    assert manifest["counts"] == counts()
    assert manifest["counts"]["registrations"] == 3
    assert set(manifest["files"]) == {"database.sqlite3", "media.tar.gz"}


@on_sqlite
def test_a_backup_restores_into_an_empty_database_with_the_same_counts(
    meeting_page, media, tmp_path
):
    RegistrationFactory.create_batch(2, meeting=meeting_page.meeting)
    backup = backup_create(tmp_path / "backups")
    restored = tmp_path / "restored"
    result = restore(backup, tmp_path / "restored.sqlite3", restored)
    assert result.returncode == 0, result.stderr
    assert "2 registrations" in result.stdout and "as its manifest says" in result.stdout
    assert (restored / "original_images" / "fittja.jpg").read_bytes() == b"a picture"
    # Into a database that holds something, never.
    again = restore(backup, tmp_path / "restored.sqlite3", restored)
    assert again.returncode != 0
    assert "the database is not empty" in again.stderr


def test_a_damaged_backup_is_refused(meeting_page, media, tmp_path):
    backup = backup_create(tmp_path / "backups")
    with (backup / "media.tar.gz").open("ab") as file:
        file.write(b"!")
    with pytest.raises(BackupError, match="media.tar.gz .* is damaged"):
        manifest_read(backup)
    result = restore(backup, tmp_path / "restored.sqlite3", tmp_path / "restored")
    assert result.returncode != 0
    assert "is damaged" in result.stderr
    assert not (tmp_path / "restored").exists()  # nothing was restored


def test_only_the_newest_backups_are_kept(db, media, tmp_path, settings):
    folder = tmp_path / "backups"
    settings.TORGET_BACKUP_DIR = folder
    settings.TORGET_BACKUP_KEEP = 2
    for _ in range(3):
        call_command("backup", verbosity=0)
    kept = sorted(path.name for path in folder.iterdir())
    assert len(kept) == 2
    (folder / "unfinished").mkdir()  # a backup cut off halfway has no manifest: left alone
    assert backups_prune(folder, keep=1) == [folder / kept[0]]
    assert sorted(path.name for path in folder.iterdir()) == [kept[1], "unfinished"]
