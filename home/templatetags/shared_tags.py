"""What every reader sees, rendered once and shared; what is theirs, put in per request.

    {% load shared_tags %}
    {% shared page.pk %}
      … the page as everyone sees it …
      {% personal question_pk=question.pk author_id=question.author_id %}
        … what this reader sees here: their vote, their support, their form …
      {% endpersonal %}
    {% endshared %}

A `{% shared %}` part is rendered as a visitor who is not signed in would see it (the request's
user is anonymous while it renders, and there are no messages), kept with the page parts for
the content version, the language, the host, the template rendered, the place of the tag and
the keys given to it, at most TORGET_PAGE_CACHE_SECONDS (0: rendered every time), and then
shown to every reader, signed in or not. The CSRF token and the script nonce in it are put back
for each reader.

`{% shared key … unless condition %}` renders afresh, without keeping it, when the condition
holds: a form shared while blank, drawn with its errors when it comes back.

A `{% personal %}` part inside it is rendered for every request with the reader's own context.
It sees the context outside the `{% shared %}` tag (not the loop variables or `with` names
inside it) and the values named in its tag, which are taken when the shared part is rendered:
so a loop over questions can leave a hole for each question's support button. Personal parts
belong to the template of their shared part: a `{% personal %}` in an included template is an
error. A personal part may hold shared parts of its own, from other templates (the frame of
every page in base.html is shared, each page's content is a personal part of it with shared
parts in turn); a `{% shared %}` directly inside another is an error.

This is the thread page's pattern (forums.views.reading) as a template tag: a signed-in
reader's page costs what is theirs, not the whole page.
"""

import contextvars
import re

from django import template
from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.template.defaulttags import TemplateIfParser
from django.utils.safestring import mark_safe

from home.cache import cached_part, reader_values_put, reader_values_remove

register = template.Library()

HOLE = re.compile(r"<!--torget:personal:(\d+)-->")
# While a shared part renders: the node being rendered and the holes found so far.
_building = contextvars.ContextVar("torget_shared_building", default=None)


class SharedNode(template.Node):
    def __init__(self, nodelist, keys, place, unless=None):
        self.nodelist = nodelist
        self.keys = keys
        self.unless = unless
        self.place = place  # the template and line: two shared parts never share a key
        self.personal_nodes = nodelist.get_nodes_by_type(PersonalNode)
        for index, node in enumerate(self.personal_nodes):
            node.owner, node.index = self, index

    def render(self, context):
        if _building.get() is not None:
            raise template.TemplateSyntaxError(
                f"{{% shared %}} at {self.place} is inside another shared part"
            )
        request = context.get("request")
        seconds = settings.TORGET_PAGE_CACHE_SECONDS
        if seconds <= 0 or request is None or (self.unless and self.unless.eval(context)):
            part = self._build(context, request)
        else:
            keys = [str(key.resolve(context)) for key in self.keys]
            part = cached_part(
                "shared",
                lambda: self._build(context, request),
                request.get_host(),
                context.template.name if context.template else "",
                self.place,
                *keys,
                timeout=seconds,
            )
        return self._fill(part, context, request)

    def _build(self, context, request) -> dict:
        holes = []
        building = _building.set((self, holes))
        anonymous = AnonymousUser()
        reader = getattr(request, "user", None)
        if request is not None:
            request.user = anonymous
        try:
            with context.push(user=anonymous, perms=PermWrapper(anonymous), messages=()):
                html = self.nodelist.render(context).encode()
        finally:
            _building.reset(building)
            if request is not None:
                request.user = reader
        if request is not None:
            html = reader_values_remove(html, request)
        return {"html": html, "holes": holes}

    def _fill(self, part, context, request) -> str:
        html = part["html"]
        if request is not None:
            html = reader_values_put(html, request)
        html = html.decode()
        if part["holes"]:
            rendered = []
            for index, values in part["holes"]:
                with context.push(values):
                    rendered.append(self.personal_nodes[index].nodelist.render(context))
            html = HOLE.sub(lambda found: rendered[int(found[1])], html)
        return mark_safe(html)  # noqa: S308 - rendered from our templates, escaped there


class PersonalNode(template.Node):
    owner = None
    index = None

    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        building = _building.get()
        if building is None:  # outside a shared part: an ordinary block
            with context.push(self._resolve(context)):
                return self.nodelist.render(context)
        node, holes = building
        if node is not self.owner:
            raise template.TemplateSyntaxError(
                "{% personal %} belongs in the same template as its {% shared %}"
            )
        holes.append((self.index, self._resolve(context)))
        return f"<!--torget:personal:{len(holes) - 1}-->"

    def _resolve(self, context) -> dict:
        return {name: value.resolve(context) for name, value in self.values.items()}


@register.tag
def shared(parser, token):
    bits = token.split_contents()[1:]
    unless = None
    if "unless" in bits:
        at = bits.index("unless")
        unless = TemplateIfParser(parser, bits[at + 1 :]).parse()
        bits = bits[:at]
    keys = [parser.compile_filter(bit) for bit in bits]
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(SharedNode):
        raise template.TemplateSyntaxError("{% shared %} cannot be inside another {% shared %}")
    place = f"{parser.origin.template_name if parser.origin else ''}:{token.lineno}"
    return SharedNode(nodelist, keys, place, unless)


@register.tag
def personal(parser, token):
    bits = token.split_contents()[1:]
    values = {}
    for bit in bits:
        name, separator, expression = bit.partition("=")
        if not separator or not name.isidentifier():
            raise template.TemplateSyntaxError(
                f"{{% personal %}} takes name=value pairs, not {bit!r}"
            )
        values[name] = parser.compile_filter(expression)
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(nodelist, values)
