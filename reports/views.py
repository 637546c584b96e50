from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.cache import active_locale
from home.ratelimit import client_ip, rate_limit_exceeded
from reports import services
from reports.forms import ObservationForm

SESSION_KEY = "observation_reference"


def observation_form(request):
    form = ObservationForm(request.POST or None, locale=active_locale())
    status = 200
    if request.method == "POST":
        if form.is_bot:
            request.session[SESSION_KEY] = "LB-000000"
            return redirect("reports:thanks")
        if rate_limit_exceeded(
            "observation", client_ip(request), limit=settings.TORGET_OBSERVATIONS_PER_HOUR
        ):
            form.is_valid()
            form.add_error(
                None, _("Too many reports from your connection. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            observation = services.observation_create(
                district=data["district"],
                place=data["place"],
                happened_at=data["happened_at"],
                kind=data["kind"],
                description=data["description"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                language=get_language(),
            )
            request.session[SESSION_KEY] = observation.reference
            return redirect("reports:thanks")
        else:
            status = 400
    return render(request, "reports/observation_form.html", {"form": form}, status=status)


def thanks(request):
    reference = request.session.pop(SESSION_KEY, None)
    if reference is None:
        return redirect("reports:form")
    return render(request, "reports/thanks.html", {"reference": reference})
