# Wegwijzer. `make run` for a local demo, `make test` for the full test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

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

## Local demo on http://127.0.0.1:8000 (DEBUG on; refuses to create demo users otherwise).
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Lint, migrations check and every test, browser tests included.
test: setup-test lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(MAKE) pytest

pytest:
	$(BIN)/pytest

## The suite again against the PostgreSQL server on this machine.
test-postgres: setup-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wegwijzer} $(BIN)/pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Production-style: gunicorn + WhiteNoise, DEBUG off. Needs DJANGO_SECRET_KEY,
## DJANGO_ALLOWED_HOSTS and (normally) DATABASE_URL in the environment; see README.
serve: setup
	DJANGO_DEBUG=0 $(BIN)/python manage.py check --deploy
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --noinput
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
