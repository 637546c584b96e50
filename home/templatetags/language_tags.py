from django import template
from django.template.defaultfilters import stringfilter
from django.utils.html import format_html
from django.utils.translation import get_language

from home.languages import is_bidi, language_name, text_language
from home.text import capfirst_locale as _capfirst_locale

register = template.Library()


@register.filter
def text_lang(page):
    """` lang=".." dir=".."` for an element holding a page's own text (title, introduction,
    body) when that text is in another language than the page around it."""
    code = text_language(page)
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if is_bidi(code) else "ltr")


@register.filter(is_safe=True)
@stringfilter
def capfirst_locale(text):
    """Django's capfirst as the active language writes a capital: "İşlem" in Turkish."""
    return _capfirst_locale(text)


@register.inclusion_tag("includes/untranslated_notice.html")
def untranslated_notice(page):
    """Says, in the reader's language, that the page is shown in another language for now."""
    code = text_language(page)
    return {
        "shown": bool(code),
        "language": language_name(get_language()),
        "original": language_name(code) if code else "",
    }
