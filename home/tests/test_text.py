"""Labels capitalised as their language writes a capital."""

from django.template import Context, Template
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from home.text import capfirst_locale


def test_turkish_capitalises_the_dotted_i_with_its_dot():
    assert capfirst_locale("işlem", "tr") == "İşlem"
    assert capfirst_locale("ılık", "tr") == "Ilık"
    assert capfirst_locale("işlem", "az") == "İşlem"


def test_other_languages_capitalise_as_django_does():
    assert capfirst_locale("åtgärd", "sv") == "Åtgärd"
    assert capfirst_locale("issue", "en") == "Issue"
    assert capfirst_locale("", "tr") == ""


def test_the_active_language_decides_when_none_is_given():
    with translation.override("tr"):
        assert capfirst_locale("işlem") == "İşlem"
    with translation.override("sv"):
        assert capfirst_locale("åtgärd") == "Åtgärd"


def test_a_lazy_label_is_capitalised_when_shown_in_the_language_then_active():
    label = capfirst_locale(gettext_lazy("watched word"))
    assert isinstance(label, Promise)
    with translation.override("tr"):
        assert str(label) == "İzlenen kelime"


def test_the_template_filter_capitalises_in_the_readers_language():
    template = Template("{% load language_tags %}{{ label|capfirst_locale }}")
    with translation.override("tr"):
        assert template.render(Context({"label": "işlem"})) == "İşlem"
    with translation.override("sv"):
        assert template.render(Context({"label": "åtgärd"})) == "Åtgärd"
