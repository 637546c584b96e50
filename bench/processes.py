"""What make bench starts and drives: the environment and database it runs on, manage.py, the
server (make serve with the bench settings) and wrk."""

import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))


def environment(database_url):
    # The key `make serve` keeps, so that links signed here open there.
    secret = ROOT / "var" / "secret_key"
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)
    if not secret.exists():
        secret.write_text(secrets.token_urlsafe(50))
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": secret.read_text().strip(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "TORGET_REQUIRE_STAFF_MFA": "false",
        "TORGET_CONTENT_VERSION_FILE": str(ROOT / "var" / "bench" / "content-version"),
        # The storm comes from one address; the rate limit is not what is measured.
        "TORGET_GUEST_REGISTRATIONS_PER_HOUR": "100000",
        "TORGET_API_REQUESTS_PER_MINUTE": "100000000",
        "DJANGO_LOG_LEVEL": "WARNING",
        # As deployed (deploy/env.example): emails are queued for the task worker.
        "TASKS_BACKEND": "database",
    }


def manage(env, *args, settings="torget.settings.bench", capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": settings},
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout


def database_fresh(env):
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        server, name = url.split("?")[0].rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if not found.fetchone():
                admin.execute(f'CREATE DATABASE "{name}"')
        code = "from django.db import connection\nwith connection.cursor() as c:\n"
        code += "    c.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public;')"
        manage(env, "shell", "-c", code)
    # The cache table first: migrating writes pages (every language's aliases), which the
    # page cache hears of.
    manage(env, "createcachetable")
    manage(env, "migrate", "--verbosity", "0")
    # The demo refuses to run with DEBUG off (it makes accounts with a known password). Its
    # tasks (search and reference index updates for every page) run as it goes, not in a queue.
    seeding = {**env, "DJANGO_DEBUG": "true", "TASKS_BACKEND": ""}
    manage(seeding, "seed_demo", settings="torget.settings.dev")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`make serve` with the bench settings, in its own process group."""

    def __init__(self, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(ROOT / "var" / "bench" / "serve.log", "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={self.port}"],
            cwd=ROOT,
            env={**env, "SERVE_SETTINGS": "torget.settings.bench"},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for _ in range(240):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)  # noqa: S310
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("make serve did not start; see var/bench/serve.log")

    def worker_memory_mb(self):
        """Resident memory of each gunicorn worker (the master's children)."""
        found = subprocess.run(
            ["pgrep", "-f", f"gunicorn torget.wsgi --bind 127.0.0.1:{self.port}"],
            capture_output=True,
            text=True,
        ).stdout.split()
        sizes = []
        for pid in found:
            status = Path(f"/proc/{pid}/status")
            if not status.exists():
                continue
            text = status.read_text()
            parent = int(re.search(r"PPid:\s+(\d+)", text)[1])
            if str(parent) in found:  # a worker, not the master
                sizes.append(int(re.search(r"VmRSS:\s+(\d+)", text)[1]) / 1024)
        return [round(size, 1) for size in sizes]

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def wrk(url, cookie=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def millis(label):
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50_ms": millis("50%"),
        "p99_ms": millis("99%"),
        "errors": int(errors[1]) if errors else 0,
    }
