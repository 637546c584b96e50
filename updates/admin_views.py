"""Sending a disruption notice by email to the districts' subscribers: a page that says how
many people will get it, and the button that sends it (once)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.models import DisruptionNotice
from home.permissions import staff_permission_required
from updates import services
from updates.models import NoticeAlert

PERMISSION = "home.change_disruptionnotice"


@staff_permission_required(PERMISSION)
def notice_send(request, pk):
    notice = get_object_or_404(DisruptionNotice, pk=pk)
    back = reverse("wagtailsnippets_home_disruptionnotice:edit", args=[notice.pk])
    sent = NoticeAlert.objects.filter(notice_key=notice.translation_key).first()
    if request.method == "POST" and sent is None:
        try:
            alert = services.notice_alert_send(notice=notice, by=request.user)
        except services.AlertError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The notice has been sent to %(count)s person.",
                    "The notice has been sent to %(count)s people.",
                    alert.recipients,
                )
                % {"count": alert.recipients},
            )
        return redirect(back)
    if request.method == "POST":
        messages.error(request, _("This notice has already been sent by email."))
        return redirect(back)
    recipients = services.notice_alert_recipients(notice=notice).count()
    return TemplateResponse(
        request,
        "updates/admin/notice_send.html",
        {
            "page_title": _("Send the notice by email"),
            "header_icon": "mail",
            "notice": notice,
            "districts": list(notice.districts.all()),
            "recipients": recipients,
            "sent": sent,
            "back": back,
        },
    )
