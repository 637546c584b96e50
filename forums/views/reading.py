"""Reading the forum: the front page, a category, a thread (one cached list of posts with each
reader's footers), a post's own address and search."""

import hashlib
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from forums.forms import ReplyForm, SearchForm
from forums.models import Association, Category, Follow, Post, Reaction, Thread
from forums.selectors import thread_reader
from forums.views.common import category_in_language, localize_categories, render_in_forum
from home.cache import CSRF_PLACEHOLDER as CSRF_PLACEHOLDER_BYTES
from home.cache import cached_part, deferred, reader_csrf_token, reader_part
from moderation import services as moderation

FOOTER_MARKER = re.compile(r"<!--post-footer:(\d+)-->(.*?)(?=<!--post-footer:|\Z)", re.DOTALL)
FOOTER_MARKER_ALONE = re.compile(r"<!--post-footer:(\d+)-->")
# Put into the shared footers where each reader's own values go.
CSRF_PLACEHOLDER = CSRF_PLACEHOLDER_BYTES.decode()
PRESSED_PLACEHOLDER = "__torget_thanks_pressed__"


def front(request, forum_page):
    return render_in_forum(
        request,
        forum_page,
        "forums/forum_page.html",
        # Worked out only when the page's shared part is not in the cache.
        **deferred(
            lambda: {"categories": list(Category.objects.listed(forum_page.locale_id))},
            "categories",
        ),
        search_form=SearchForm(),
    )


def category(request, forum_page, category_slug):
    category = cached_part(
        "category",
        lambda: category_in_language(forum_page, category_slug),
        forum_page.locale_id,
        category_slug,
    )
    if category.slug != category_slug:
        return redirect(forum_page.category_url(category))
    tag = request.GET.get("tag", "")[:100]
    user = request.user
    return render_in_forum(
        request,
        forum_page,
        "forums/category.html",
        category=category,
        # Worked out only when the page's shared part is not in the cache.
        **deferred(
            lambda: {"threads": _category_threads(request, forum_page, category, tag)},
            "threads",
        ),
        tag=tag,
        tag_params=urlencode({"tag": tag}) if tag else "",
        following=SimpleLazyObject(
            lambda: (
                user.is_authenticated
                and reader_part(
                    user,
                    "follows-category",
                    lambda: Follow.objects.filter(
                        user=user, category__translation_key=category.translation_key
                    ).exists(),
                    category.translation_key,
                )
            )
        ),
    )


def _category_threads(request, forum_page, category, tag):
    threads = Thread.objects.visible().in_category(category).tagged(tag).by_activity()
    page_obj = Paginator(threads, settings.TORGET_FORUM_THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    localize_categories(page_obj.object_list, forum_page.locale_id)
    return page_obj


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
    return render_in_forum(
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
        shown = [post["pk"] for post in posts]
        thanked = reader_part(
            user,
            "thanked",
            lambda: set(
                Reaction.objects.filter(user=user, post_id__in=shown).values_list(
                    "post_id", flat=True
                )
            ),
            shown,
        )
    token = reader_csrf_token(request)
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
    return render_in_forum(
        request,
        forum_page,
        "forums/search.html",
        form=form,
        results=results,
        query=query,
        params=urlencode({"q": query}),
    )
