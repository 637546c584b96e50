"""The safety coordinators' screens: the reports, one report with its history, the weekly
chart and its CSV. Only `reports.view_observation` (Trygghetssamordnare, superusers)."""

import csv
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from wagtail.models import Locale

from home.models import DistrictPage
from home.permissions import staff_permission_required
from reports import services
from reports.forms import FilterForm, ReviewForm
from reports.models import Observation

WEEKS = 12


@staff_permission_required("reports.view_observation")
def observation_list(request):
    locale = Locale.get_default()
    form = FilterForm(request.GET or None, locale=locale)
    observations = Observation.objects.all()
    if form.is_valid():
        observations = observations.filtered(**form.cleaned_data)
    else:
        observations = observations.filtered()
    params = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    return TemplateResponse(
        request,
        "reports/admin/list.html",
        {
            "page_title": _("Observation reports"),
            "header_icon": "warning",
            "form": form,
            "observations": Paginator(observations, 50).get_page(request.GET.get("page")),
            "params": params,
        },
    )


@staff_permission_required("reports.view_observation")
def observation_detail(request, pk):
    observation = get_object_or_404(Observation.objects.select_related("district"), pk=pk)
    form = ReviewForm(request.POST or None, initial={"status": observation.status})
    if request.method == "POST":
        if not request.user.has_perm("reports.change_observation"):
            return permission_denied(request, PermissionDenied())
        if form.is_valid():
            services.observation_update(
                observation=observation,
                actor=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Saved."))
            return redirect("reports_admin:detail", pk=observation.pk)
    return TemplateResponse(
        request,
        "reports/admin/detail.html",
        {
            "page_title": observation.reference,
            "header_icon": "warning",
            "observation": observation,
            "events": observation.events.select_related("actor"),
            "form": form,
        },
    )


def weekly_table(at=None):
    """Rows of (district, [(week start, count), ...], total) for the last twelve weeks."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    first = today - timedelta(days=today.weekday(), weeks=WEEKS - 1)
    weeks = [first + timedelta(weeks=n) for n in range(WEEKS)]
    counts = Observation.objects.weekly_counts(weeks=WEEKS, at=at)
    names = list(
        DistrictPage.objects.filter(locale=Locale.get_default())
        .order_by("title")
        .values_list("title", flat=True)
    )
    if any(name == "" for name, _week in counts):
        names.append("")
    rows = []
    for name in names:
        cells = [(week, counts.get((name, week), 0)) for week in weeks]
        rows.append((name or _("No district"), cells, sum(c for _w, c in cells)))
    return weeks, rows


@staff_permission_required("reports.view_observation")
def chart(request):
    weeks, rows = weekly_table()
    peak = max((count for _name, cells, _t in rows for _w, count in cells), default=0) or 1
    bars = [
        (
            name,
            total,
            [
                (week, count, round(count / peak * 40), 44 - round(count / peak * 40), index * 14)
                for index, (week, count) in enumerate(cells)
            ],
        )
        for name, cells, total in rows
    ]
    return TemplateResponse(
        request,
        "reports/admin/chart.html",
        {
            "page_title": _("Reports per district and week"),
            "header_icon": "table",
            "weeks": weeks,
            "rows": rows,
            "bars": bars,
        },
    )


@staff_permission_required("reports.view_observation")
def chart_csv(request):
    """The chart's numbers for the weekly situation meeting: counts only, no personal data."""
    weeks, rows = weekly_table()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="lagesbild-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("District"), *[f"{week:%G-W%V}" for week in weeks], _("Total")])
    for name, cells, total in rows:
        writer.writerow([name, *[count for _week, count in cells], total])
    return response
