# Voices: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-fast test-db test-browser bench bench-enquiries serve worker lint format chromium clean

$(VENV)/.run-deps: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt $(VENV)/.run-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## run: a fresh machine to the demo site on http://127.0.0.1:$(PORT) (SQLite, dev settings)
run: $(VENV)/.run-deps
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo
	@echo "Voices is at http://127.0.0.1:$(PORT)/ (demo password: see README)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## test: the whole suite, browser journeys included
test: $(VENV)/.dev-deps chromium
	$(PY) -m pytest $(PYTEST_ARGS)

## test-fast: everything but the browser journeys
test-fast: $(VENV)/.dev-deps
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

## test-db: what depends on the database engine (CI's PostgreSQL pass)
test-db: $(VENV)/.dev-deps
	$(PY) -m pytest -m "not browser and not isolated" $(PYTEST_ARGS)

## test-browser: only the Chromium journeys
test-browser: $(VENV)/.dev-deps chromium
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

## chromium: Debian's Chromium for the browser journeys (never a downloaded browser)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "Browser tests need Debian's chromium package: sudo apt-get install chromium"; exit 1; \
	  fi; }

## serve: production settings under gunicorn, with the email outbox worker beside it
serve: $(VENV)/.run-deps
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py createcachetable
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py run_outbox_worker & \
	  worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
	  DJANGO_SETTINGS_MODULE=website.settings.production $(VENV)/bin/gunicorn website.wsgi \
	    --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

## worker: only the email outbox worker (production runs this as its own process)
worker: $(VENV)/.run-deps
	$(PY) manage.py run_outbox_worker

## bench: throughput of every kind of page against a static file (gunicorn, 127.0.0.1 only)
bench: $(VENV)/.run-deps
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; \
	  else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }
	$(PY) scripts/bench.py $(BENCH_ARGS)

## bench-enquiries: 200 enquiries from 10 clients with SMTP down, then delivery (DATABASE_URL=postgres://… recommended)
bench-enquiries: $(VENV)/.run-deps
	$(PY) scripts/enquiry_load.py $(ENQUIRY_LOAD_ARGS)

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf staticfiles test-screenshots bench-results
