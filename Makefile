# bimkemas: `make demo` serves the Palembang demo, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install demo serve test lint pytest messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: install
	$(BIN)/bimkemas migrate --noinput
	$(BIN)/bimkemas demo-data --seed 1
	$(MAKE) --no-print-directory serve

serve: install
	$(BIN)/bimkemas demo-logins
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	SECURE_COOKIES=0 $(BIN)/gunicorn config.wsgi -b $(HOST):$(PORT) -w 3 --access-logfile -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports
	$(BIN)/bimkemas makemigrations --check --dry-run

pytest: install
	# Live-server threads would keep persistent connections open past the test run.
	CONN_MAX_AGE=0 $(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint pytest

messages: install
	cd bimkemas && ../$(BIN)/django-admin makemessages -l id --no-obsolete
	cd bimkemas && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var
