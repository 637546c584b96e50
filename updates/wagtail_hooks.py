from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from updates.models import MeasureCategory, Responsible


class MeasureCategoryViewSet(SnippetViewSet):
    model = MeasureCategory
    icon = "tag"
    menu_label = _("Measure categories")
    list_display = ["name", "slug", "order", "locale"]
    list_filter = ["locale"]


class ResponsibleViewSet(SnippetViewSet):
    model = Responsible
    icon = "group"
    menu_label = _("Responsible parties")
    list_display = ["name", "locale"]
    list_filter = ["locale"]


class SafetyWorkGroup(SnippetViewSetGroup):
    items = (MeasureCategoryViewSet, ResponsibleViewSet)
    menu_icon = "doc-full"
    menu_label = _("Safety work")
    menu_order = 230


register_snippet(SafetyWorkGroup)
