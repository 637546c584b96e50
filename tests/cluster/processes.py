"""What make test-cluster starts beside the PostgreSQL cluster of .ci/postgres.sh, on 127.0.0.1
and free ports: Redis, a mail server that keeps every message it receives, two app servers
(gunicorn with the production settings) and the task worker. Every process runs in its own
process group and is stopped by its id, however the tests end."""

import asyncio
import email
import email.policy
import json
import os
import secrets
import signal
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from aiosmtpd.controller import Controller

from bench.processes import PYTHON, ROOT, database_fresh, free_port

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def wait_for(condition, seconds=30, message="waited in vain"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


class Process:
    """A command in its own process group, its output in a log file. With `restart`, it is
    started again a second after it ends unasked, as systemd does with Restart=always
    (deploy/systemd/torget-worker.service)."""

    def __init__(self, name, command, env, log_folder, restart=False):
        self.name, self.command, self.env = name, command, env
        self.log_path = Path(log_folder) / f"{name}.log"
        self.process = None
        self.restart = restart
        self.restarts = 0  # how often it ended unasked and was started again
        self.stopping = False
        self.lock = threading.Lock()
        self.watcher = None

    def start(self):
        with self.lock:
            self.stopping = False
            self._spawn()
        if self.restart and self.watcher is None:
            self.watcher = threading.Thread(target=self._watch, daemon=True)
            self.watcher.start()

    def _spawn(self):
        self.log = open(self.log_path, "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _watch(self):
        while True:
            time.sleep(1)
            with self.lock:
                if not self.stopping and self.process.poll() is not None:
                    self.log.close()
                    self.restarts += 1
                    self._spawn()

    def running(self):
        return self.process is not None and self.process.poll() is None

    def send(self, number):
        os.killpg(self.process.pid, number)

    def stop(self):
        with self.lock:
            self.stopping = True
            if self.process is None or self.process.poll() is not None:
                return
            try:
                os.killpg(self.process.pid, signal.SIGCONT)  # a frozen process hears no SIGTERM
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
            except ProcessLookupError:
                pass
            self.log.close()

    def kill(self):
        """SIGKILL, as the kernel's out-of-memory killer would: it ends unasked."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def output(self):
        return self.log_path.read_text()


class Redis(Process):
    """Debian's redis-server, configured as a cache: nothing is written to disk, so a restart
    starts empty (deploy/README.md)."""

    def __init__(self, env, log_folder):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(log_folder)]
        super().__init__("redis", command, env, log_folder)

    def start(self):
        super().start()
        wait_for(self.answers, message="redis-server did not start")

    def answers(self):
        try:
            import redis

            return redis.Redis.from_url(self.url, socket_timeout=0.5).ping()
        except Exception:
            return False

    def freeze(self):
        """Redis stops answering but keeps what it holds: a network partition."""
        self.send(signal.SIGSTOP)

    def thaw(self):
        self.send(signal.SIGCONT)


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    message_id: str
    body: str


class MailServer:
    """A real SMTP server (aiosmtpd) that keeps every message it accepts. `hold_at(n)` makes it
    wait before accepting the n-th message, so a test can kill the sender in the middle; a
    message whose sender is gone by then is not accepted (no 250 could reach it)."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self.lock = threading.Lock()
        self._hold_at = None
        self.holding = threading.Event()
        self.release = threading.Event()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        with self.lock:
            arriving = len(self.messages) + 1
        if self._hold_at == arriving:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            if server.transport is None or server.transport.is_closing():
                return "451 the sender went away"
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        # Read once, here: parsing headers on every look would starve this server's thread.
        mail = Mail(
            to=str(parsed["To"]),
            # A long encoded subject is folded onto a line of its own; mail programs show it
            # without the fold's space, and so does this.
            subject=str(parsed["Subject"]).strip(),
            message_id=str(parsed["Message-ID"]),
            body=parsed.get_body(("plain",)).get_content(),
        )
        with self.lock:
            self.messages.append(mail)
        return "250 Message accepted for delivery"

    def hold_at(self, number):
        self._hold_at = number
        self.holding.clear()
        self.release.clear()

    def let_go(self):
        self._hold_at = None
        self.release.set()

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.let_go()
            self.controller.stop()
            self.controller = None

    def received(self):
        with self.lock:
            return list(self.messages)

    def to(self, address):
        return [mail for mail in self.received() if mail.to == address]

    def message_ids(self):
        return [mail.message_id for mail in self.received()]


class AppServer(Process):
    """One machine's gunicorn with the production settings; one process of threads, so what
    the process saw of Redis is what the server saw."""

    def __init__(self, name, env, log_folder):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [GUNICORN, "torget.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", "1", "--threads", "8", "--graceful-timeout", "5"]
        super().__init__(name, command, env, log_folder)

    def start(self):
        super().start()

        def answers():
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:  # noqa: S310
                    return response.status == 200
            except OSError:
                return False

        wait_for(answers, seconds=60, message=f"{self.name} did not start: {self.output()}")


class Postgres:
    """The cluster .ci/postgres.sh started (it tells where in the environment)."""

    def __init__(self):
        self.bin = os.environ["TORGET_POSTGRES_BIN"]
        self.data = os.environ["TORGET_POSTGRES_DATA"]
        owner = os.environ.get("TORGET_POSTGRES_OWNER", "")
        self.as_owner = ["runuser", "-u", owner, "--"] if owner else []

    def restart(self):
        """A fast restart: connections are cut, what was committed stays. (The server's output
        goes to its log: a pipe held by the new server would never close.)"""
        log = str(Path(self.data).parent / "server.log")
        subprocess.run(
            [*self.as_owner, f"{self.bin}/pg_ctl", "-D", self.data, "-l", log, "-m", "fast"]
            + ["-w", "restart"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


class Cluster:
    """Two machines' worth of Torget on one: everything above, and the database with the demo."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.postgres = Postgres()
        self.redis = Redis(dict(os.environ), self.folder)
        self.mail = MailServer()
        self.env = self._environment()
        self.a = AppServer("server-a", self.env, self.folder)
        self.b = AppServer("server-b", self.env, self.folder)
        self.env["WAGTAILADMIN_BASE_URL"] = self.a.base  # links in emails lead to server A
        self.worker = Process(
            "worker",
            [PYTHON, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
            self.env,
            self.folder,
            restart=True,
        )

    def _environment(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "torget.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
            # Staff sign in with a password alone here: the admin is driven without an app.
            "TORGET_REQUIRE_STAFF_MFA": "false",
            "REDIS_URL": self.redis.url,
            "TASKS_BACKEND": "database",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.mail.port),
            "EMAIL_TIMEOUT": "3",
            "TORGET_EMAIL_CLAIM_SECONDS": "8",
            # The servers stand behind a proxy that names each visitor's address.
            "TORGET_TRUSTED_PROXY_HEADER": "HTTP_X_FORWARDED_FOR",
        }

    def start(self):
        self.redis.start()
        self.mail.start()
        database_fresh({**self.env, "DJANGO_SETTINGS_MODULE": "torget.settings.bench"})
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.a.start()
        self.b.start()
        self.worker.start()

    def stop(self):
        for part in (self.worker, self.b, self.a, self.redis, self.mail):
            try:
                part.stop()
            except Exception as error:  # stop the others whatever one does
                print(f"stopping {part}: {error}")

    def manage(self, *args):
        return self.manage_with(self.env, *args)

    def manage_with(self, env, *args):
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)}: {result.stderr}"
        return result.stdout

    def django(self, code):
        """Runs `code` in `manage.py shell` as the servers are configured; returns what it
        printed last, read as JSON."""
        output = self.manage("shell", "-c", code)
        return json.loads(output.strip().splitlines()[-1])
