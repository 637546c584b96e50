"""The moderation queue, the decisions and the log, in the Wagtail admin (Moderatorer)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from events.models import Question
from forums.models import Category, Post, Thread
from home.permissions import staff_permission_required
from moderation import services
from moderation.forms import HideForm, SuspendForm
from moderation.models import LogEntry, Report, Suspension

PER_PAGE = 25


moderators_only = staff_permission_required(services.PERMISSION)


def _back(request, fallback="moderation_admin:queue"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(fallback)


def _with_context(queryset):
    return queryset.prefetch_related(
        Prefetch(
            "moderation_report",
            queryset=Report.objects.open().select_related("reporter").order_by("created_at"),
            to_attr="open_reports",
        ),
        Prefetch(
            "moderation_logentry",
            queryset=LogEntry.objects.select_related("actor").order_by("-at"),
            to_attr="log",
        ),
    )


def _posts(tab):
    posts = Post.objects.select_related("thread", "thread__category", "author", "association")
    if tab == "pending":
        return _with_context(posts.filter(status="pending").order_by("created_at", "pk"))
    return _with_context(
        posts.annotate(
            report_count=Count(
                "moderation_report", filter=Q(moderation_report__resolved_at__isnull=True)
            )
        )
        .filter(report_count__gt=0)
        .order_by("-report_count", "created_at")
    )


def _questions(tab):
    questions = Question.objects.select_related("author", "meeting")
    if tab == "pending":
        return _with_context(questions.filter(status="pending").order_by("created_at", "pk"))
    return _with_context(
        questions.annotate(
            report_count=Count(
                "moderation_report", filter=Q(moderation_report__resolved_at__isnull=True)
            )
        )
        .filter(report_count__gt=0)
        .order_by("-report_count", "created_at")
    )


def author_histories(authors) -> dict:
    """Approved, hidden and reported counts for each author on a queue page, in a few queries."""
    ids = {author.pk for author in authors if author}
    history = {pk: {"approved": 0, "hidden": 0, "reports": 0} for pk in ids}
    for model in (Post, Question):
        rows = (
            model.objects.filter(author__in=ids)
            .values("author")
            .annotate(
                approved=Count("pk", filter=Q(status="visible")),
                hidden=Count("pk", filter=Q(status__in=["hidden", "removed"])),
                reports=Count("moderation_report"),
            )
        )
        for row in rows:
            for key in ("approved", "hidden", "reports"):
                history[row["author"]][key] += row[key]
    return history


@moderators_only
def queue(request):
    tab = "reported" if request.GET.get("tab") == "reported" else "pending"
    posts = Paginator(_posts(tab), PER_PAGE).get_page(request.GET.get("page"))
    questions = Paginator(_questions(tab), PER_PAGE).get_page(request.GET.get("qpage"))
    authors = [p.author for p in posts] + [q.author for q in questions]
    history = author_histories(authors)
    suspended = set(
        User.objects.filter(
            pk__in=history, suspensions__in=Suspension.objects.active()
        ).values_list("pk", flat=True)
    )
    for item in [*posts, *questions]:
        item.history = history.get(item.author_id)
        item.author_suspended = item.author_id in suspended
    return TemplateResponse(
        request,
        "moderation/admin/queue.html",
        {
            "page_title": _("Moderation"),
            "header_icon": "warning",
            "tab": tab,
            "posts": posts,
            "questions": questions,
            "counts": services.queue_counts(),
            "hide_form": HideForm(),
            "suspend_form": SuspendForm(),
            "categories": Category.objects.filter(locale__language_code="sv").order_by("order"),
        },
    )


def _item(kind, pk):
    if kind == "post":
        return get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)
    if kind == "question":
        return get_object_or_404(Question.objects.select_related("meeting", "author"), pk=pk)
    raise PermissionDenied


@moderators_only
@require_POST
def item_action(request, kind, pk):
    item = _item(kind, pk)
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
            return _back(request)
        act = services.item_hide if action == "hide" else services.item_remove
        act(item=item, moderator=request.user, reason=form.cleaned_data["full_reason"])
        messages.success(request, _("Hidden.") if action == "hide" else _("Removed for good."))
    return _back(request)


@moderators_only
@require_POST
def bulk_approve(request):
    posts = list(Post.objects.filter(pk__in=request.POST.getlist("post")).select_related("thread"))
    questions = list(Question.objects.filter(pk__in=request.POST.getlist("question")))
    count = services.items_approve(items=[*posts, *questions], moderator=request.user)
    messages.success(request, _("%(count)d items approved.") % {"count": count})
    return _back(request)


@moderators_only
@require_POST
def thread_action(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    action = request.POST.get("action")
    changes = {
        "lock": {"locked": True},
        "unlock": {"locked": False},
        "pin": {"pinned": True},
        "unpin": {"pinned": False},
    }.get(action)
    if action == "move":
        changes = {"category": get_object_or_404(Category, pk=request.POST.get("category"))}
    if changes:
        services.thread_set(thread=thread, moderator=request.user, **changes)
        messages.success(request, _("The thread has been changed."))
    return _back(request)


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
    return _back(request)


@moderators_only
def log(request):
    entries = LogEntry.objects.for_listing()
    action = request.GET.get("action", "")
    actor = request.GET.get("actor", "")
    if action in LogEntry.Action.values:
        entries = entries.filter(action=action)
    if actor == "auto":
        entries = entries.filter(actor__isnull=True)
    elif actor.isdigit():
        entries = entries.filter(actor_id=int(actor))
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
