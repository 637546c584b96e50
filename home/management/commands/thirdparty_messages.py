"""Keeps locale/third_party/<code>/LC_MESSAGES/django.po: the strings of Django and allauth that
residents meet (form errors, dates, sign-in, two-factor, sessions) for each site language those
projects ship no translation of. Existing translations are kept; strings the projects dropped
go. `make messages` runs it."""

import importlib
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

# (package, its catalogs' folder, the source paths whose strings reach residents)
SOURCES = [
    (
        "django",
        "conf/locale",
        (
            "core/validators.py",
            "forms/",
            "utils/dates.py",
            "utils/timesince.py",
            "utils/text.py",
            "db/models/fields/",
            "db/models/base.py",
        ),
    ),
    ("django.contrib.auth", "locale", ("password_validation.py", "forms.py", "validators.py")),
    (
        "allauth",
        "locale",
        (
            "account/",
            "mfa/",
            "usersessions/",
            "templates/account/",
            "templates/mfa/",
            "templates/usersessions/",
            "templates/allauth/",
        ),
    ),
]
HEADER = (
    "Torget: strings of Django and allauth that residents meet, for a language those projects\n"
    "do not ship. Kept by `manage.py thirdparty_messages` (make messages).\n"
    "A native speaker should review these translations before production."
)


def _catalog_folder(package: str, folder: str) -> Path:
    return Path(importlib.import_module(package).__file__).parent / folder


def _shipped(package: str, folder: str, code: str) -> bool:
    return (_catalog_folder(package, folder) / code / "LC_MESSAGES" / "django.mo").exists()


def _source_entries(package: str, folder: str, paths: tuple[str, ...]):
    english = polib.pofile(str(_catalog_folder(package, folder) / "en/LC_MESSAGES/django.po"))
    for entry in english:
        if entry.obsolete or not entry.msgid:
            continue
        if any(occurrence.startswith(paths) for occurrence, _line in entry.occurrences):
            yield entry


class Command(BaseCommand):
    help = "Update the catalogs of third-party strings for languages they ship none of."

    def handle(self, *args, **options):
        root = Path(settings.BASE_DIR) / "locale" / "third_party"
        for code, _name in settings.LANGUAGES:
            missing = [source for source in SOURCES if not _shipped(source[0], source[1], code)]
            if code == "en" or not missing:
                continue
            path = root / code / "LC_MESSAGES" / "django.po"
            old = polib.pofile(str(path)) if path.exists() else polib.POFile()
            kept = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
            catalog = polib.POFile(wrapwidth=79)
            catalog.header = HEADER
            catalog.metadata = {
                "Project-Id-Version": "Torget",
                "Language": code,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "Plural-Forms": old.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);"),
            }
            seen = set()
            for package, folder, paths in missing:
                for entry in _source_entries(package, folder, paths):
                    key = (entry.msgctxt, entry.msgid)
                    if key in seen:
                        continue
                    seen.add(key)
                    previous = kept.get(key)
                    catalog.append(
                        polib.POEntry(
                            msgctxt=entry.msgctxt,
                            msgid=entry.msgid,
                            msgid_plural=entry.msgid_plural,
                            msgstr=previous.msgstr if previous else "",
                            msgstr_plural=(
                                previous.msgstr_plural
                                if previous
                                else ({0: "", 1: ""} if entry.msgid_plural else {})
                            ),
                            flags=[flag for flag in entry.flags if flag != "fuzzy"],
                            occurrences=[
                                (f"{package.replace('.', '/')}/{o}", line)
                                for o, line in entry.occurrences
                            ],
                        )
                    )
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog.save(str(path))
            self.stdout.write(f"{path.relative_to(settings.BASE_DIR)}: {len(catalog)} strings")
