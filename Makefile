# Buurtwijzer Utrecht. `make run` sets everything up and serves the site with demo content;
# `make test` runs the whole test suite (on SQLite, and on PostgreSQL when one is reachable).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PYTEST_WORKERS ?= 2

.PHONY: install install-test translations messages run migrate demo test test-sqlite test-postgres test-search test-e2e check lint format css clean search-node-start search-node-stop

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is nodig (niet gevonden: $(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# The interface translations (locale/*/LC_MESSAGES/*.po) are compiled to .mo on every install,
# with polib, so no gettext is needed; it takes a second.
translations: $(STAMP)
	$(BIN)/python manage.py compile_translations

install: $(STAMP) translations

# After changing interface texts: update locale/*/LC_MESSAGES/django.po (needs GNU gettext),
# then translate the new entries. tests/i18n checks that nothing is missing.
messages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location --extension html,txt,py \
	  -l nl -l en -l ar -l tr -l pl -l uk \
	  --ignore '.venv/*' --ignore 'frontend/*' --ignore 'tests/*' --ignore 'bench/*' \
	  --ignore 'scripts/*' --ignore 'site/*' --ignore '*.egg-info/*' --ignore 'checks/data/*'

install-test: $(TEST_STAMP) translations

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py ensure_admin

run: demo
	@echo "Buurtwijzer draait op http://127.0.0.1:8000/ (beheer: http://127.0.0.1:8000/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

check: install-test
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run --noinput
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/python scripts/check_imports.py

test-sqlite: install-test
	env -u DATABASE_URL $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not e2e"

test-postgres: install-test
	@url="$$($(BIN)/python scripts/postgres_url.py)" || exit 1; \
	if [ -z "$$url" ]; then \
	  echo "SKIPPED: PostgreSQL leg (no DATABASE_URL and nothing listening on 127.0.0.1:5432)."; \
	else \
	  echo "PostgreSQL leg on $${url##*@}"; \
	  DATABASE_URL="$$url" $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not e2e"; \
	fi

# Browser tests (tests/e2e): Debian's chromium driven by Playwright, on SQLite. Installs
# chromium when it is missing and this is root with apt-get; otherwise says SKIPPED and why.
# --dist loadgroup: tests marked xdist_group run on one worker (the journeys load the demo
# content once for their module); the others are shared out as usual.
CHROMIUM ?= /usr/bin/chromium
test-e2e: install-test
	@if [ ! -x "$(CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || \
	  echo "apt-get install chromium failed"; \
	fi; \
	if [ -x "$(CHROMIUM)" ]; then \
	  env -u DATABASE_URL CHROMIUM="$(CHROMIUM)" $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m e2e; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "*** SKIPPED: browser tests (tests/e2e): $(CHROMIUM) is missing and only root can apt-get install chromium. ***"; \
	else \
	  echo "*** SKIPPED: browser tests (tests/e2e): $(CHROMIUM) is missing and apt-get is not there or could not install chromium (see above). ***"; \
	fi

# The search node (search-node/, OpenSearch 2.19.6) for the contract suite's OpenSearch and
# Elasticsearch legs and for `make run` (README: SEARCH_BACKEND, OPENSEARCH_URL).
# SEARCH_NODE_PORT chooses another port than 9200.
search-node-start:
	scripts/search_node.sh start

search-node-stop:
	scripts/search_node.sh stop

# Both database legs with the node started once (and stopped after, if it was not running).
# When the PostgreSQL leg runs, the contract suite's engine legs run there only
# (SEARCH_ENGINE_LEGS_ON, tests/contract/README.md).
test-search: install-test
	@if [ -n "$$($(BIN)/python scripts/postgres_url.py 2>/dev/null)" ]; then \
	  export SEARCH_ENGINE_LEGS_ON=postgresql; fi; \
	scripts/with_search_node.sh $(MAKE) --no-print-directory test-sqlite test-postgres

test: check test-search test-e2e

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/python scripts/check_imports.py

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates

css:
	cd frontend && npm ci && node build.mjs

clean:
	rm -rf $(VENV) db.sqlite3 static_collected
