"""A page's place in the tree (path, depth, numchild) is written by treebeard's own operations
(add, move, delete), which update those columns with queries; a page saved whole never writes
them from memory.

Wagtail saves the whole page object it holds when a revision is published, and
wagtail-localize publishes a translation at the end of the transaction that made it: the
admin's "Translate" with its subpages and the demo make a section's translation, then its
pages, and the section's publish at commit would write numchild=0 over its new children (the
menu, which asks `get_children()`, then finds none)."""

from wagtail.models import Page

TREE_FIELDS = ("path", "depth", "numchild")


def tree_position_keep(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save: an existing page keeps the tree columns the database has."""
    if raw or instance.pk is None or not isinstance(instance, Page):
        return
    if update_fields is not None and not set(TREE_FIELDS) & set(update_fields):
        return
    stored = Page.objects.filter(pk=instance.pk).values(*TREE_FIELDS).first()
    if stored is not None:
        for name, value in stored.items():
            setattr(instance, name, value)
