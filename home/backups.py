"""Backups that restore: the database, consistently, and the uploaded files, in one folder per
backup with a manifest of what it holds.

A backup is `<TORGET_BACKUP_DIR>/<timestamp>/` with `database.sqlite3` (SQLite's online backup
API: a consistent copy while the site writes) or `database.dump` (pg_dump's custom format, one
snapshot), `media.tar.gz`, and `manifest.json`: when, which database, the checksum of each file
and counts of what people made (pages, registrations, posts, reports), which a restore
compares. Backups hold personal data, so only the newest TORGET_BACKUP_KEEP are kept.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

FORMAT = 1


class BackupError(Exception):
    pass


def counts() -> dict[str, int]:
    """What the manifest counts (TORGET_BACKUP_COUNTS), from the database as it is now."""
    return {
        name: apps.get_model(label).objects.count()
        for name, label in settings.TORGET_BACKUP_COUNTS.items()
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres(tool: str, *args) -> None:
    """Runs pg_dump or pg_restore on the configured database (the password in the environment,
    not on a command line others can read)."""
    found = shutil.which(tool)
    if not found:
        raise BackupError(f"{tool} is missing: apt-get install postgresql-client")
    database = connection.settings_dict
    given = {
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"],
        "PGDATABASE": database["NAME"],
    }
    environment = {**os.environ, **{name: value for name, value in given.items() if value}}
    # Our own arguments, not a person's input.
    result = subprocess.run([found, *map(str, args)], env=environment, capture_output=True)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{tool} failed: {result.stderr.decode(errors='replace').strip()}")


def backup_create(folder: Path | None = None, *, keep: int | None = None) -> Path:
    """Writes a backup into a new folder under `folder` and returns it; then keeps only the
    newest `keep` backups there."""
    folder = Path(folder or settings.TORGET_BACKUP_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / stamp
    target.mkdir(parents=True)
    try:
        # The counts are taken first: the copy holds at least what they count.
        counted = counts()
        if connection.vendor == "sqlite":
            database = target / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                connection.connection.backup(copy)
            copy.close()
        elif connection.vendor == "postgresql":
            database = target / "database.dump"
            _postgres("pg_dump", "--format=custom", "--no-owner", "--file", database)
        else:
            raise BackupError(f"backups of {connection.vendor} are not supported")
        media = target / "media.tar.gz"
        with tarfile.open(media, "w:gz") as archive:
            root = Path(settings.MEDIA_ROOT)
            if root.exists():
                archive.add(root, arcname="media")
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "database": connection.vendor,
            "files": {path.name: _sha256(path) for path in (database, media)},
            "counts": counted,
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    if keep is not None:
        backups_prune(folder, keep=keep)
    return target


def backups_prune(folder: Path, *, keep: int) -> list[Path]:
    """Removes all but the newest `keep` complete backups in `folder`; returns what it removed."""
    complete = sorted(path.parent for path in Path(folder).glob("*/manifest.json"))
    removed = complete[: max(len(complete) - keep, 0)]
    for path in removed:
        shutil.rmtree(path)
    return removed


def manifest_read(backup: Path) -> dict:
    backup = Path(backup)
    try:
        manifest = json.loads((backup / "manifest.json").read_text())
    except FileNotFoundError as error:
        raise BackupError(f"{backup} has no manifest.json: not a complete backup") from error
    for name, checksum in manifest["files"].items():
        if _sha256(backup / name) != checksum:
            raise BackupError(f"{name} in {backup} is damaged (its checksum differs)")
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(backup: Path) -> dict:
    """Restores `backup` into the configured database, which must be empty, and its files into
    MEDIA_ROOT; returns the counts, which must be the manifest's."""
    backup = Path(backup)
    manifest = manifest_read(backup)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"the backup is of {manifest['database']}, the database is {connection.vendor}"
        )
    if not _database_is_empty():
        raise BackupError("the database is not empty; restore into a new, empty database")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(backup / "database.sqlite3") as source:
            source.backup(connection.connection)
        source.close()
    else:
        connection.close()
        _postgres(
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            connection.settings_dict["NAME"],
            backup / "database.dump",
        )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(backup / "media.tar.gz", "r:gz") as archive:
        for member in archive.getmembers():
            if not (member.isfile() or member.isdir()) or not member.name.startswith("media"):
                continue
            member.name = member.name.removeprefix("media").lstrip("/")
            if member.name:
                archive.extract(member, media_root, filter="data")
    restored = counts()
    if restored != manifest["counts"]:
        raise BackupError(f"restored {restored}, the manifest says {manifest['counts']}")
    return restored
