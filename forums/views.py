import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template, render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import has_verified_email
from forums import services
from forums.forms import EditForm, MemberAddForm, ReplyForm, SearchForm, ThreadForm
from forums.models import (
    Association,
    AssociationMembership,
    Category,
    Follow,
    ForumPage,
    Post,
    Reaction,
    Thread,
)
from forums.notifications import follow_from_token
from forums.selectors import thread_reader
from home.cache import cached_part, section_page
from moderation import services as moderation

WAITING_MESSAGE = gettext_lazy(
    "Thank you! A moderator reads the first posts of new accounts before others see them, "
    "usually within a day. You see yours marked “Waiting for a moderator”."
)


def _render(request, forum_page, template, status=200, **context):
    context.setdefault("page", forum_page)
    context["forum_page"] = forum_page
    response = TemplateResponse(request, template, context, status=status)
    return response


def require_poster(request, page):
    """Writing (posts, proposals) needs a verified email (others are sent to log in and come
    back) and no suspension (the person is told why and until when, with a way back to
    `page`)."""
    if not has_verified_email(request.user):
        login = reverse("account_login")
        return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
    suspension = moderation.active_suspension(request.user)
    if suspension:
        return TemplateResponse(
            request,
            "forums/suspended.html",
            {"page": page, "message": moderation.suspension_message(suspension)},
            status=403,
        )
    return None


def _category(forum_page, slug) -> Category:
    locale = forum_page.locale
    category = Category.objects.filter(slug=slug, locale=locale).first()
    if category is None:
        # A link from another language: the same category under its name here.
        other = get_object_or_404(Category, slug=slug)
        category = other.in_language(locale)
    return category


FOOTER_MARKER = re.compile(r"<!--post-footer:(\d+)-->(.*?)(?=<!--post-footer:|\Z)", re.DOTALL)
FOOTER_MARKER_ALONE = re.compile(r"<!--post-footer:(\d+)-->")
# Put into the shared footers where each reader's own values go.
CSRF_PLACEHOLDER = "__torget_csrf_token__"
PRESSED_PLACEHOLDER = "__torget_thanks_pressed__"


def localize_categories(threads, locale):
    """Show each thread's category in the reader's language (one query for all of them)."""
    names = cached_part(
        "categories",
        lambda: {c.translation_key: c for c in Category.objects.filter(locale=locale)},
        getattr(locale, "pk", locale),
    )
    for thread in threads:
        thread.shown_category = names.get(thread.category.translation_key, thread.category)
    return threads


def front(request, forum_page):
    return _render(
        request,
        forum_page,
        "forums/forum_page.html",
        categories=Category.objects.listed(forum_page.locale_id),
        search_form=SearchForm(),
    )


