# The command index: `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SERVE_SETTINGS ?= torget.settings.production
MANAGE := $(BIN)/python manage.py
# Extra pytest arguments for the test targets, e.g. PYTEST_ARGS='-k registration -n0'.
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install install-dev browser run serve test test-fast test-browser test-postgres \
        lint format check messages compilemessages migrate demo periodic clean \
        serve-check deploy-check bench bench-first bench-postgres bench-wrk redis test-cluster backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed compilemessages ## Install the project into .venv

install-dev: $(VENV)/.installed-dev compilemessages ## Install the project with test and lint tools

browser: ## Install Debian's Chromium for the browser tests when it is missing
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Install Chromium as /usr/bin/chromium to run the browser tests."; exit 1; fi

compilemessages: $(VENV)/.installed ## Compile the translations (.po to .mo)
	@$(MANAGE) compilemessages --ignore ".venv" --ignore "staticfiles" --verbosity 0

# Every language of LANGUAGES in site/settings/base.py.
LOCALES = $(shell $(BIN)/python -c "from torget.settings.dev import LANGUAGES; print(' '.join('--locale ' + code for code, _ in LANGUAGES))")

messages: $(VENV)/.installed ## Extract new strings into every language's .po file (and Django's and allauth's for languages they lack)
	$(MANAGE) makemessages $(LOCALES) --ignore ".venv/*" --ignore "staticfiles/*" --no-obsolete
	$(MANAGE) thirdparty_messages

migrate: install ## Apply database migrations
	$(MANAGE) migrate --verbosity 0

demo: migrate ## Load the demo content (again)
	$(MANAGE) seed_demo

backup: install ## Back up the database and uploaded files to var/backups/<time>/ (the newest 14 are kept)
	$(MANAGE) backup

restore: install ## Restore BACKUP=var/backups/<time> into an empty database, and its uploaded files
	@test -n "$(BACKUP)" || { echo "Say which: make restore BACKUP=var/backups/<time>"; exit 1; }
	$(MANAGE) restore "$(BACKUP)"

periodic: migrate ## Publish what is scheduled, send queued emails, reminders and forum news; purge old personal data (cron does this)
	$(MANAGE) publish_scheduled
	$(MANAGE) send_queued_emails
	$(MANAGE) send_meeting_reminders
	$(MANAGE) send_forum_notifications
	$(MANAGE) purge_personal_data

run: migrate ## Install, migrate, load the demo when empty, serve on 127.0.0.1:$(PORT)
	$(MANAGE) seed_demo --if-empty
	$(MANAGE) runserver 127.0.0.1:$(PORT)

serve: install ## A local production-like run: gunicorn, hashed static files, DEBUG off
	@mkdir -p var
	@test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) DJANGO_SECRET_KEY="$$(cat var/secret_key)" \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} DJANGO_SECURE_SSL_REDIRECT=false \
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) TORGET_REQUIRE_STAFF_MFA=$${TORGET_REQUIRE_STAFF_MFA:-true} \
	MALLOC_ARENA_MAX=$${MALLOC_ARENA_MAX:-2} bash -c '$(MANAGE) collectstatic --noinput --verbosity 0 && $(MANAGE) createcachetable && \
	$(MANAGE) migrate --verbosity 0 && exec $(BIN)/gunicorn torget.wsgi --bind 127.0.0.1:$(PORT) \
	--workers $${GUNICORN_WORKERS:-2} --threads $${GUNICORN_THREADS:-1}'

bench-wrk: ## Install Debian's wrk (the load generator of make bench) when it is missing
	@{ command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "Install wrk (apt-get install wrk)."; exit 1; }

serve-check: install ## Boot `make serve` on a fresh database; fetch a page and a static file
	bash deploy/serve-check.sh

deploy-check: install ## Check deploy/: nginx -t on the site, systemd units verify, check --deploy
	bash deploy/check.sh

bench: install ## Load every public page on demo and large data; compare with the floor (minutes)
	@command -v wrk >/dev/null || $(MAKE) --no-print-directory bench-wrk
	$(BIN)/python -m bench.run

bench-first: install ## The first view of every demo page in every language, timed (goal: under 0.5 s each)
	$(BIN)/python -m bench.first_views

bench-postgres: install ## make bench on a throwaway PostgreSQL cluster on 127.0.0.1
	@command -v wrk >/dev/null || $(MAKE) --no-print-directory bench-wrk
	bash .ci/postgres.sh $(BIN)/python -m bench.run

test: install-dev browser ## The whole suite: unit, integration, browser and accessibility tests
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: install-dev ## The suite without the browser tests
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

test-browser: install-dev browser ## Only the browser and accessibility tests
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

test-postgres: install-dev browser ## The whole suite on a throwaway PostgreSQL cluster
	bash .ci/postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

redis: ## Install Debian's redis-server (for make test-cluster) when it is missing
	@if command -v redis-server >/dev/null; then exit 0; fi; \
	if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	else echo "Install Redis (apt-get install redis-server) to run the cluster tests."; exit 1; fi

test-cluster: install-dev redis ## Two app servers, PostgreSQL, Redis, the worker and a mail server; faults survived (minutes)
	TORGET_CLUSTER=1 bash .ci/postgres.sh $(BIN)/pytest tests/cluster -n0 $(PYTEST_ARGS)

lint: install-dev ## Ruff (check and format), Django's checks, migrations up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=torget.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=torget.settings.test $(MANAGE) makemigrations --check --dry-run

format: install-dev ## Format and fix the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtualenv, caches and collected static files (keeps the database)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
