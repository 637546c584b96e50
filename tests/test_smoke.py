import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"database: ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_every_page_carries_the_security_headers(client, site_tree):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_an_anonymous_visit_writes_nothing_and_gets_no_cookie(client, site_tree):
    for url in ("/", "/stadsdelar/fittja/", "/en/", "/sok/?q=Fittja"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        writes = [
            query["sql"]
            for query in queries
            if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert response.status_code == 200
        assert writes == [], url
        assert not response.cookies, url
    from accounts.models import Session

    assert not Session.objects.exists()


def test_the_only_cookie_on_a_form_page_is_the_csrf_cookie(client, site_tree):
    response = client.get("/konto/login/")
    assert set(response.cookies) == {"csrftoken"}


def test_an_unknown_address_gets_the_sites_own_404_page(client, site_tree):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Vi hittar inte sidan" in content
    assert "Ring 112" in content


def test_the_500_page_renders_without_a_request_context(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.content.decode()


@pytest.mark.skipif("sqlite" not in settings.DATABASES["default"]["ENGINE"], reason="SQLite only")
def test_sqlite_lets_concurrent_writers_wait_instead_of_failing():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_production_settings_pass_the_deployment_checks(tmp_path):
    # The browser tests allow async-unsafe calls in this process; production never does.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "torget.settings.production",
        "DJANGO_SECRET_KEY": "x" * 64 + "-production-like-secret-for-the-check",
        "DJANGO_ALLOWED_HOSTS": "torget.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "torget.settings.production"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_sqlite_writers_wait_in_line_for_the_one_before_them(tmp_path):
    import threading
    import time

    from home.sqlite.base import DatabaseWrapper

    def connection():
        return DatabaseWrapper(
            {
                **settings.DATABASES["default"],
                "NAME": str(tmp_path / "line.sqlite3"),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            }
        )

    setup = connection()
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE line (who TEXT)")
    setup.close()
    order, first_inside = [], threading.Event()

    def write(who, hold):
        db = connection()
        db.ensure_connection()
        db._start_transaction_under_autocommit()  # what atomic() does on SQLite
        if hold:
            first_inside.set()
            time.sleep(0.2)
        with db.cursor() as cursor:
            cursor.execute("INSERT INTO line VALUES (%s)", [who])
        order.append(who)
        db.commit()
        db.close()

    first = threading.Thread(target=write, args=("first", True))
    first.start()
    first_inside.wait()
    started = time.monotonic()
    write("second", False)
    first.join()
    assert order == ["first", "second"]
    assert time.monotonic() - started >= 0.1  # it waited for the first to commit
    assert (tmp_path / "line.sqlite3.writers").exists()


def test_emails_sent_under_make_run_on_another_port_link_to_that_port(
    meeting_page, monkeypatch, django_capture_on_commit_callbacks, mailoutbox
):
    import runpy

    from django.test import override_settings

    from events import services

    # `PORT=8123 make run` hands PORT to runserver's environment, where dev settings read it.
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    monkeypatch.setenv("PORT", "8123")
    dev = runpy.run_module("torget.settings.dev")
    with (
        override_settings(WAGTAILADMIN_BASE_URL=dev["WAGTAILADMIN_BASE_URL"]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.registration_create(
            page=meeting_page,
            name="Amina Yusuf",
            email="amina@example.org",
            language="sv",
            companions=0,
            consent=True,
        )

    assert "http://127.0.0.1:8123/anmalan/" in mailoutbox[0].body
    assert ":8000" not in mailoutbox[0].body
