"""A visitor as far as the servers can tell: a browser that keeps its cookies (by hand: the
production cookies are marked Secure and the cluster speaks plain HTTP behind its imagined
proxy), sends forms with their CSRF token, and comes from its own address, which the proxy
names in X-Forwarded-For."""

import html
import http.client
import re
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie

from accounts.demo import DEMO_PASSWORD

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="(\w+)"')


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def location(self):
        return self.headers.get("Location", "")


class Visitor:
    def __init__(self, address="198.51.100.1"):
        self.address = address
        self.cookies = {}
        self.forms = {}  # the CSRF token of the last page each address showed

    def request(self, server, method, path, data=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
        headers = {"X-Forwarded-For": self.address, "Accept-Language": "sv"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = server.base + path
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        token = CSRF_FIELD.search(text)
        if token:
            self.forms[path.split("?")[0]] = token[1]
        return Response(response.status, response.headers, text)

    def get(self, server, path, **kwargs):
        return self.request(server, "GET", path, **kwargs)

    def post(self, server, path, data, *, form_on=None, **kwargs):
        """Posts `data` with the CSRF token of the form last seen on `form_on` (default: the
        page posted to)."""
        token = self.forms[(form_on or path).split("?")[0]]
        return self.request(
            server, "POST", path, data={"csrfmiddlewaretoken": token, **data}, **kwargs
        )

    def log_in(self, server, email_address, password=DEMO_PASSWORD):
        self.get(server, "/konto/login/")
        response = self.post(
            server, "/konto/login/", {"login": email_address, "password": password}
        )
        assert response.status == 302, f"could not log in as {email_address}: {response.text}"
        return response


def text_of(page: str) -> str:
    """A page's words without its tags, as a screen reader would read them in a row."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