def category(request, forum_page, category_slug):
    category = _category(forum_page, category_slug)
    if category.slug != category_slug:
        return redirect(forum_page.category_url(category))
    tag = request.GET.get("tag", "")[:100]
    threads = Thread.objects.visible().in_category(category).tagged(tag).by_activity()
    page_obj = Paginator(threads, settings.TORGET_FORUM_THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    localize_categories(page_obj.object_list, forum_page.locale_id)
    following = (
        request.user.is_authenticated
        and Follow.objects.filter(
            user=request.user, category__translation_key=category.translation_key
        ).exists()
    )
    return _render(
        request,
        forum_page,
        "forums/category.html",
        category=category,
        threads=page_obj,
        tag=tag,
        tag_params=urlencode({"tag": tag}) if tag else "",
        following=following,
    )


def new_thread(request, forum_page, category_slug):
    category = _category(forum_page, category_slug)
    if login := require_poster(request, forum_page):
        return login
    form = ThreadForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_bot:
            return redirect(forum_page.category_url(category))
        if form.claims_foreign_association:
            raise PermissionDenied
        if form.is_valid():
            try:
                thread = services.thread_create(
                    category=category,
                    author=request.user,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    tags=form.cleaned_data["tags"],
                    association=form.association,
                )
            except services.ForumError as error:
                form.add_error(None, error.message)
            else:
                if thread.status == Thread.Status.VISIBLE:
                    messages.success(request, _("Your thread has been published."))
                else:
                    messages.info(request, WAITING_MESSAGE)
                return redirect(forum_page.thread_url(thread))
    return _render(
        request,
        forum_page,
        "forums/thread_form.html",
        status=400 if form.errors else 200,
        category=category,
        form=form,
    )


def thread(request, forum_page, thread_id, reply_form=None):
    thread = cached_part(
        "thread", lambda: Thread.objects.for_thread_page().filter(pk=thread_id).first(), thread_id
    )
    if thread is None:
        raise Http404
    if thread.status != Thread.Status.VISIBLE and thread.author_id != request.user.pk:
        raise Http404
    localize_categories([thread], forum_page.locale_id)
    reader = thread_reader(thread=thread, user=request.user)
    may_reply = reader.can_post and not reader.suspension and not thread.is_locked
    reply_fields = ""
    if may_reply and not reply_form:
        reply_fields = _blank_reply_fields(request.user, reader)
    return _render(
        request,
        forum_page,
        "forums/thread.html",
        status=400 if reply_form is not None and reply_form.errors else 200,
        thread=thread,
        posts_html=_thread_posts_html(request, forum_page, thread, reader),
        reply_form=reply_form,
        reply_fields=reply_fields,
        following=reader.following,
        suspension_message=(
            moderation.suspension_message(reader.suspension) if reader.suspension else ""
        ),
    )


def _blank_reply_fields(user, reader) -> str:
    """The empty reply form's fields, the same for everyone who may write in the same names."""
    names = []
    if reader.writes_for_associations:
        names = list(Association.objects.postable_by(user).values_list("pk", "name"))
    if names:
        names.insert(0, user.public_name)
    return cached_part(
        "reply-fields",
        lambda: render_to_string(
            "forums/includes/posting_fields.html", {"form": ReplyForm(user=user)}
        ),
        hashlib.sha256(repr(names).encode()).hexdigest(),
    )


def _thread_posts_html(request, forum_page, thread, reader) -> str:
    """One page of posts: the list every reader shares (cached until the content changes),
    each post with the footer for this reader (thanks and report, or edit, or neither)."""
    user = request.user
    page_number = str(request.GET.get("page", "1"))[:10]
    # Their own waiting posts change the list and its pages for them alone.
    if reader.has_pending_posts:
        shared = _thread_posts_shared(request, forum_page, thread, page_number)
    else:
        shared = cached_part(
            "thread-posts",
            lambda: _thread_posts_shared(request, forum_page, thread, page_number),
            thread.pk,
            page_number,
        )
    posts = shared["posts"]
    thanked = set()
    if reader.can_post and reader.has_thanked_here and posts:
        thanked = set(
            Reaction.objects.filter(
                user=user, post_id__in=[post["pk"] for post in posts]
            ).values_list("post_id", flat=True)
        )
    token = get_token(request)
    footers = {}
    for post in posts:
        if user.is_authenticated and post["author_id"] == user.pk:
            footers[post["pk"]] = post["footers"]["author"]
        elif reader.can_post:
            pressed = "true" if post["pk"] in thanked else "false"
            footers[post["pk"]] = (
                post["footers"]["reader"]
                .replace(PRESSED_PLACEHOLDER, pressed)
                .replace(CSRF_PLACEHOLDER, token)
            )
        else:
            footers[post["pk"]] = post["footers"]["visitor"]
    html = FOOTER_MARKER_ALONE.sub(lambda found: footers.get(int(found[1]), ""), shared["html"])
    return mark_safe(html)  # noqa: S308 -- rendered from our templates, escaped there


def _thread_posts_shared(request, forum_page, thread, page_number) -> dict:
    viewer = request.user
    posts = Post.objects.filter(thread=thread).shown_in_thread(viewer)
    page_obj = Paginator(posts, settings.TORGET_FORUM_POSTS_PER_PAGE).get_page(page_number)
    html = get_template("forums/includes/thread_posts.html").render(
        {"posts": page_obj, "forum_page": forum_page}
    )
    footers = {}
    for kind in ("reader", "author", "visitor"):
        rendered = get_template("forums/includes/post_footers.html").render(
            {
                "posts": page_obj,
                "kind": kind,
                "pressed": PRESSED_PLACEHOLDER,
                "forum_url": forum_page.url,
                # The report address of post 0 without its "0/": the same for every post.
                "report_url": reverse("moderation:report", args=["inlagg", 0])[:-2],
                "csrf_token": CSRF_PLACEHOLDER,
            }
        )
        footers[kind] = dict(FOOTER_MARKER.findall(rendered))
    shown = [
        {
            "pk": post.pk,
            "author_id": post.author_id,
            "footers": {kind: footers[kind][str(post.pk)] for kind in footers},
        }
        for post in page_obj
    ]
    return {"html": html, "posts": shown}


def reply(request, forum_page, thread_id):
    thread_obj = get_object_or_404(Thread, pk=thread_id, status=Thread.Status.VISIBLE)
    if request.method != "POST":
        return redirect(forum_page.thread_url(thread_obj))
    if login := require_poster(request, forum_page):
        return login
    form = ReplyForm(request.POST, user=request.user)
    if form.is_bot:
        return redirect(forum_page.thread_url(thread_obj))
    if thread_obj.is_locked or form.claims_foreign_association:
        raise PermissionDenied
    if form.is_valid():
        try:
            post = services.post_reply(
                thread=thread_obj,
                author=request.user,
                text=form.cleaned_data["text"],
                association=form.association,
            )
        except services.ForumError as error:
            form.add_error(None, error.message)
        else:
            if post.status == Post.Status.VISIBLE:
                messages.success(request, _("Your reply has been published."))
            else:
                messages.info(request, WAITING_MESSAGE)
            return redirect(forum_page.post_url(post))
    return thread(request, forum_page, thread_id, reply_form=form)


def post_permalink(request, forum_page, post_id):
    """Each post's own address: the thread page it is on, scrolled to it."""
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_id)
    before = (
        Post.objects.filter(thread=post.thread)
        .shown_in_thread(request.user)
        .filter(created_at__lt=post.created_at)
        .count()
    )
    number = before // settings.TORGET_FORUM_POSTS_PER_PAGE + 1
    query = f"?page={number}" if number > 1 else ""
    return redirect(f"{forum_page.thread_url(post.thread)}{query}#post-{post.pk}")


