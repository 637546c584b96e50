""" "What needs me today": one panel per role on the admin dashboard. Each content app adds its
own through Wagtail's `construct_homepage_panels` hook, for those whose permissions allow it;
each panel is one query (the rows, with the total counted alongside by a window function)."""

from dataclasses import dataclass

from django.db.models import Count, Window
from wagtail.admin.ui.components import Component

ROWS = 8


@dataclass
class Row:
    label: str
    url: str
    note: str = ""
    urgent: bool = False
    lang: str = ""  # when the label is text people wrote, or in another language


def with_total(queryset, rows: int = ROWS) -> tuple[list, int]:
    """The first `rows` of `queryset` and how many there are in all, in one query."""
    found = list(queryset.annotate(panel_total=Window(Count("pk")))[:rows])
    return found, (found[0].panel_total if found else 0)


class TodayPanel(Component):
    """A heading, how many things wait, the first of them with links, and a link to them all."""

    template_name = "home/admin/today_panel.html"

    def __init__(
        self,
        *,
        name: str,
        order: int,
        heading: str,
        summary: str,
        rows: list[Row],
        empty: str,
        all_url: str = "",
        all_label: str = "",
    ):
        self.name = name
        self.order = order
        self.heading = heading
        self.summary = summary
        self.rows = rows
        self.empty = empty
        self.all_url = all_url
        self.all_label = all_label

    def get_context_data(self, parent_context=None):
        return {"panel": self}
