"""Questions before a meeting: asking and supporting."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.models import has_verified_email
from events import services
from events.forms import (
    QuestionForm,
)
from events.models import Question
from events.views.page import render_meeting_page
from home.ratelimit import rate_limit_exceeded


def question_submit(page, request):
    if request.method != "POST":
        return redirect(page.url)
    if not has_verified_email(request.user):
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    form = QuestionForm(request.POST)
    if rate_limit_exceeded(
        "question", str(request.user.pk), limit=settings.TORGET_QUESTIONS_PER_HOUR
    ):
        form.is_valid()
        form.add_error(
            None, _("You have asked many questions in a short time. Please wait a while.")
        )
        return render_meeting_page(page, request, 429, question_form=form)
    if not form.is_valid():
        return render_meeting_page(page, request, 400, question_form=form)
    try:
        question = services.question_create(
            page=page, author=request.user, text=form.cleaned_data["text"]
        )
    except services.MeetingError as error:
        form.add_error(None, error.message)
        return render_meeting_page(page, request, 400, question_form=form)
    if question.status == Question.Status.VISIBLE:
        messages.success(request, _("Thank you, your question has been added."))
    else:
        messages.info(
            request,
            _(
                "Thank you! A moderator reads the first questions of new accounts before others "
                "see them. You see yours marked “Waiting for a moderator”."
            ),
        )
    return redirect(f"{page.url}#question-{question.pk}")


def question_support(page, request, question_id):
    if request.method != "POST":
        return redirect(page.url)
    if not has_verified_email(request.user):
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page.url})}")
    question = get_object_or_404(
        Question, pk=question_id, meeting=page.meeting, status=Question.Status.VISIBLE
    )
    try:
        supported = services.question_support_toggle(question=question, user=request.user)
    except services.MeetingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You support the question.")
            if supported
            else _("You no longer support the question."),
        )
    return redirect(f"{page.url}#question-{question.pk}")
