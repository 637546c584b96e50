"""Every language of the site is complete: each interface string translated, nothing fuzzy,
placeholders intact, and Django's and allauth's own strings where those projects ship no
translation. (The source strings are English, so English needs no catalog of its own.)"""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.management.commands.thirdparty_messages import SOURCES, _shipped

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]


def catalogs():
    for code in TRANSLATED:
        yield code, LOCALE / code / "LC_MESSAGES" / "django.po"
        if any(not _shipped(package, folder, code) for package, folder, _paths in SOURCES):
            yield code, LOCALE / "third_party" / code / "LC_MESSAGES" / "django.po"


CATALOGS = list(catalogs())


@pytest.mark.parametrize(("code", "path"), CATALOGS, ids=[str(p) for _c, p in CATALOGS])
def test_every_string_is_translated_and_none_is_fuzzy(code, path):
    catalog = polib.pofile(str(path))
    assert catalog.metadata["Language"] == code
    assert not catalog.metadata_is_fuzzy  # a fuzzy header drops the plural rules
    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is missing")
@pytest.mark.parametrize(("code", "path"), CATALOGS, ids=[str(p) for _c, p in CATALOGS])
def test_placeholders_and_plural_forms_survive_translation(code, path):
    checked = subprocess.run(  # noqa: S603 - gettext's own checker on our catalog
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("code", [c for c in TRANSLATED if c != settings.LANGUAGE_CODE])
def test_a_new_language_asks_for_a_native_speakers_review(code):
    catalog = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    assert "native speaker should review" in catalog.header
