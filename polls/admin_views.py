"""Staff see a poll's totals per district and download them."""

import csv

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from home.permissions import staff_permission_required
from polls.models import Poll


def _table(poll: Poll):
    """The districts as columns ("" for voters who did not say), then verified voters and the
    others, and a row per answer."""
    districts = [(district.pk, district.title) for district in poll.districts.all()]
    columns = [*districts, ("", _("Not said"))]
    totals = poll.totals_by_district()
    verified = {row["option"].pk: row for row in poll.counted_results()}
    rows = []
    for option in poll.options.all():
        counts = [totals.get(option.pk, {}).get(key, 0) for key, _name in columns]
        counts += [verified[option.pk]["verified"], verified[option.pk]["not_verified"]]
        rows.append((option.text, counts, verified[option.pk]["votes"]))
    names = [name for _key, name in columns] + [_("Verified voters"), _("Other voters")]
    return names, rows


@staff_permission_required("polls.view_poll")
def results(request, pk):
    poll = get_object_or_404(Poll, pk=pk)
    columns, rows = _table(poll)
    return TemplateResponse(
        request,
        "polls/admin/results.html",
        {
            "page_title": _("Results: %(question)s") % {"question": poll.question},
            "header_icon": "list-ul",
            "poll": poll,
            "columns": columns,
            "rows": rows,
            "total": sum(total for _text, _counts, total in rows),
        },
    )


@staff_permission_required("polls.view_poll")
def results_csv(request, pk):
    poll = get_object_or_404(Poll, pk=pk)
    columns, rows = _table(poll)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="poll-{poll.pk}-{slugify(poll.question)[:40]}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Answer"), *columns, _("Total")])
    for text, counts, total in rows:
        writer.writerow([text, *counts, total])
    return response
