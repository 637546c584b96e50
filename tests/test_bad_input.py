"""Whatever anyone sends, the site answers with a page or a plain error: never 500 or more.

A small but complete site (tests/world.py and what it lacks: one page of every type, a poll,
a survey, an association, an observation, a flagged post) is crawled as a visitor and as a
resident from the home page of every language and every address the URL configuration has,
and as staff through the admin screens the project's own apps make. Each page's links and their
query parameters, the parameters the API declares, every form with its fields and every
address pattern are found, not listed, so a new page, parameter, form or endpoint is covered
without a new test. Then each is sent what people and robots send: NUL bytes, 100,000
characters, broken UTF-8, markup, template and SQL syntax, numbers no database holds, impossible
dates, choices that were never offered, files that are not what their names say, no CSRF
token, broken cookies and headers, odd paths. Every answer of 500 or more is collected and
reported at once, with the exception and where in the project's code it was raised.

Values are spread rather than multiplied: each form gets every bad value in all its fields at
once, then each field one value of its own kind with the others as the page filled them.
"""

import io
import json
import re
from collections import deque
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone
from wagtail.models import Page

from accounts.tests.factories import UserFactory
from events.tests.factories import EventPageFactory
from forums import services as forum_services
from forums.models import AssociationMembership
from forums.tests.factories import AssociationFactory, MembershipFactory
from moderation.services import report_create
from polls.models import Poll, PollOption
from reports.services import observation_create
from surveys.models import SurveyPage, SurveyQuestion, SurveyResult

PAGES_PER_CRAWL = 150
PROJECT_APPS = {
    config.name.split(".")[0]
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR) and "-packages" not in config.path
}
HUGE = "99999999999999999999"
ARABIC_DIGITS = "\u0669" * 20  # what int() reads as a 20-digit number

# Sent in every field of a form at once, and as every query parameter a link carries.
BAD_VALUES = {
    "NUL byte": "nul\x00byte",
    "100,000 characters": "x" * 100_000,
    "markup, template and SQL syntax": (
        "<script>alert(1)</script><img src=x onerror=alert(1)>{{ 7|add:7 }}{% now 'Y' %}"
        "{{ request.user }}${7*7}' OR 1=1 --; DROP TABLE x; --"
    ),
    "20-digit number": HUGE,
    "negative number": "-1",
    "impossible date": "2026-02-31",
    "wrong choice": "no-such-choice",
    "empty": "",
    "header injection": "/x\r\nSet-Cookie: a=b",
    "odd Unicode": "\u202e\ufeff\U0001d54f \ufdfd \u0301",
}
# One of these per field, chosen by the field's kind and its place in the form.
BY_KIND = {
    "choice": [HUGE, "-1", "no-such-choice", "\u00b2", ARABIC_DIGITS],
    "number": [HUGE, "-1", "NaN", "1e400", ARABIC_DIGITS],
    "date": ["2026-02-31", "2026-02-31T25:61", "0000-00-00", "9999-12-31T23:59"],
    "text": [HUGE, "x" * 100_000, "{{ 7|add:7 }}", "<b>", "\U0001f600" * 50],
}
DATE_TYPES = {"date", "datetime-local", "time", "month", "week"}
BROKEN_UTF8 = "%ff%fe%c3%28%ed%a0%80"
ODD_PATHS = [
    "/%00",
    "/%00/",
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/",
    "/" + "a" * 5000 + "/",
    "/" + "a/" * 300,
    f"/{BROKEN_UTF8}/",
    "/%3Cscript%3E/",
    "/%7B%7B7*7%7D%7D/",
    "/;/",
    "//",
    "/.env",
]
BROKEN_COOKIES = [
    "sessionid=x",
    "sessionid=" + "a" * 4000,
    'sessionid="\\000\\000\\000\\000\\000\\000\\000\\000"',
    "sessionid=%ff%fe%00",
    "sessionid=abcdefghijklmnopqrstuvwxyz012345",
    "csrftoken=x",
    "csrftoken=" + "a" * 64,
    'csrftoken="\\000"',
    "django_language=xx",
    "django_language=../../etc",
    'django_language="\\000"',
    "django_language=" + "a" * 4000,
    "=; ;;=;sessionid",
    "sessionid=%ZZ; csrftoken=%ZZ; django_language=%ZZ",
]
BROKEN_HEADERS = [
    {"HTTP_ACCEPT_LANGUAGE": "xx-YY,;q=abc,*;q=99999999999999999999"},
    {"HTTP_ACCEPT_LANGUAGE": "a" * 5000},
    {"HTTP_USER_AGENT": "agent\x00" + "a" * 5000},
    {"HTTP_REFERER": "http://%00/"},
    {"HTTP_X_FORWARDED_FOR": "not-an-address, \x00"},
    {"HTTP_IF_NONE_MATCH": '"\x00", W/'},
    {"HTTP_IF_MODIFIED_SINCE": "Mon, 31 Feb 2026 25:61:61 GMT"},
    {"HTTP_HOST": "evil.example"},
    {"HTTP_HOST": "local\x00host"},
]


