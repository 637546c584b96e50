"""Reports and log entries point at any registered item (a content type and an id) instead of
one key per content app; the rows keep what they pointed at."""

import django.db.models.deletion
from django.db import migrations, models

# What the keys pointed at before: (field, app label, model).
KEYS = [("post", "forums", "post"), ("question", "events", "question"), ("thread", "forums", "thread")]


def keys_to_items(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model_name in ("Report", "LogEntry"):
        model = apps.get_model("moderation", model_name)
        fields = {field.name for field in model._meta.get_fields()}
        for field, app_label, name in KEYS:
            if field not in fields:
                continue
            rows = model.objects.filter(**{f"{field}__isnull": False, "content_type": None})
            if not rows.exists():
                continue
            content_type, _created = ContentType.objects.get_or_create(
                app_label=app_label, model=name
            )
            rows.update(content_type=content_type, object_id=models.F(f"{field}_id"))


def items_to_keys(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model_name in ("Report", "LogEntry"):
        model = apps.get_model("moderation", model_name)
        fields = {field.name for field in model._meta.get_fields()}
        for field, app_label, name in KEYS:
            content_type = ContentType.objects.filter(app_label=app_label, model=name).first()
            if field in fields and content_type:
                model.objects.filter(content_type=content_type).update(
                    **{f"{field}_id": models.F("object_id")}
                )


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("moderation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="logentry",
            name="content_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="logentry",
            name="object_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="report",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True),
        ),
        migrations.RemoveConstraint(model_name="report", name="one_report_per_post"),
        migrations.RemoveConstraint(model_name="report", name="one_report_per_question"),
        migrations.RemoveConstraint(model_name="report", name="report_post_or_question"),
        migrations.RunPython(keys_to_items, items_to_keys),
        migrations.RemoveField(model_name="logentry", name="post"),
        migrations.RemoveField(model_name="logentry", name="question"),
        migrations.RemoveField(model_name="logentry", name="thread"),
        migrations.RemoveField(model_name="report", name="post"),
        migrations.RemoveField(model_name="report", name="question"),
        migrations.AlterField(
            model_name="report",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="object_id",
            field=models.PositiveBigIntegerField(),
        ),
        migrations.AddIndex(
            model_name="logentry",
            index=models.Index(
                fields=["content_type", "object_id"], name="moderation__content_ea5aff_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                fields=["content_type", "object_id"], name="moderation__content_408935_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.UniqueConstraint(
                fields=("reporter", "content_type", "object_id"), name="one_report_per_item"
            ),
        ),
    ]
