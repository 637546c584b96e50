"""What a server process would otherwise do on its first request, done as it starts: the URL
configuration, every language's translations and the page templates. Nobody waits for it (the
process takes requests only after), and the first visitor after a restart is served as fast
as the next."""

from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation
from wagtail.models import get_page_models


def warm_up() -> None:
    get_resolver().reverse_dict  # noqa: B018 - reading it builds the resolver's tables
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")  # loads the language's catalogs
    for name in ["base.html", *(model.template for model in get_page_models())]:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
