from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from home.models import DisruptionNotice, SiteSettings

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _localized_root(request):
    """The site's home page in the active language, looked up once per request."""
    if not hasattr(request, "_torget_localized_root"):
        root = _site_root(request)
        request._torget_localized_root = root.localized if root else None
    return request._torget_localized_root


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _localized_root(request)
    current = context.get("page")
    items = []
    if root:
        for item in root.get_children().live().public().in_menu():
            is_current = isinstance(current, Page) and current.path.startswith(item.path)
            items.append({"title": item.title, "url": item.get_url(request), "current": is_current})
    return {"items": items}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in every language, or to that language's home page if untranslated."""
    request = context["request"]
    page = context.get("page")
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = _live_translations(page)
        root = _site_root(request)
        if root and len(translations) < len(settings.LANGUAGES):
            translations = {**_live_translations(root), **translations}
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        url = target.get_url(request) if target else translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "current": code == get_language(),
            }
        )
    return {"links": links}


def _live_translations(page):
    """The live versions of `page` by language code, itself included."""
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.inclusion_tag("includes/disruption_notice.html")
def disruption_notice():
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    notice = DisruptionNotice.objects.current_for(locale)
    return {
        "notice": notice,
        "notice_lang": notice.locale.language_code if notice else None,
        "differs_from_page": notice is not None and notice.locale_id != locale.pk,
    }


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    request = context["request"]
    site_settings = SiteSettings.for_request_readonly(request)
    links = []
    for field in ("privacy_page", "accessibility_page", "guidelines_page"):
        linked = getattr(site_settings, field)
        if linked and linked.live:
            linked = linked.localized
            links.append({"title": linked.title, "url": linked.get_url(request)})
    return {"site_settings": site_settings, "links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    root = _localized_root(context["request"])
    return root.get_url(context["request"]) if root else "/"


@register.simple_tag(takes_context=True)
def organisation_name(context):
    return SiteSettings.for_request_readonly(context["request"]).organisation_name
