"""The forum's own moderator decisions in the admin: lock, pin and move a thread (from the
moderation queue)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums import services
from forums.models import Category, Thread
from home.forms import row_id
from moderation.admin_views import back, moderators_only

CHANGES = {
    "lock": {"locked": True},
    "unlock": {"locked": False},
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
}


@moderators_only
@require_POST
def thread_moderate(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    action = request.POST.get("action")
    changes = CHANGES.get(action)
    if action == "move":
        changes = {"category": get_object_or_404(Category, pk=row_id(request.POST.get("category")))}
    if changes:
        services.thread_set(thread=thread, moderator=request.user, **changes)
        messages.success(request, _("The thread has been changed."))
    return back(request)
