"""The moderation queue, the decisions and the log, in the Wagtail admin (Moderatorer)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from home.forms import row_id
from home.permissions import staff_permission_required
from moderation import registry, services
from moderation.forms import HideForm, SuspendForm
from moderation.models import LogEntry, Report, Suspension

PER_PAGE = 25


moderators_only = staff_permission_required(services.PERMISSION)


def back(request, fallback="moderation_admin:queue"):
    """To the queue page the moderator came from (the content apps' queue actions use it)."""
    target = request.POST.get("next", "")
    # A path on this site only: anything else would be taken for the name of a view.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return HttpResponseRedirect(target)
    return redirect(fallback)


def _waiting(kind: registry.ModeratedKind, tab: str):
    """The kind's items on a tab, with their open reports and history (oldest waiting first;
    most reported first)."""
    items = kind.queryset().prefetch_related(
        Prefetch(
            "moderation_reports",
            queryset=Report.objects.open().select_related("reporter").order_by("created_at"),
            to_attr="open_reports",
        ),
        Prefetch(
            "moderation_log",
            queryset=LogEntry.objects.select_related("actor").order_by("-at"),
            to_attr="log",
        ),
    )
    if tab == "pending":
        return items.filter(status=services.PENDING).order_by("created_at", "pk")
    open_reports = Q(moderation_reports__resolved_at__isnull=True)
    return (
        items.annotate(report_count=Count("moderation_reports", filter=open_reports))
        .filter(report_count__gt=0)
        .order_by("-report_count", "created_at")
    )


def author_histories(authors) -> dict:
    """Approved, hidden and reported counts for each author on a queue page, in a few queries."""
    ids = {author.pk for author in authors if author}
    history = {pk: {"approved": 0, "hidden": 0, "reports": 0} for pk in ids}
    for kind in registry.kinds():
        rows = (
            kind.model._default_manager.filter(author__in=ids)
            .values("author")
            .annotate(
                approved=Count("pk", distinct=True, filter=Q(status=services.VISIBLE)),
                hidden=Count(
                    "pk", distinct=True, filter=Q(status__in=[services.HIDDEN, services.REMOVED])
                ),
                reports=Count("moderation_reports"),
            )
        )
        for row in rows:
            for key in ("approved", "hidden", "reports"):
                history[row["author"]][key] += row[key]
    return history


@moderators_only
def queue(request):
    tab = "reported" if request.GET.get("tab") == "reported" else "pending"
    sections = [
        {
            "kind": kind,
            "page_param": f"{kind.name}-page",
            "items": Paginator(_waiting(kind, tab), PER_PAGE).get_page(
                request.GET.get(f"{kind.name}-page")
            ),
            **kind.queue_context(),
        }
        for kind in registry.kinds()
    ]
    items = [item for section in sections for item in section["items"]]
    history = author_histories(item.author for item in items)
    suspended = set(
        User.objects.filter(
            pk__in=history, suspensions__in=Suspension.objects.active()
        ).values_list("pk", flat=True)
    )
    for item in items:
        item.history = history.get(item.author_id)
        item.author_suspended = item.author_id in suspended
    return TemplateResponse(
        request,
        "moderation/admin/queue.html",
        {
            "page_title": _("Moderation"),
            "header_icon": "warning",
            "tab": tab,
            "sections": sections,
            "has_items": bool(items),
            "counts": services.queue_counts(),
            "hide_form": HideForm(),
            "suspend_form": SuspendForm(),
        },
    )


def _kind(name: str) -> registry.ModeratedKind:
    kind = registry.kind_named(name)
    if kind is None:
        raise Http404
    return kind


@moderators_only
@require_POST
def item_action(request, kind, pk):
    item = get_object_or_404(_kind(kind).queryset(), pk=pk)
    action = request.POST.get("action")
    if action == "approve":
        services.items_approve(items=[item], moderator=request.user)
        messages.success(request, _("Approved."))
    elif action == "restore":
        services.item_restore(item=item, moderator=request.user)
        messages.success(request, _("Restored."))
    elif action in ("hide", "remove"):
        form = HideForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.non_field_errors()))
            return back(request)
        act = services.item_hide if action == "hide" else services.item_remove
        act(item=item, moderator=request.user, reason=form.cleaned_data["full_reason"])
        messages.success(request, _("Hidden.") if action == "hide" else _("Removed for good."))
    return back(request)


@moderators_only
@require_POST
def bulk_approve(request):
    items = [
        item
        for kind in registry.kinds()
        for item in kind.queryset().filter(
            pk__in=[pk for pk in map(row_id, request.POST.getlist(kind.name)) if pk]
        )
    ]
    count = services.items_approve(items=items, moderator=request.user)
    messages.success(request, _("%(count)d items approved.") % {"count": count})
    return back(request)


@moderators_only
@require_POST
def user_action(request, pk):
    person = get_object_or_404(User, pk=pk)
    action = request.POST.get("action")
    if action == "suspend":
        form = SuspendForm(request.POST)
        if form.is_valid():
            services.user_suspend(
                user=person,
                moderator=request.user,
                reason=form.cleaned_data["reason"],
                days=form.cleaned_data["days"],
            )
            messages.success(request, _("%(name)s is suspended.") % {"name": person.public_name})
        else:
            messages.error(request, _("Give a reason and a number of days (or none)."))
    elif action == "unsuspend":
        services.user_unsuspend(user=person, moderator=request.user)
        messages.success(request, _("The suspension is lifted."))
    elif action in (User.Trust.TRUSTED, User.Trust.UNTRUSTED, User.Trust.AUTOMATIC):
        services.user_trust_set(user=person, moderator=request.user, trust=action)
        messages.success(request, _("Saved."))
    return back(request)


@moderators_only
def log(request):
    entries = LogEntry.objects.for_listing()
    action = request.GET.get("action", "")
    actor = request.GET.get("actor", "")
    if action in LogEntry.Action.values:
        entries = entries.filter(action=action)
    if actor == "auto":
        entries = entries.filter(actor__isnull=True)
    elif actor_id := row_id(actor):
        entries = entries.filter(actor_id=actor_id)
    moderators = User.objects.filter(
        pk__in=LogEntry.objects.exclude(actor=None).values("actor")
    ).order_by("display_name")
    return TemplateResponse(
        request,
        "moderation/admin/log.html",
        {
            "page_title": _("Moderation log"),
            "header_icon": "history",
            "entries": Paginator(entries, 50).get_page(request.GET.get("page")),
            "actions": LogEntry.Action.choices,
            "moderators": moderators,
            "action": action,
            "actor": actor,
            "params": f"action={action}&actor={actor}",
        },
    )
