from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from events.models import EventPage, Question
from forums.models import ForumPage, Post
from home.cache import active_locale
from moderation import services
from moderation.forms import ReportForm


def _item_and_return_url(kind: str, pk: int):
    """The reported item and the page to go back to, in the reader's language."""
    locale = active_locale()
    if kind == "inlagg":
        post = get_object_or_404(Post.objects.select_related("thread"), pk=pk, status="visible")
        forum_page = ForumPage.objects.live().filter(locale=locale).first()
        if forum_page is None:
            raise Http404
        return post, forum_page.post_url(post), post.thread.title
    if kind == "fraga":
        question = get_object_or_404(
            Question.objects.select_related("meeting"), pk=pk, status="visible"
        )
        page = (
            EventPage.objects.filter(
                translation_key=question.meeting.translation_key, locale=locale
            ).first()
            or question.meeting.page
        )
        return question, f"{page.url}#question-{question.pk}", page.title
    raise Http404


@login_required
def report(request, kind, pk):
    item, back_url, title = _item_and_return_url(kind, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                reporter=request.user,
                item=item,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except services.ModerationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect(back_url)
    return render(
        request,
        "moderation/report.html",
        {"form": form, "item": item, "back_url": back_url, "title": title},
        status=400 if form.errors else 200,
    )
