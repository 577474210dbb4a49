# Voices: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test test-fast test-db test-browser bench bench-enquiries serve worker tasks-worker lint format chromium pdf-libs clean

$(VENV)/.run-deps: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt $(VENV)/.run-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## run: a fresh machine to the demo site on http://127.0.0.1:$(PORT) (SQLite, dev settings)
run: $(VENV)/.run-deps pdf-libs
	$(PY) manage.py createcachetable
	$(PY) manage.py migrate --noinput -v0
	PORT=$(PORT) $(PY) manage.py load_demo
	@echo ""
	@echo "  Voices (demo site)  http://127.0.0.1:$(PORT)/"
	@echo "  Admin               http://127.0.0.1:$(PORT)/admin/"
	@echo "  Emails it sent      http://127.0.0.1:$(PORT)/dev/mail/"
	@echo "  Demo accounts (README) all use the password: $$(PORT=$(PORT) $(PY) manage.py shell -v0 -c 'from django.conf import settings; print(settings.DEMO_PASSWORD)')"
	@echo ""
	PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Test processes for the parallel pass (pytest-xdist): one per CPU unless set.
TEST_WORKERS ?= auto
# Each pass after the first may find nothing to run when PYTEST_ARGS names a few tests;
# pytest says so with exit code 5, which is not a failure here.
ALLOW_EMPTY := || [ $$? -eq 5 ]

## test: the whole suite: most of it in parallel, then the transactional tests (they empty
## the database after them) in one process, then the browser journeys in their own run
## (Playwright keeps an event loop open, which Django's ORM refuses to share), also in
## parallel: each worker runs its own demo site and Chromium
test: $(VENV)/.dev-deps chromium pdf-libs
	$(PY) -m pytest -m "not browser and not serial" -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS) $(ALLOW_EMPTY)
	$(PY) -m pytest -m "serial and not browser" $(PYTEST_ARGS) $(ALLOW_EMPTY)
	$(PY) -m pytest -m browser -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS) $(ALLOW_EMPTY)

## test-fast: everything but the browser journeys
test-fast: $(VENV)/.dev-deps pdf-libs
	$(PY) -m pytest -m "not browser and not serial" -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS) $(ALLOW_EMPTY)
	$(PY) -m pytest -m "serial and not browser" $(PYTEST_ARGS) $(ALLOW_EMPTY)

## test-db: what depends on the database engine (CI's PostgreSQL pass)
test-db: $(VENV)/.dev-deps pdf-libs
	$(PY) -m pytest -m "not browser and not isolated and not serial" -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS) $(ALLOW_EMPTY)
	$(PY) -m pytest -m "serial and not browser and not isolated" $(PYTEST_ARGS) $(ALLOW_EMPTY)

## test-browser: only the Chromium journeys
test-browser: $(VENV)/.dev-deps chromium
	$(PY) -m pytest tests/browser -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

## chromium: Debian's Chromium for the browser journeys (never a downloaded browser)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "Browser tests need Debian's chromium package: sudo apt-get install chromium"; exit 1; \
	  fi; }

## pdf-libs: the system's Pango and a font, which WeasyPrint draws PDFs with (website/pdf.py);
## without them the site runs and offers the browser's "Save as PDF" instead
pdf-libs:
	@{ ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libpangoft2-1.0.so.0' || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else \
	    echo "PDFs need Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
	  fi; }

## serve: production settings under gunicorn, with the email outbox and task workers beside it
serve: $(VENV)/.run-deps pdf-libs
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py createcachetable
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py run_outbox_worker & \
	  worker=$$!; \
	  DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py db_worker & \
	  tasks=$$!; trap 'kill $$worker $$tasks' EXIT INT TERM; \
	  DJANGO_SETTINGS_MODULE=website.settings.production $(VENV)/bin/gunicorn website.wsgi \
	    --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

## worker: only the email outbox worker (production runs this as its own process)
worker: $(VENV)/.run-deps
	$(PY) manage.py run_outbox_worker

