"""Following threads and categories, and stopping from an email or from My emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from forums import services
from forums.models import Follow, ForumPage, Thread
from forums.notifications import follow_from_token
from forums.views.common import category_in_language, render_in_forum, require_poster
from home.cache import section_page


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
    category_obj = category_in_language(forum_page, category_slug)
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
    return render_in_forum(request, forum_page, "forums/unfollow.html", follow=follow, token=token)


@login_required
@require_POST
def follow_remove(request, follow_id):
    """From "My emails": stop following one thread or category."""
    follow = get_object_or_404(Follow, pk=follow_id, user=request.user)
    services.follow_end(follow=follow)
    messages.success(request, _("Done: you no longer get emails about it."))
    return redirect("my_emails")
