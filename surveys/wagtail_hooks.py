from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from surveys import admin_views
from surveys.models import Survey, SurveyPage, SurveyQuestion, SurveyResult
from updates.sections import INDEX_SECTIONS, IndexSection


@hooks.register(INDEX_SECTIONS)
def survey_pages_on_the_safety_page(index_page):
    """Residents look for the figures where the safety work is: its page leads to them."""
    survey_pages = list(SurveyPage.objects.listed_under(index_page))
    if not survey_pages:
        return None
    return IndexSection(
        template="surveys/includes/safety_page_link.html", values={"survey_pages": survey_pages}
    )


@hooks.register("register_admin_urls")
def register_survey_admin_urls():
    return [
        path(
            "trygghetsmatning/import/",
            admin_views.import_results,
            name="surveys_import",
        )
    ]


class SurveyResultViewSet(SnippetViewSet):
    model = SurveyResult
    icon = "table"
    menu_label = _("Results")
    list_display = ["question", "district", "year", "share", "respondents", "margin"]
    list_filter = ["year", "question", "district"]
    ordering = ["-year", "question", "district"]

    def get_queryset(self, request):
        return SurveyResult.objects.select_related("question", "district")


class SurveyQuestionViewSet(SnippetViewSet):
    model = SurveyQuestion
    icon = "help"
    menu_label = _("Survey questions")
    list_display = ["text", "key", "order", "locale"]
    list_filter = ["locale"]


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "doc-full"
    menu_label = _("Surveys")
    list_display = ["name", "year", "conducted_by", "locale"]
    list_filter = ["locale"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("surveys.add_surveyresult")


class SurveyViewSetGroup(SnippetViewSetGroup):
    items = (SurveyResultViewSet, SurveyQuestionViewSet, SurveyViewSet)
    menu_icon = "table"
    menu_label = _("Safety surveys")
    menu_order = 227

    def get_submenu_items(self):
        upload = ImportMenuItem(
            _("Import results"), reverse("surveys_import"), icon_name="upload", order=0
        )
        return [upload, *super().get_submenu_items()]


register_snippet(SurveyViewSetGroup)
