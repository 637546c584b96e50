"""A real OpenID Connect provider for the tests (django-oauth-toolkit), standing in for an
e-identification broker: its own small project, database and signing key, run on 127.0.0.1 by
`start_provider`. A person logs in with their personal identity number as user name; a few
people get ID tokens that are wrong on purpose (see `validator.TAMPERED`)."""

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import requests

CLIENT_ID = "torget"
CLIENT_SECRET = "torget-hemlighet"
PASSWORD = "provider-losen"
PERSON_CLAIM = "personal_number"
# People the provider knows: the personal identity number, and what is wrong with their token.
PEOPLE = {
    "199001011234": "",
    "198502023456": "",
    "197703030001": "wrong-signature",
    "197703030002": "wrong-audience",
    "197703030003": "wrong-nonce",
    "197703030004": "expired",
}
CALLBACKS = [
    "http://testserver/konto/oidc/eid/login/callback/",
    # Any port on the loopback address (RFC 8252): the live server's.
    "http://127.0.0.1/konto/oidc/eid/login/callback/",
    "http://localhost/konto/oidc/eid/login/callback/",
]


@dataclass
class Provider:
    url: str  # the issuer
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def start_provider(folder: Path) -> Provider:
    """Start the provider in a process of its own and wait until it answers discovery."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = Path(__file__).resolve().parents[2]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DATABASE": str(folder / "provider.sqlite3"),
        "PYTHONPATH": str(root),
    }
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
        cwd=root,
        env=environment,
    )
    issuer = f"http://127.0.0.1:{port}/o"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the test OpenID Connect provider stopped at start")
        try:
            with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration", timeout=2):  # noqa: S310
                return Provider(url=issuer, process=process)
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the test OpenID Connect provider did not answer in 60 seconds")


def identify(authorize_url: str, person: str, *, approve: bool = True) -> str:
    """What a person does at the provider, over HTTP: log in with their number, then approve
    (or cancel). Returns the address the provider sends them back to."""
    with requests.Session() as browser:
        page = browser.get(authorize_url, timeout=10)  # to the login page, then back
        login = {**_hidden_fields(page.text), "username": person, "password": PASSWORD}
        page = browser.post(page.url, data=login, timeout=10)
        consent = _hidden_fields(page.text)
        if approve:
            consent["allow"] = "Authorize"
        answer = browser.post(page.url, data=consent, allow_redirects=False, timeout=10)
    return answer.headers["Location"]


def _hidden_fields(page: str) -> dict:
    found = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}
