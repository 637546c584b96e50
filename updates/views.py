from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.cache import deferred
from home.ratelimit import client_ip, rate_limit_exceeded
from updates import services
from updates.forms import FilterForm, SubscribeForm
from updates.models import Subscription, UpdatePage
from updates.sections import index_sections


def update_list(request, index_page, subscribe_form=None):
    """The list of measures and news, worked out only when the page's shared part is not in
    the cache; a subscription form that came back with errors is the reader's own."""
    context = deferred(
        lambda: _update_list(request, index_page),
        "filter_form",
        "filters",
        "updates",
        "params",
        "rss_url",
        "atom_url",
        "subscribe_form",
        "sections",
    )
    if subscribe_form is not None:
        context.update(subscribe_form=subscribe_form, subscribe_form_sent=True)
    return index_page.render(request, context_overrides=context)


def _update_list(request, index_page) -> dict:
    filters = FilterForm.checked(request.GET, locale=index_page.locale)
    updates = (
        UpdatePage.objects.listed(index_page.locale_id).child_of(index_page).filtered(**filters)
    )
    page_obj = Paginator(updates.newest_change_first(), 10).get_page(request.GET.get("page"))
    query = {
        "district": filters["district"].slug if filters["district"] else "",
        "category": filters["category"].slug if filters["category"] else "",
        "status": filters["status"],
        "tag": filters["tag"],
    }
    query = {key: value for key, value in query.items() if value}
    feed_query = urlencode({k: v for k, v in query.items() if k in ("district", "category")})
    return {
        "filter_form": FilterForm(request.GET or None, locale=index_page.locale),
        "filters": filters,
        "updates": page_obj,
        "params": urlencode(query),
        "rss_url": index_page.url + "rss/" + (f"?{feed_query}" if feed_query else ""),
        "atom_url": index_page.url + "atom/" + (f"?{feed_query}" if feed_query else ""),
        "subscribe_form": SubscribeForm(locale=index_page.locale),
        "sections": index_sections(index_page),
    }


def subscribe(request, index_page):
    if request.method != "POST":
        return redirect(index_page.url + "#alerts")
    form = SubscribeForm(request.POST, locale=index_page.locale)
    if form.data.get("website"):
        return redirect(index_page.url)
    if rate_limit_exceeded(
        "subscribe", client_ip(request), limit=settings.TORGET_GUEST_REGISTRATIONS_PER_HOUR
    ):
        form.is_valid()
        form.add_error(
            None, _("Too many attempts from your connection. Please try again in an hour.")
        )
    elif form.is_valid():
        services.subscription_create(
            email=form.cleaned_data["email"],
            districts=list(form.cleaned_data["districts"]),
            language=get_language(),
        )
        messages.success(
            request,
            _(
                "Almost done: open the email we sent to %(email)s and press the button "
                "to start the alerts."
            )
            % {"email": form.cleaned_data["email"]},
        )
        return redirect(index_page.url)
    response = update_list(request, index_page, subscribe_form=form)
    response.status_code = 400
    return response


@never_cache
def confirm(request, token):
    subscription = services.subscription_from_token(token, services.CONFIRM_SALT)
    if subscription is None:
        raise Http404
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
        return render(request, "updates/subscription.html", {"state": "confirmed"})
    return render(
        request,
        "updates/subscription.html",
        {
            "state": "confirm",
            "subscription": subscription,
            "districts": subscription.districts.all(),
        },
    )


@never_cache
@csrf_exempt  # the signed token is the authority; mail programs post here (RFC 8058)
def unsubscribe(request, token):
    subscription = services.subscription_from_token(token, services.UNSUBSCRIBE_SALT)
    if request.method == "POST":
        if subscription is not None:
            services.subscription_end(subscription=subscription)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        return render(request, "updates/subscription.html", {"state": "ended"})
    return render(
        request,
        "updates/subscription.html",
        {"state": "unsubscribe" if subscription else "ended", "subscription": subscription},
    )


@login_required
@require_POST
def alert_remove(request, pk):
    """From "My emails": stop an alert sent to the person's own, confirmed address."""
    subscription = get_object_or_404(Subscription.objects.of_user(request.user), pk=pk)
    services.subscription_end(subscription=subscription)
    messages.success(request, _("Done: you no longer get these alerts."))
    return redirect("my_emails")
