from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from moderation import registry, services
from moderation.forms import ReportForm


@login_required
def report(request, kind, pk):
    kind = registry.kind_with_slug(kind)
    if kind is None:
        raise Http404
    item = get_object_or_404(kind.queryset(), pk=pk, status=services.VISIBLE)
    back_url = kind.page_url(item)  # in the reader's language
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                reporter=request.user,
                item=item,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except services.ModerationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect(back_url)
    return render(
        request,
        "moderation/report.html",
        {
            "form": form,
            "item": item,
            "kind": kind,
            "back_url": back_url,
            "title": kind.where(item),
        },
        status=400 if form.errors else 200,
    )
