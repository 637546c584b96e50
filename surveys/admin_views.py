"""Importing survey results in the admin: upload, a preview of every row, then save."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.permissions import staff_permission_required
from surveys import services
from surveys.forms import ImportForm

SESSION_KEY = "survey-import"


@staff_permission_required("surveys.add_surveyresult")
def import_results(request):
    form = ImportForm()
    if request.method == "POST" and "confirm" in request.POST:
        rows = request.session.pop(SESSION_KEY, None)
        checked = services.results_check(rows=rows or [])
        if rows and not any(row.errors for row in checked):
            count = services.results_import(checked=checked)
            years = sorted({row.result.year for row in checked})
            messages.success(
                request,
                ngettext(
                    "%(count)s figure imported for %(years)s.",
                    "%(count)s figures imported for %(years)s.",
                    count,
                )
                % {"count": count, "years": ", ".join(map(str, years))},
            )
            return redirect("surveys_import")
        messages.error(request, _("Upload the file again: nothing was imported."))
        return redirect("surveys_import")
    checked, replaced = [], {}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            rows = form.cleaned_data["file"]
            checked = services.results_check(rows=rows)
            if not checked:
                form.add_error("file", _("The file has no rows below its header."))
            elif not any(row.errors for row in checked):
                request.session[SESSION_KEY] = rows
                replaced = services.years_replaced(checked)
    errors = sum(1 for row in checked if row.errors)
    return TemplateResponse(
        request,
        "surveys/admin/import.html",
        {
            "page_title": _("Import survey results"),
            "header_icon": "upload",
            "form": form,
            "checked": checked,
            "errors": errors,
            "replaced": replaced,
        },
        status=400 if form.errors or errors else 200,
    )
