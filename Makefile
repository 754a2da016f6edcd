# Wegwijzer. `make run` for a local demo, `make test` for the full test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: setup setup-test run test pytest test-postgres lint format serve backup restore loadtest bench clean

setup: $(STAMP)
	@sh scripts/sysdeps.sh app

setup-test: $(STAMP) tests/e2e/axe/node_modules/.installed-stamp
	@sh scripts/sysdeps.sh test

# axe-core for the accessibility tests, pinned in tests/e2e/axe/package-lock.json; test-only.
tests/e2e/axe/node_modules/.installed-stamp: tests/e2e/axe/package-lock.json
	@sh scripts/sysdeps.sh node
	cd tests/e2e/axe && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## Local demo on http://127.0.0.1:$(PORT), PORT=8000 unless given (DEBUG on; refuses to
## create demo users otherwise). The task worker that sends e-mail runs next to the server
## and stops with it.
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_demo
	@echo "Wegwijzer draait op http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py db_worker --no-reload --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## Lint, migrations check and every test, browser tests included.
test: setup-test lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) pytest

## Every test: spread over the cores (pytest-xdist) on an in-memory SQLite database or on
## DATABASE_URL, then on their own the few tests that run threads on a database file
## (marker file_db, see wegwijzer/settings_test.py). PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
pytest:
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal -m "not file_db"
	$(BIN)/pytest -m file_db

## The suite again against the PostgreSQL server on this machine.
test-postgres: setup-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wegwijzer} $(MAKE) pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Production-style: gunicorn + WhiteNoise, DEBUG off. Needs DJANGO_SECRET_KEY,
## DJANGO_ALLOWED_HOSTS and (normally) DATABASE_URL in the environment; see README.
serve: setup
	DJANGO_DEBUG=0 $(BIN)/python manage.py check --deploy
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=0 $(BIN)/python manage.py db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=0 $(BIN)/gunicorn -c wegwijzer/gunicorn.conf.py wegwijzer.wsgi

## Back up everything to backups/ (restore with: make restore FILE=backups/...json.gz).
backup: setup
	@mkdir -p backups
	$(BIN)/python manage.py backup_data backups/wegwijzer-$$(date +%Y%m%d-%H%M%S).json.gz

restore: setup
	@test -n "$(FILE)" || (echo "Gebruik: make restore FILE=backups/wegwijzer-....json.gz" && exit 1)
	$(BIN)/python manage.py restore_data "$(FILE)"

## 50 staff for 60 s against gunicorn + PostgreSQL on loopback; report in benchmarks/results/.
loadtest: setup
	$(BIN)/python -m benchmarks.loadtest --users 50 --seconds 60

## Speed at 10k and 100k referrals on SQLite and PostgreSQL against a bare view and the admin.
bench: setup
	$(BIN)/python -m benchmarks.bench --factor 1.0 --small 0.1

clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-artifacts