def _own_post(request, post_id) -> Post:
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_id)
    if not request.user.is_authenticated or post.author_id != request.user.pk:
        raise PermissionDenied
    if post.status == Post.Status.REMOVED:
        raise Http404
    return post


def post_edit(request, forum_page, post_id):
    if login := require_poster(request, forum_page):
        return login
    post = _own_post(request, post_id)
    form = EditForm(request.POST or None, initial={"text": post.source})
    if request.method == "POST" and form.is_valid():
        services.post_edit(post=post, editor=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Your post has been saved."))
        return redirect(forum_page.post_url(post))
    return _render(
        request,
        forum_page,
        "forums/post_edit.html",
        status=400 if form.errors else 200,
        post=post,
        form=form,
    )


def post_delete(request, forum_page, post_id):
    if login := require_poster(request, forum_page):
        return login
    post = _own_post(request, post_id)
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, _("Your post has been removed."))
        return redirect(forum_page.thread_url(post.thread))
    return _render(request, forum_page, "forums/post_delete.html", post=post)


def post_thanks(request, forum_page, post_id):
    post = get_object_or_404(Post, pk=post_id, status=Post.Status.VISIBLE)
    if request.method != "POST":
        return redirect(forum_page.post_url(post))
    if login := require_poster(request, forum_page):
        return login
    try:
        services.thanks_toggle(post=post, user=request.user)
    except services.ForumError as error:
        messages.error(request, error.message)
    return redirect(forum_page.post_url(post))


