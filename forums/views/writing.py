"""Writing in the forum: a new thread, a reply, editing and removing one's own post, thanks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from forums import services
from forums.forms import EditForm, ReplyForm, ThreadForm
from forums.models import Post, Thread
from forums.views.common import (
    WAITING_MESSAGE,
    category_in_language,
    render_in_forum,
    require_poster,
)
from forums.views.reading import thread


def new_thread(request, forum_page, category_slug):
    category = category_in_language(forum_page, category_slug)
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
    return render_in_forum(
        request,
        forum_page,
        "forums/thread_form.html",
        status=400 if form.errors else 200,
        category=category,
        form=form,
    )


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
    return render_in_forum(
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
    return render_in_forum(request, forum_page, "forums/post_delete.html", post=post)


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