@dataclass
class Field:
    name: str
    kind: str  # "choice", "number", "date", "text" or "file"
    sent: list  # what a browser sends for it untouched
    hidden_from_people: bool  # a honeypot: filled, the whole form is taken for a robot's


@dataclass
class Form:
    action: str
    method: str
    fields: dict

    def key(self, who):
        """The same form in another language, or a reader's GET form, is sent to once."""
        reader = "" if self.method == "get" else who
        return reader, self.method, _shape(self.action), tuple(sorted(self.fields))

    def untouched(self) -> dict:
        return {name: f.sent for name, f in self.fields.items() if f.sent and f.kind != "file"}

    def poisonable(self):
        return [f for f in self.fields.values() if f.name != "csrfmiddlewaretoken"]


@pytest.fixture
def world(site, resident):
    """tests/world.py's site and resident, and what it lacks: a survey with figures, an
    association the resident runs with a thread in its name, an observation and a flagged
    post for the staff, and a meeting offering interpretation with a poll, neither of which the
    resident has answered."""
    district = site["tree"]["district"]
    survey = SurveyPage(title="Trygghetsmätning", slug="trygghetsmatning")
    site["updates"].add_child(instance=survey)
    survey.save_revision().publish()
    question = SurveyQuestion.objects.create(key="otrygg", text="Otrygg?", finding="Otrygga")
    SurveyResult.objects.create(
        question=question, district=district, year=2025, share=30, respondents=300
    )
    association = AssociationFactory(district=district)
    MembershipFactory(association=association, user=resident, role=AssociationMembership.Role.ADMIN)
    MembershipFactory(association=association, user=UserFactory())
    forum_services.thread_create(
        category=site["category"],
        author=resident,
        title="Föreningens tråd",
        text="Text",
        association=association,
    )
    observation_create(
        district=district,
        place="Torget",
        happened_at=timezone.now(),
        kind="vandalism",
        description="Krossat glas.",
        language="sv",
    )
    report_create(
        reporter=UserFactory(), item=site["thread"].posts.first(), reason="spam", text="Reklam"
    )
    for meeting in (
        site["meetings"].get_children().live().first().specific,
        EventPageFactory(parent=site["meetings"], title="Trygghetsvandring"),
    ):
        meeting.districts.set([district])
        meeting.interpretation_languages = ["ar", "so"]
        meeting.save_revision().publish()
    poll = Poll.objects.create(
        question="Vilken tid?", page=meeting, closes_at=timezone.now() + timedelta(days=1)
    )
    poll.districts.set([district])
    poll.save()  # a cluster keeps its many-to-many in memory until saved
    PollOption.objects.create(poll=poll, text="Kväll")
    return site