def follow_thread(request, forum_page, thread_id):
    thread_obj = get_object_or_404(Thread, pk=thread_id, status=Thread.Status.VISIBLE)
    if request.method != "POST":
        return redirect(forum_page.thread_url(thread_obj))
    if login := require_poster(request, forum_page):
        return login
    if services.follow_toggle(user=request.user, thread=thread_obj):
        messages.success(request, _("You follow the thread. We email you about new replies."))
    else:
        messages.success(request, _("You no longer follow the thread."))
    return redirect(forum_page.thread_url(thread_obj))


def follow_category(request, forum_page, category_slug):
    category_obj = _category(forum_page, category_slug)
    if request.method != "POST":
        return redirect(forum_page.category_url(category_obj))
    if login := require_poster(request, forum_page):
        return login
    if services.follow_toggle(user=request.user, category=category_obj):
        messages.success(request, _("You follow the category. We email you about new threads."))
    else:
        messages.success(request, _("You no longer follow the category."))
    return redirect(forum_page.category_url(category_obj))


@never_cache
@csrf_exempt  # the signed token is the authority; mail programs post here (RFC 8058)
def unfollow(request, token):
    forum_page = section_page(ForumPage)
    if forum_page is None:
        raise Http404
    follow = follow_from_token(token)
    if request.method == "POST":
        if follow is not None:
            services.follow_end(follow=follow)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        messages.success(request, _("Done: you no longer get emails about it."))
        return redirect(forum_page.url)
    return _render(request, forum_page, "forums/unfollow.html", follow=follow, token=token)


@login_required
@require_POST
def follow_remove(request, follow_id):
    """From "My emails": stop following one thread or category."""
    follow = get_object_or_404(Follow, pk=follow_id, user=request.user)
    services.follow_end(follow=follow)
    messages.success(request, _("Done: you no longer get emails about it."))
    return redirect("my_emails")


def search(request, forum_page):
    form = SearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        found = Post.objects.visible().search(query)
        page_obj = Paginator(found, 20).get_page(request.GET.get("page"))
        ids = [post.pk for post in page_obj.object_list]
        # Only what a visitor may see: visible posts in visible threads.
        shown = {
            post.pk: post
            for post in Post.objects.filter(
                pk__in=ids, thread__status=Thread.Status.VISIBLE
            ).select_related("thread", "author", "association")
        }
        page_obj.object_list = [shown[pk] for pk in ids if pk in shown]
        results = page_obj
    return _render(
        request,
        forum_page,
        "forums/search.html",
        form=form,
        results=results,
        query=query,
        params=urlencode({"q": query}),
    )


def association(request, forum_page, slug):
    association_obj = get_object_or_404(Association.objects.select_related("district"), slug=slug)
    posts = Paginator(Post.objects.by_association(association_obj), 20).get_page(
        request.GET.get("page")
    )
    is_admin = (
        request.user.is_authenticated
        and association_obj.memberships.filter(
            user=request.user, role=AssociationMembership.Role.ADMIN
        ).exists()
    )
    return _render(
        request,
        forum_page,
        "forums/association.html",
        association=association_obj,
        posts=posts,
        is_admin=is_admin,
    )


def association_members(request, forum_page, slug):
    association_obj = get_object_or_404(Association, slug=slug)
    if login := require_poster(request, forum_page):
        return login
    if not association_obj.memberships.filter(
        user=request.user, role=AssociationMembership.Role.ADMIN
    ).exists():
        raise PermissionDenied
    form = MemberAddForm(request.POST or None)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                membership = get_object_or_404(
                    AssociationMembership, pk=request.POST["remove"], association=association_obj
                )
                services.association_member_remove(
                    association=association_obj, by=request.user, membership=membership
                )
                messages.success(request, _("The member has been removed."))
                return redirect(request.path)
            if form.is_valid():
                services.association_member_add(
                    association=association_obj,
                    by=request.user,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                )
                messages.success(request, _("The member has been added."))
                return redirect(request.path)
        except services.ForumError as error:
            form.add_error("email" if error.code == "no_account" else None, error.message)
    return _render(
        request,
        forum_page,
        "forums/association_members.html",
        status=400 if form.errors else 200,
        association=association_obj,
        members=association_obj.memberships.select_related("user").order_by("role", "pk"),
        form=form,
    )
