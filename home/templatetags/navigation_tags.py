from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from home.cache import (
    active_locale,
    cached_part,
    notices_not_ended,
    page_cache,
    public,
    structure_part,
)
from home.languages import text_language
from home.models import SiteSettings
from home.models.notices import notice_to_show

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


def _chrome(request) -> dict:
    """What every page shows around its content: menu, footer links, organisation, home URL.

    Built once per site, language and content version instead of once per request.
    """
    if not hasattr(request, "_torget_chrome"):
        site = _site(request)
        request._torget_chrome = structure_part(
            "chrome", lambda: _chrome_build(request, site), site.pk if site else ""
        )
    return request._torget_chrome


def _chrome_build(request, site) -> dict:
    root = site.root_page.localized if site else None
    menu = []
    if root:
        for item in public(root.get_children().live().in_menu()):
            menu.append(
                {
                    "title": item.title,
                    "url": item.get_url(request),
                    "path": item.path,
                    "lang": text_language(item),
                }
            )
    site_settings = SiteSettings.for_request_readonly(request)
    footer_links = []
    for field in ("privacy_page", "accessibility_page", "guidelines_page"):
        linked = getattr(site_settings, field)
        if linked and linked.live:
            linked = linked.localized
            footer_links.append(
                {
                    "title": linked.title,
                    "url": linked.get_url(request),
                    "lang": text_language(linked),
                }
            )
    return {
        "home_url": root.get_url(request) if root else "/",
        "menu": menu,
        "footer_links": footer_links,
        "organisation_name": site_settings.organisation_name,
        "contact_email": site_settings.contact_email,
        "home_translations": (
            {
                code: page.get_url(request)
                for code, page in _live_translations(site.root_page).items()
            }
            if site
            else {}
        ),
    }


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else None
    items = [
        {**item, "current": bool(current_path and current_path.startswith(item["path"]))}
        for item in _chrome(context["request"])["menu"]
    ]
    return {"items": items}


def _translation_urls(request, page) -> dict:
    """This page's address in each language it is live in (an untranslated page is there as
    an alias, see home.translations), and whether that version is a real translation."""
    return structure_part(
        "translations",
        lambda: {
            code: (target.get_url(request), target.get_full_url(request), not target.alias_of_id)
            for code, target in _live_translations(page).items()
        },
        page.translation_key,
        getattr(_site(request), "pk", ""),  # a link to another site's page is absolute
    )


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in every language, or to that language's home page if it is not
    there; each language named in itself."""
    request = context["request"]
    page = context.get("page")
    urls = {}
    if isinstance(page, Page) and page.pk:
        urls = {code: url for code, (url, _full, _real) in _translation_urls(request, page).items()}
        if len(urls) < len(settings.LANGUAGES):
            urls = {**_chrome(request)["home_translations"], **urls}
    links = [
        {
            "code": code,
            "name": name,
            "url": urls.get(code) or _path_in_language(request.get_full_path(), code),
            "current": code == get_language(),
        }
        for code, name in settings.LANGUAGES
    ]
    return {"links": links, "current": next(link for link in links if link["current"])}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="alternate" hreflang> for each language the page is translated into."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {"alternates": []}
    found = _translation_urls(request, page)
    return {
        "alternates": [
            {"code": code, "url": full}
            for code, (_url, full, real) in found.items()
            if real and full
        ]
    }


def _path_in_language(path: str, code: str) -> str:
    """The same address under another language's prefix (the default language has none);
    Wagtail then serves the page in that language, or the default language's version."""
    current = get_language()
    if current != settings.LANGUAGE_CODE and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def _live_translations(page):
    """The live versions of `page` by language code, itself included."""
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag
def disruption_notice():
    """The notice shown now, if any (nothing to draw on most pages, most of the time)."""
    locale = active_locale()
    notice = notice_to_show(notices_not_ended(), locale, timezone.now())
    if notice is None:
        return ""
    # Which notice shows depends on the time; how one notice is drawn does not.
    return cached_part(
        "notice-html",
        lambda: render_to_string(
            "includes/disruption_notice.html",
            {
                "notice": notice,
                "notice_lang": notice.locale.language_code,
                "differs_from_page": notice.locale_id != locale.pk,
            },
        ),
        notice.pk,
        locale.pk,
    )


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    return {"chrome": _chrome(context["request"])}


@register.simple_tag(takes_context=True)
def home_url(context):
    return _chrome(context["request"])["home_url"]


@register.simple_tag(takes_context=True)
def organisation_name(context):
    return _chrome(context["request"])["organisation_name"]


@register.simple_tag(takes_context=True)
def shows_admin_link(context):
    """Whether to link to the administration. Kept a minute per person, so that reading a
    page does not cost two permission queries; the administration itself checks every time."""
    user = context["request"].user
    if not user.is_authenticated:
        return False
    key = f"torget:admin-link:{user.pk}"
    shown = page_cache().get(key)
    if shown is None:
        shown = user.has_perm("wagtailadmin.access_admin")
        page_cache().set(key, shown, timeout=60)
    return shown


@register.simple_tag(takes_context=True)
def editor_bar(context):
    """Wagtail's user bar (edit, show in the admin, the accessibility checker) for whoever may
    edit this page; nothing, and no query, for residents and visitors."""
    page = context.get("page")
    if not isinstance(page, Page) or not shows_admin_link(context):
        return ""
    if not page.permissions_for_user(context["request"].user).can_edit():
        return ""
    return wagtailuserbar(context)
