"""Names of languages in the reader's language, and what a page's text is written in.

The site's languages are LANGUAGES in settings (each named in itself, for the language
switch). Sentences such as "here it is in Swedish" need the name in the reader's language:
ours where we have one, otherwise Django's (it names some hundred languages)."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

NAMES = {
    "sv": _("Swedish"),
    "en": _("English"),
    "fi": _("Finnish"),
    "ar": _("Arabic"),
    "so": _("Somali"),
    "tr": _("Turkish"),
    "syc": _("Syriac"),
    "fa": _("Persian"),
    "ti": _("Tigrinya"),
    "swl": _("Swedish Sign Language"),
}


def language_name(code: str) -> str:
    """The language's name in the active language ("Swedish", "ruotsi", "السويدية")."""
    if code in NAMES:
        return str(NAMES[code])
    info = LANG_INFO.get(code)
    return gettext(info["name"]) if info else code


def is_bidi(code: str) -> bool:
    return LANG_INFO.get(code, {}).get("bidi", False)


def text_language(page) -> str | None:
    """The language a page's text is in, when it is not the active one: a page shown in
    another language's interface until it is translated. Aliases that wagtail-localize keeps
    for untranslated pages show the default language's text (home.translations syncs every
    language from it)."""
    if getattr(page, "alias_of_id", None):
        code = settings.LANGUAGE_CODE
    else:
        code = locale_codes().get(getattr(page, "locale_id", None))
    return code if code and code != get_language() else None


def locale_codes() -> dict[int, str]:
    """Locale ids to language codes, read once per structure version."""
    from wagtail.models import Locale

    from home.cache import structure_part

    return structure_part(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
