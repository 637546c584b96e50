from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from home.cache import active_locale, section_page
from updates.models import UpdateIndexPage, UpdatePage

register = template.Library()


def _index():
    return section_page(UpdateIndexPage)


@register.inclusion_tag("updates/includes/district_updates.html")
def district_updates(district, limit=5):
    """A district's measures: the planned/ongoing/done overview and the latest changes."""
    locale = active_locale()
    updates = UpdatePage.objects.listed(locale).filtered(district=district)
    counts = updates.status_counts()
    labels = dict(UpdatePage.Status.choices)
    total = sum(counts.values())
    segments, x = [], 0.0
    for key in ("planned", "ongoing", "done", "paused"):
        if key == "paused" and not counts[key]:
            continue
        width = round(300 * counts[key] / total, 2) if total else 0
        segments.append((key, labels[key], counts[key], x, width))
        x += width
    index = _index()
    query = urlencode({"district": district.slug})
    return {
        "updates": list(updates.newest_change_first()[:limit]),
        "segments": segments,
        "total": total,
        "index_page": index,
        "more_url": f"{index.url}?{query}" if index else "",
        "empty_text": _("No updates on safety measures in %(district)s yet.")
        % {"district": district.title},
    }


@register.inclusion_tag("updates/includes/update_list.html")
def latest_updates(limit=3):
    return {
        "updates": list(UpdatePage.objects.listed(active_locale()).newest_change_first()[:limit]),
        "empty_text": _("No updates yet."),
    }


@register.simple_tag
def update_feed_url(district):
    index = _index()
    return f"{index.url}rss/?{urlencode({'district': district.slug})}" if index else ""


@register.simple_tag
def update_index():
    return _index()


@register.inclusion_tag("updates/includes/my_alerts.html", takes_context=True)
def my_alerts(context):
    """On "My emails": the district alerts sent to the person's confirmed address."""
    from updates.models import Subscription

    alerts = list(Subscription.objects.of_user(context["request"].user))
    return {"alerts": alerts, "index_page": _index(), "request": context["request"]}
