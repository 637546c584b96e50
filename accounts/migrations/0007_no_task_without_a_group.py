"""Wagtail's default workflow asked the group "Moderators" to approve every page; that group is
gone (the staff groups are Torget's own), so anything submitted waited for nobody. Tasks that
no group can approve are removed, with the workflows that use them (or switched off where
pages have already passed through them). The review that replaces it is made by
accounts.workflows.review_workflow_ensure after every migrate."""

from django.db import migrations


def remove_tasks_nobody_can_approve(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    orphans = GroupApprovalTask.objects.filter(groups__isnull=True)
    workflows = Workflow.objects.filter(workflow_tasks__task__in=orphans).distinct()
    for workflow in workflows:
        workflow.workflow_pages.all().delete()
        workflow.workflow_content_types.all().delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.active = False
            workflow.save(update_fields=["active"])
        else:
            workflow.delete()
    for task in orphans:
        if TaskState.objects.filter(task=task).exists():
            task.active = False
            task.save(update_fields=["active"])
        else:
            task.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_preferred_language_six"),
        ("home", "0002_create_homepage"),  # which removes Wagtail's "Moderators" group
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_tasks_nobody_can_approve, migrations.RunPython.noop)]