## tasks-worker: only the background task worker, Wagtail's search index, usage records and
## file clean-up (production runs this as its own process; dev settings run tasks at once)
tasks-worker: $(VENV)/.run-deps
	$(PY) manage.py db_worker

## bench: throughput of every kind of page against a static file (gunicorn, 127.0.0.1 only)
bench: $(VENV)/.run-deps
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; \
	  else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }
	$(PY) scripts/bench.py $(BENCH_ARGS)

## profile: where the time goes in one page (PAGE=/news/, PROFILE_ARGS=--member), page cache off
PAGE ?= /
profile: $(VENV)/.run-deps
	$(PY) scripts/profile_page.py "$(PAGE)" $(PROFILE_ARGS)

## audit: Lighthouse scores (mobile, desktop) for home, an article, /enquire/ and /opportunities/
.PHONY: audit
audit: $(VENV)/.run-deps chromium
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm; \
	  else echo "make audit needs Node and npm: sudo apt-get install nodejs npm"; exit 1; fi; }
	cd scripts/audit && npm ci --no-audit --no-fund --silent
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) scripts/audit.py

## bench-enquiries: 200 enquiries from 10 clients with SMTP down, then delivery (DATABASE_URL=postgres://… recommended)
bench-enquiries: $(VENV)/.run-deps
	$(PY) scripts/enquiry_load.py $(ENQUIRY_LOAD_ARGS)

## Reliability drills (docs/reliability.md): on demand, 127.0.0.1 only, bounded, PASS/FAIL
.PHONY: fault-smtp fault-db fault-disk fault-restore fault-two-servers drill-postgres drill-redis
DRILL_ARGS ?=

drill-postgres:
	@{ command -v pg_createcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; \
	  else echo "The drills need Debian's postgresql package: sudo apt-get install postgresql"; exit 1; fi; }

drill-redis:
	@command -v redis-server >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server; \
	  else echo "make fault-two-servers needs Debian's redis-server: sudo apt-get install redis-server"; exit 1; fi; }

## fault-smtp: SMTP that accepts and never answers, under enquiry load; then delivery once (RL-2)
fault-smtp: $(VENV)/.dev-deps
	$(PY) -m scripts.drills.fault_smtp $(DRILL_ARGS)

## fault-db: PostgreSQL stopped and started mid-load; nothing acknowledged is lost (RL-6, RL-7)
fault-db: $(VENV)/.dev-deps drill-postgres
	$(PY) -m scripts.drills.fault_db $(DRILL_ARGS)

## fault-disk: a full tmpfs as MEDIA_ROOT; uploads fail cleanly, retry works (RL-8, UP-5)
fault-disk: $(VENV)/.dev-deps
	$(PY) -m scripts.drills.fault_disk $(DRILL_ARGS)

## fault-restore: pg_dump plus media into a fresh cluster, smoke checks, restore time (RL-11)
fault-restore: $(VENV)/.dev-deps drill-postgres
	$(PY) -m scripts.drills.fault_restore $(DRILL_ARGS)

## fault-two-servers: two gunicorns share PostgreSQL and Redis; limits and sessions hold
fault-two-servers: $(VENV)/.dev-deps drill-postgres drill-redis
	$(PY) -m scripts.drills.fault_two_servers $(DRILL_ARGS)

## load: locust baseline, 30 users for LOAD_SECONDS (default 600), budgets checked (RL-9)
.PHONY: load
LOAD_SECONDS ?= 600
LOAD_ARGS ?=

$(VENV)/.load-deps: requirements.txt requirements-load.txt $(VENV)/.run-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-load.txt
	@touch $@

load: $(VENV)/.load-deps drill-postgres
	LOAD_SECONDS=$(LOAD_SECONDS) $(PY) -m scripts.load.baseline $(LOAD_ARGS)

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf staticfiles test-screenshots bench-results
