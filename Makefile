# bimkemas: `make demo` serves the Palembang demo, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# CI adds ",spark" (pyspark, ~1 GB) for the Spark record-linkage backend test.
EXTRAS ?= dev

.PHONY: install demo serve test lint pytest messages clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $@

# axe-core (package-lock.json) for the accessibility tests; without npm they are skipped.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent && touch $@; \
	else \
		echo "npm not found: the accessibility tests will be skipped (apt-get install -y nodejs npm)."; \
	fi

demo: install
	$(BIN)/bimkemas migrate --noinput
	$(BIN)/bimkemas demo-data --seed 1
	$(MAKE) --no-print-directory serve

# Plain HTTP on this machine: no secure cookies, HTTPS redirect or HSTS. The server refuses
# the public development SECRET_KEY, so the demo keeps its own random one in var/.
serve: install var/secret_key
	HOST=$(HOST) PORT=$(PORT) $(BIN)/bimkemas demo-logins
	@echo "Serving http://$(HOST):$(PORT)/ and the job worker (Ctrl+C to stop both)"
	export SECRET_KEY="$$(cat var/secret_key)" SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0; \
		$(BIN)/bimkemas run_huey -w 1 -k thread & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/gunicorn config.wsgi -b $(HOST):$(PORT) -w 3 --access-logfile -

var/secret_key:
	mkdir -p var
	umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

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
