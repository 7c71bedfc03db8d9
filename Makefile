# HipMob: `make run` serves the app with demo data; `make test` runs the whole suite.
# Both set everything up on a fresh machine with Python 3.11+ and are safe to repeat.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Development values for `make run` only; production sets its own (see README).
# Push uses development VAPID keys made once into VAPID_DEV_ENV (gitignored).
VAPID_DEV_ENV := .vapid-dev.env
RUN_ENV := DEBUG=1 CLINIC_NAME="$${CLINIC_NAME:-HipMob Demo Clinic}" CLINIC_PHONE="$${CLINIC_PHONE:-01632 960000}" CLINIC_HOURS="$${CLINIC_HOURS:-Monday to Friday, 9am to 5pm}" SECRET_KEY=$${SECRET_KEY:-django-insecure-make-run-only} SITE_URL=http://$(HOST):$(PORT) \
	VAPID_PUBLIC_KEY=$${VAPID_PUBLIC_KEY:-$$(sed -n 's/^VAPID_PUBLIC_KEY=//p' $(VAPID_DEV_ENV) 2>/dev/null)} \
	VAPID_PRIVATE_KEY=$${VAPID_PRIVATE_KEY:-$$(sed -n 's/^VAPID_PRIVATE_KEY=//p' $(VAPID_DEV_ENV) 2>/dev/null)}

.PHONY: run test install lint format check-deploy clean help demo-code

help:
	@echo "make run    - set up, migrate, load demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test   - set up, then run ruff and the whole pytest suite"
	@echo "make check-deploy - Django's deployment checks with production settings"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "HipMob needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1). Try: make PYTHON=python3.12 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,postgres,server]"
	@touch $(STAMP)

install: $(STAMP)

# A development key pair for push notifications, made once (docs/deployment.md).
$(VAPID_DEV_ENV): | $(STAMP)
	DEBUG=1 SECRET_KEY=make-run-only $(BIN)/python manage.py vapid_keys > $@.tmp
	mv $@.tmp $@

run: install $(VAPID_DEV_ENV)
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  HipMob is starting on http://$(HOST):$(PORT)/"
	@echo "  Staff: sign in at http://$(HOST):$(PORT)/sign-in/ as demo-clinician or demo-admin,"
	@echo "  password hipmob-demo, then a code from an authenticator app:"
	@echo "  run 'make demo-code' in another terminal to see the current one."
	@echo "  Patients have no password. Open this one-time link (on a phone, too) to sign in"
	@echo "  as demo-patient:  $$($(RUN_ENV) $(BIN)/python manage.py issue_link demo-patient)"
	@echo "  (Ctrl+C stops the server)"
	@echo ""
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Stands in for an authenticator app for the demo staff accounts (DEBUG only).
demo-code: install
	@$(RUN_ENV) $(BIN)/python manage.py demo_code

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# Security linter: any medium or high finding fails the build.
	$(BIN)/bandit --quiet --severity-level medium --recursive hipmob accounts exercises routines safety practice progression learn reminders patient clinic \
		--exclude '*/migrations/*'

# The local OpenID Connect provider the SSO tests sign in at (tests/oidc; Node 20+).
# Without npm the SSO tests say so, and fail under HIPMOB_REQUIRE_BROWSER=1 (CI).
OIDC_STAMP := tests/oidc/node_modules/.installed
$(OIDC_STAMP): tests/oidc/package.json tests/oidc/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/oidc --prefer-offline --no-audit --no-fund && touch $@; \
	else echo "npm not found: the SSO tests cannot run (apt-get install nodejs npm)"; fi

test: lint $(OIDC_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# What `check --deploy` sees with only the two required variables set.
check-deploy: install
	env -i PATH="$$PATH" \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=hipmob.example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .coverage htmlcov

# --- Load and fault test (not part of `make test`; see docs/reliability.md) ----------
# `make load` drives PATIENTS simulated patients through whole sessions against gunicorn
# on PostgreSQL while a worker is SIGKILLed and PostgreSQL restarts; `make load
# SERVERS=2` puts two gunicorns behind nginx and kills one; FAULTS=none skips the
# server faults. LOAD_DATABASE_URL names the local server; the run makes and drops its
# own database there.
SERVERS ?= 1
PATIENTS ?= 100
FAULTS ?= all
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: load
load: install
	$(BIN)/python bench/load.py --servers $(SERVERS) --patients $(PATIENTS) \
		--faults $(FAULTS) --database-url $(LOAD_DATABASE_URL)

# --- Benchmarks (docs/performance.md) -------------------------------------------------
# `make bench`: wrk against gunicorn with production settings and a clinic of 500
# patients with a year of history; SQLite, or PostgreSQL when DATABASE_URL is set (a
# throw-away <name>_benchrun database). Needs wrk: sudo apt-get install -y wrk.
# `make lighthouse`: Lighthouse 12 (mobile) on the patient pages and the clinician's
# list; needs Node 20+ and Chromium (CHROME_PATH, else /usr/bin/chromium).
# Options go through BENCH_ARGS / LIGHTHOUSE_ARGS, e.g. BENCH_ARGS="--rounds 5".
.PHONY: bench lighthouse

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
	@touch $@

lighthouse: install bench/node_modules/.installed
	$(BIN)/python bench/lighthouse.py $(LIGHTHOUSE_ARGS)
