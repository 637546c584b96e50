"""The review before publishing ("Granskning"): one approval task for the editors, on the meeting
pages that organisers write and, when the site setting says so, on updates on the safety work;
and the email that tells whoever submitted a page what was decided, in their language, through
the outbox (instead of Wagtail's own email, which goes out directly and in the admin's
language)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.services import EDITORS
from home.links import absolute_url
from home.services import email_queue

REVIEW = "Granskning"
# Page types whose sections go through the review, by app label and model (no import of the
# content apps: this is a shared piece).
ALWAYS_REVIEWED = [("events", "eventindexpage")]
REVIEWED_WHEN_SET = [("updates", "updateindexpage")]


@transaction.atomic
def review_workflow_ensure(**kwargs) -> None:
    """The review task for the group Redaktörer, on every meeting index (each language) and,
    with SiteSettings.review_updates, on every safety-work index; safe to run again."""
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    from home.models import SiteSettings

    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    task = GroupApprovalTask.objects.filter(name=REVIEW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW)
    task.groups.set([editors])
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    types = list(ALWAYS_REVIEWED)
    if SiteSettings.objects.filter(review_updates=True).exists():
        types += REVIEWED_WHEN_SET
    sections = Page.objects.none()
    for app_label, model in types:
        sections |= Page.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    for page in sections:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    WorkflowPage.objects.filter(workflow=workflow).exclude(page__in=sections).delete()


def _tell_submitter(workflow_state, decision: str, user=None) -> None:
    person = workflow_state.requested_by
    if person is None or person == user or not person.email:
        return
    page = workflow_state.content_object
    context = {
        "person": person,
        "page": page,
        "by": user,
        "emails_url": absolute_url(reverse("my_emails")),
    }
    if decision == "approved":
        context["url"] = absolute_url(page.url or "")
    else:
        context["comment"] = workflow_state.current_task_state.specific.get_comment()
        context["url"] = absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    with translation.override(person.preferred_language):
        email_queue(
            to=person.email,
            subject=render_to_string(f"accounts/email/review_{decision}_subject.txt", context),
            body=render_to_string(f"accounts/email/review_{decision}.txt", context),
        )


def _approved(sender, instance, user=None, **kwargs):
    _tell_submitter(instance, "approved", user)


def _rejected(sender, instance, user=None, **kwargs):
    _tell_submitter(instance, "changes", user)


def decision_emails_install() -> None:
    """Our emails about a decision replace Wagtail's (connected by wagtail.admin, before us)."""
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_approved, workflow_rejected

    workflow_approved.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    workflow_rejected.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
    workflow_approved.connect(_approved, sender=WorkflowState, dispatch_uid="torget_review_ok")
    workflow_rejected.connect(_rejected, sender=WorkflowState, dispatch_uid="torget_review_back")
