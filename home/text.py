"""Capitalising a label as its language writes it.

Python's str.upper() turns the Turkish dotted i into a dotless I ("işlem" → "Işlem"); Turkish
and Azerbaijani write İ. Django's capfirst, which builds most labels, does the same, so our
labels go through capfirst_locale instead.
"""

from django.utils.functional import keep_lazy_text
from django.utils.text import capfirst
from django.utils.translation import get_language

# Languages with a dotted and a dotless i, each with its own capital.
_CAPITALS = {"i": "İ", "ı": "I"}
DOTTED_I_LANGUAGES = frozenset({"tr", "az"})


@keep_lazy_text
def capfirst_locale(text, language=None):
    """`text` with its first letter capitalised as `language` (the active one by default)
    writes it: "işlem" → "İşlem" in Turkish, "åtgärd" → "Åtgärd" in Swedish."""
    text = str(text)
    code = (language or get_language() or "").replace("_", "-").split("-")[0].lower()
    if code in DOTTED_I_LANGUAGES and text[:1] in _CAPITALS:
        return _CAPITALS[text[0]] + text[1:]
    return capfirst(text)
