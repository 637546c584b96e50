"""{% shared %} and {% personal %}: rendered once for everyone, as a visitor would see it, with
each reader's own parts put in (home/templatetags/shared_tags.py)."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import Context, Engine, TemplateSyntaxError, engines
from django.test import RequestFactory

from accounts.tests.factories import UserFactory
from home import cache

pytestmark = pytest.mark.django_db


class Counter:
    """Counts how often a shared part really renders."""

    def __init__(self):
        self.count = 0

    def __str__(self):
        self.count += 1
        return str(self.count)


def from_string(source):
    return engines["django"].from_string("{% load shared_tags %}" + source)


def render(source, user, **values):
    request = RequestFactory().get("/stadsdelar/fittja/")
    request.user = user
    html = from_string(source).render({"request": request, **values}, request)
    return html, request


@pytest.fixture
def shared_on(settings):
    settings.TORGET_PAGE_CACHE_SECONDS = 60


def test_a_shared_part_renders_once_per_content_version(shared_on):
    counter = Counter()
    source = "{% shared 'a' %}rendered {{ counter }}{% endshared %}"
    assert render(source, AnonymousUser(), counter=counter)[0] == "rendered 1"
    assert render(source, UserFactory(), counter=counter)[0] == "rendered 1"
    cache.content_changed()
    assert render(source, AnonymousUser(), counter=counter)[0] == "rendered 2"


def test_it_renders_every_time_when_the_page_cache_is_off(settings):
    settings.TORGET_PAGE_CACHE_SECONDS = 0
    counter = Counter()
    source = "{% shared 'a' %}{{ counter }}{% endshared %}"
    render(source, AnonymousUser(), counter=counter)
    assert render(source, AnonymousUser(), counter=counter)[0] == "2"


def test_keys_keep_parts_apart(shared_on):
    source = "{% shared key %}{{ key }}{% endshared %}"
    assert render(source, AnonymousUser(), key="fittja")[0] == "fittja"
    assert render(source, AnonymousUser(), key="alby")[0] == "alby"


def test_it_is_rendered_as_a_visitor_whoever_asks_and_the_reader_is_given_back(shared_on):
    person = UserFactory(display_name="Amina")
    source = (
        "{% shared %}[{% if user.is_authenticated %}{{ user.display_name }}{% endif %}"
        "{% if request.user.is_authenticated %}signed in{% endif %}]{% endshared %}"
        "{{ request.user.display_name }}"
    )
    html, request = render(source, person)
    assert html == "[]Amina"
    assert request.user == person


def test_personal_parts_are_each_readers_own_with_the_values_taken_in_the_loop(shared_on):
    first, second = UserFactory(display_name="Amina"), UserFactory(display_name="Yusuf")
    source = (
        "{% shared %}{% for n in numbers %}<{{ n }}:{% personal number=n %}"
        "{{ number }}{{ request.user.display_name }}{% endpersonal %}>{% endfor %}{% endshared %}"
    )
    assert render(source, first, numbers=[1, 2])[0] == "<1:1Amina><2:2Amina>"
    assert render(source, second, numbers=[7])[0] == "<1:1Yusuf><2:2Yusuf>"  # still shared
    assert render(source, AnonymousUser(), numbers=[])[0] == "<1:1><2:2>"


def test_each_reader_gets_their_own_csrf_token(shared_on):
    source = "{% shared %}<form>{% csrf_token %}</form>{% endshared %}"
    html_a, request_a = render(source, AnonymousUser())
    html_b, request_b = render(source, UserFactory())
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html)[1] for html in (html_a, html_b)
    ]
    assert tokens[0] != tokens[1]
    assert "__torget" not in html_a + html_b
    # Each is a valid token for its own request.
    for token, request in zip(tokens, (request_a, request_b), strict=True):
        assert _unmask_cipher_token(token) == _unmask_cipher_token(get_token(request))


def test_unless_renders_afresh_without_keeping(shared_on):
    counter = Counter()
    source = "{% shared unless sent %}{{ counter }}{% endshared %}"
    assert render(source, AnonymousUser(), counter=counter, sent=True)[0] == "1"
    assert render(source, AnonymousUser(), counter=counter, sent=False)[0] == "2"
    assert render(source, AnonymousUser(), counter=counter, sent=False)[0] == "2"
    assert render(source, AnonymousUser(), counter=counter, sent=True)[0] == "3"


def test_a_shared_part_directly_inside_another_is_refused():
    with pytest.raises(TemplateSyntaxError):
        from_string("{% shared %}{% shared %}x{% endshared %}{% endshared %}")


def test_a_personal_part_from_an_included_template_is_refused(shared_on, tmp_path):
    (tmp_path / "inner.html").write_text(
        "{% load shared_tags %}{% personal %}mine{% endpersonal %}"
    )
    engine = Engine(dirs=[tmp_path], libraries={"shared_tags": "home.templatetags.shared_tags"})
    outer = engine.from_string(
        '{% load shared_tags %}{% shared %}{% include "inner.html" %}{% endshared %}'
    )
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(TemplateSyntaxError):
        outer.render(Context({"request": request}))
