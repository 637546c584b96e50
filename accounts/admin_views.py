"""Staff see who is verified, how and when (issue 20); never the keyed hash."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.models import Verification
from home.permissions import staff_permission_required

VIEW = "accounts.view_verification"
PER_PAGE = 50


@staff_permission_required(VIEW)
def verifications(request):
    query = request.GET.get("q", "").strip()[:100]
    found = Verification.objects.listed(query)
    return TemplateResponse(
        request,
        "accounts/admin/verifications.html",
        {
            "page_title": _("Verifications"),
            "header_icon": "success",
            "query": query,
            "page_obj": Paginator(found, PER_PAGE).get_page(request.GET.get("page")),
            "by_method": {
                row["method"]: row["count"]
                for row in Verification.objects.values("method").annotate(count=Count("pk"))
            },
        },
    )
