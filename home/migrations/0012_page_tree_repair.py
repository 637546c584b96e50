"""Repair the page trees made before home.tree: a translated section saved over its children's
count (numchild 0), so its children were not found. Only depth and numchild are corrected."""

from django.db import migrations


def tree_repair(apps, schema_editor):
    # treebeard's repair lives on the real model, not on the historical one; it only updates
    # the depth and numchild columns, which every version of Wagtail's page table has.
    from wagtail.models import Page

    Page.fix_tree()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_verified_supporters"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(tree_repair, migrations.RunPython.noop)]