@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
def test_no_bad_input_gives_a_server_error(world, resident):
    probe = Probe()
    visitor = Client(raise_request_exception=False)
    member = Client(raise_request_exception=False)
    member.force_login(resident)
    # Every language's home page, and every address the URL configuration has without ids.
    homes = [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    starts = ["/", *homes, *_every_route(without_parts=True)]
    staff = UserFactory(display_name="Personal", is_staff=True, is_superuser=True)
    crawls = [
        Crawl(probe, visitor, "visitor", relogin=None).run(starts),
        Crawl(probe, member, "resident", relogin=resident).run(starts),
        Crawl(probe, Client(raise_request_exception=False), "staff", relogin=staff, admin=True).run(
            ["/admin/", *_every_route(admin=True, without_parts=True)]
        ),
    ]
    crawled = {urlsplit(url).path for url in crawls[0].pages}
    for kind, urls in _page_urls_by_type().items():
        assert crawled & urls, f"the crawl reached no {kind.__name__}"
    assert any(form.method == "post" for form in crawls[1].forms.values())

    forms_sent, parameters_sent, pages_sent = set(), set(), set()  # not again in the next crawl
    for crawl in crawls:
        crawl.forms_attack(forms_sent)
        crawl.parameters_attack(parameters_sent, forms_sent)
        crawl.addresses_attack(pages_sent)
        crawl.cookies_and_headers_attack()
        crawl.csrf_attack()

    assert probe.count > 500, probe.count  # what was sent is what this test claims
    assert not probe.failures, f"{len(probe.failures)} server errors:\n" + "\n".join(probe.failures)


class Probe:
    """Sends a request and notes any answer of 500 or more, with what caused it."""

    def __init__(self):
        self.failures = []
        self.count = 0

    def send(self, client, who, method, path, what, **kwargs):
        self.count += 1
        response = getattr(client, method)(path, **kwargs)
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            cause = repr(error[1])[:300] if error else response.content[:200]
            where = _origin(error[2]) if error else ""
            self.failures.append(
                f"- {who}: {method.upper()} {_short(path)} ({what}) -> "
                f"{response.status_code}: {cause}{where}"
            )
        return response


class Crawl:
    def __init__(self, probe, client, who, *, relogin, admin=False):
        self.probe, self.client, self.who, self.relogin = probe, client, who, relogin
        self.admin = admin  # only the admin's screens that the project's own apps make
        if relogin is not None:
            client.force_login(relogin)
        self.pages = []
        self.forms = {}
        self.parameters = {}  # (path, name) -> a URL that carries it

    def send(self, method, path, what, **kwargs):
        return self.probe.send(self.client, self.who, method, path, what, **kwargs)

    def run(self, starts):
        queue, seen = deque(starts), set()
        while queue and len(self.pages) < PAGES_PER_CRAWL:
            url = queue.popleft()
            if url in self.pages or (_shape(url) in seen and url not in starts):
                continue
            seen.add(_shape(url))
            response = self.send("get", url, "crawl")
            self.pages.append(url)
            for name in _known_parameters(url):
                self.parameters.setdefault((urlsplit(url).path, name), url)
            if response.status_code in (301, 302, 303, 307, 308):
                queue.extend(self._same_site([response["Location"]], url))
                continue
            content_type = response.get("Content-Type", "")
            if content_type.startswith("text/html"):
                queue.extend(self._read_html(url, response.content))
            elif "json" in content_type:
                data = json.loads(response.content)
                queue.extend(self._same_site(_strings_in(data), url))
                for name in _item_fields(data):
                    self.parameters.setdefault((urlsplit(url).path, name), url)
        return self

    def _same_site(self, urls, base):
        found = _same_site(urls, base, admin=self.admin)
        if self.admin:
            return [url for url in found if _project_view(url)]
        return found

    def _read_html(self, url, content):
        soup = BeautifulSoup(content, "html.parser")
        hrefs = [tag["href"] for tag in soup.find_all(["a", "link"], href=True)]
        for script in soup.find_all("script", type="application/json"):  # the admin's menu
            hrefs += list(_strings_in(json.loads(script.string or "null")))
        links = self._same_site(hrefs, url)
        for link in links:
            for name in _query_names(link):
                self.parameters.setdefault((urlsplit(link).path, name), link)
        for tag in soup.find_all("form"):
            form = _form_from(tag, url, self._same_site)
            if form is not None:
                self.forms.setdefault(form.key(self.who), form)
                if form.method == "get":
                    links.append(form.action)
        return links

    def _limits_reset(self):
        for cache in caches.all():
            cache.clear()

    def _fresh(self):
        """Each attack starts signed in again (a logout form ends the session) with no rate
        limit counted yet, so that the form's own checks are what answers."""
        self._limits_reset()
        if self.relogin is not None:
            self.client.force_login(self.relogin)

    def forms_attack(self, sent):
        for key, form in self.forms.items():
            if key not in sent:
                sent.add(key)
                self.form_attack(form)

    def form_attack(self, form):
        self._fresh()
        method = form.method
        people_fields = [f for f in form.poisonable() if not f.hidden_from_people]
        for label, value in BAD_VALUES.items():
            data = {**form.untouched(), **{f.name: value for f in people_fields}}
            self._submit(form, data, f"every field: {label}")
        for index, field in enumerate(form.poisonable()):
            if field.kind == "file":
                continue
            value = BY_KIND[field.kind][index % len(BY_KIND[field.kind])]
            data = {**form.untouched(), field.name: value}
            self._submit(form, data, f"{field.name}={_short(value)}")
        broken = "&".join(f"{name}={BROKEN_UTF8}" for name in form.fields)
        raw = urlencode(form.untouched(), doseq=True) + "&" + broken
        if method == "get":
            self.send("get", f"{urlsplit(form.action).path}?{raw}", "broken UTF-8")
        else:
            self.send(
                "post",
                form.action,
                "broken UTF-8",
                data=raw.encode(),
                content_type="application/x-www-form-urlencoded",
            )
        files = [f.name for f in form.fields.values() if f.kind == "file"]
        if files:
            for label, upload in (
                (
                    "a PNG named .pdf",
                    lambda: SimpleUploadedFile("a.pdf", _png(), "application/pdf"),
                ),
                ("text named .jpg", lambda: SimpleUploadedFile("b.jpg", b"hej", "image/jpeg")),
                (
                    "NUL in a file name",
                    lambda: SimpleUploadedFile("c\x00.png", _png(), "image/png"),
                ),
            ):
                data = {**form.untouched(), **{name: upload() for name in files}}
                self._submit(form, data, label)

    def csrf_attack(self):
        """Every form that posts, without its CSRF token."""
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        if self.relogin is not None:
            client.force_login(self.relogin)
        for form in self.forms.values():
            if form.method == "post":
                data = {k: v for k, v in form.untouched().items() if k != "csrfmiddlewaretoken"}
                self.probe.send(client, self.who, "post", form.action, "no CSRF token", data=data)

    def _submit(self, form, data, what):
        path = urlsplit(form.action).path
        if form.method == "get":
            self.send("get", path, what, data=data)
        else:
            self.send("post", form.action, what, data=data)

    def parameters_attack(self, sent, forms_sent):
        """Each query parameter a link carries or an API listing declares, once per address
        whatever the language, unless a GET form on that address sent it already. What every
        parameter meets alike (a NUL byte, broken UTF-8) is sent in all of an address's
        parameters at once; the rest in each."""
        self._fresh()
        for _who, method, (path, _names), fields in forms_sent:
            if method == "get":
                sent |= {(path, name) for name in fields}
        by_address = {}
        for (path, name), url in self.parameters.items():
            if (_shape(path)[0], name) not in sent:
                sent.add((_shape(path)[0], name))
                by_address.setdefault(path, []).append((name, url))
        for path, parameters in by_address.items():
            self._limits_reset()  # the API allows a number of requests a minute
            names = [name for name, _url in parameters]
            for label in ("NUL byte", "odd Unicode"):
                query = urlencode([(name, BAD_VALUES[label]) for name in names])
                self.send("get", f"{path}?{query}", f"every parameter: {label}")
            broken = "&".join(f"{name}={BROKEN_UTF8}" for name in names)
            self.send("get", f"{path}?{broken}", "every parameter: broken UTF-8")
            for name, url in parameters:
                others = [(k, v) for k, v in _query_pairs(url) if k != name]
                for label, value in BAD_VALUES.items():
                    if label not in ("NUL byte", "odd Unicode", "wrong choice"):
                        query = urlencode([*others, (name, value)])
                        self.send("get", f"{path}?{query}", f"?{name}= {label}")

    def addresses_attack(self, sent):
        """Every address the URL configuration knows, and every page crawled (once whoever
        reads it), with odd paths, ids no database holds and broken query strings."""
        self._fresh()
        for path in _every_route(admin=self.admin):
            for method in ("get", "post"):
                self.send(method, path, "route")
        for url in self.pages:
            path = urlsplit(url).path
            if path in sent:
                continue
            sent.add(path)
            if re.search(r"\d", path):
                self.send("get", re.sub(r"\d+", HUGE, path), "ids no database holds")
            self.send("get", path + "%00", "NUL at the end")
            self.send("get", f"{path}?{BROKEN_UTF8}={BROKEN_UTF8}&page={HUGE}&page=-1", "odd query")
        for prefix in ("/admin",) if self.admin else ("", "/en"):
            for odd in ODD_PATHS:
                self.send("get", prefix + odd, "odd path")

    def cookies_and_headers_attack(self):
        self._fresh()
        some = [self.pages[0], *(url for url in self.pages if "?" not in url)][:3]
        post_forms = [f for f in self.forms.values() if f.method == "post"][:2]
        broken = [(f"cookie {_short(c)}", {"HTTP_COOKIE": c}) for c in BROKEN_COOKIES]
        broken += [(f"headers {_short(str(headers))}", headers) for headers in BROKEN_HEADERS]
        for what, extra in broken:
            for url in some:
                self.send("get", url, what, **extra)
            for form in post_forms:
                self.send("post", form.action, what, data=form.untouched(), **extra)
        if self.relogin is not None:
            self.client.force_login(self.relogin)


def _page_urls_by_type():
    urls = {}
    for page in Page.objects.live().public().specific().exclude(depth=1):
        urls.setdefault(type(page), set()).add(page.url)
    return urls


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _form_from(tag, page, same_site):
    method = (tag.get("method") or "get").lower()
    if method not in ("get", "post"):
        return None
    actions = same_site([tag.get("action") or page], page)
    if not actions:
        return None
    fields = {}
    submit = None
    for element in tag.find_all(["input", "select", "textarea", "button"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        kind, sent = _kind_and_value(element)
        if kind == "submit":
            submit = submit or (name, element.get("value", ""))
            continue
        if kind is None:
            continue
        hidden = element.get("tabindex") == "-1" and element.get("autocomplete") == "off"
        if name in fields:
            fields[name].sent.extend(sent)
            if kind == "choice":
                fields[name].kind = "choice"
        else:
            fields[name] = Field(name, kind, sent, hidden)
    if submit and submit[0] not in fields:
        fields[submit[0]] = Field(submit[0], "choice", [submit[1]], False)
    return Form(action=actions[0], method=method, fields=fields)


def _kind_and_value(element):
    if element.name == "textarea":
        return "text", [element.text]
    if element.name == "select":
        options = element.find_all("option")
        chosen = [o for o in options if o.has_attr("selected")] or options[:1]
        return "choice", [o.get("value", o.text) for o in chosen]
    kind = (element.get("type") or ("submit" if element.name == "button" else "text")).lower()
    if kind in ("submit", "image"):
        return "submit", []
    if kind in ("reset", "button"):
        return None, []
    if kind in ("checkbox", "radio"):
        return "choice", [element.get("value", "on")] if element.has_attr("checked") else []
    if kind == "file":
        return "file", []
    if kind == "number" or kind == "range":
        return "number", [element.get("value", "")]
    if kind in DATE_TYPES:
        return "date", [element.get("value", "")]
    return "text", [element.get("value", "")]


def _same_site(urls, base, *, admin=False):
    """Paths with their query strings, for the addresses on this site a crawl should follow."""
    found = []
    base_path = urlsplit(base).path
    for url in urls:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("", "http", "https"):
            continue
        if parts.netloc and parts.hostname not in ("testserver", "localhost", "127.0.0.1"):
            continue
        path = parts.path or base_path
        if not path.startswith("/"):
            path = base_path.rsplit("/", 1)[0] + "/" + path
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            continue
        if path.startswith("/admin/") != admin:
            continue
        found.append(path + (f"?{parts.query}" if parts.query else ""))
    return found


def _shape(url):
    """One crawl per kind of address: ids, page numbers and languages do not make a new
    kind (every language's home page is a start of the crawl)."""
    path = _without_language(urlsplit(url).path)
    return re.sub(r"\d+", "#", path), tuple(sorted(set(_query_names(url))))


def _without_language(path):
    first, _slash, rest = path.lstrip("/").partition("/")
    if first in dict(settings.LANGUAGES):
        return "/" + rest
    return path


def _query_pairs(url):
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def _query_names(url):
    return [name for name, _value in _query_pairs(url)]


def _known_parameters(url):
    """The query parameters an API listing declares (Wagtail's known_query_parameters)."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return []
    if match.url_name != "listing":
        return []
    return sorted(getattr(getattr(match.func, "cls", None), "known_query_parameters", ()))


def _project_view(url):
    """Whether the address is served by a view in one of the project's own apps."""
    try:
        view = resolve(urlsplit(url).path).func
    except Resolver404:
        return False
    module = getattr(view, "view_class", view).__module__
    return module.split(".")[0] in PROJECT_APPS


def _item_fields(data):
    """The fields of an API listing's items, each also a filter (?title=...)."""
    items = data.get("items") if isinstance(data, dict) else None
    if items and isinstance(items[0], dict):
        return [name for name in items[0] if name != "meta"]
    return []


def _strings_in(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings_in(value)
    elif isinstance(data, str) and (data.startswith("/") or data.startswith("http")):
        yield data


SAMPLES = {"int": HUGE, "uuid": "00000000-0000-0000-0000-000000000000", "path": "x/y"}


def _every_route(*, admin=False, without_parts=False):
    """Each address pattern, with each converter given an odd value (or only those without
    any): outside the admin, or the admin's screens that the project's own apps make."""
    paths = set()
    for route, view in _routes(get_resolver().url_patterns, ""):
        if route.startswith("admin/") != admin:
            continue
        if admin and getattr(view, "__module__", "").split(".")[0] not in PROJECT_APPS:
            continue
        parts = re.split(r"<(?:(\w+):)?\w+>", route)
        if without_parts and len(parts) > 1:
            continue
        path = parts[0]
        for converter, literal in zip(parts[1::2], parts[2::2], strict=True):
            path += SAMPLES.get(converter or "str", "x") + literal
        paths.add("/" + path)
    return sorted(paths)


def _routes(patterns, prefix):
    for pattern in patterns:
        route = _route_text(pattern.pattern)
        if route is None:
            continue
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield prefix + route, pattern.callback


def _route_text(pattern):
    """The pattern as a path() route; a regular expression only when it is a plain one."""
    if hasattr(pattern, "_route"):
        return str(pattern._route)
    if hasattr(pattern, "language_prefix"):  # i18n_patterns: the default language has none
        return ""
    regex = pattern._regex.lstrip("^").rstrip("$").replace("\\.", ".")
    regex = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", regex)
    return None if re.search(r"[\\()\[\]*+?|]", regex) else regex


def _short(text):
    text = str(text)
    return text if len(text) <= 90 else f"{text[:60]}…({len(text)} characters)"


def _origin(traceback):
    """Where in the project's code the error was raised, or the last frame there was."""
    place = ""
    while traceback is not None:
        code = traceback.tb_frame.f_code
        ours = code.co_filename.startswith(str(settings.BASE_DIR)) and (
            "-packages" not in code.co_filename
        )
        # Not a database execute wrapper (home.connections): it is on every query's way.
        wrapper = code.co_varnames[:5] == ("execute", "sql", "params", "many", "context")
        if ours and not wrapper:
            where = Path(code.co_filename).relative_to(settings.BASE_DIR)
            place = f" at {where}:{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return place
