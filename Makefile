# Two commands for newcomers (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8050
WORKERS ?= 2

.PHONY: run test install install-dev lint i18n bench warm clean

run: install ## Install, build geometry and data checks, warm the page cache, serve on http://127.0.0.1:$(PORT)
	$(PY) -m geo.build --if-needed
	$(PY) -m warm
	$(VENV)/bin/gunicorn --preload --workers $(WORKERS) --bind 127.0.0.1:$(PORT) --no-control-socket \
		--access-logfile - app:server

test: install-dev ## Lint, validate the data package, run every test (unit, real-browser, production stack)
	$(VENV)/bin/ruff check .
	$(PY) -m data.validate
	$(PY) -m pytest

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt constraints.txt
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt -c constraints.txt
	touch $@

lint: install-dev
	$(VENV)/bin/ruff check .

i18n: install ## Sync the translation catalogues with the code and list untranslated strings
	$(PY) -m i18n.catalogue_tool

bench: install-dev ## Print the performance figures (see bench/README.md)
	$(PY) -m bench.startup
	$(PY) -m bench.page_weight /es /es/map

warm: install ## Compute every page's first-visit layout into the shared cache (after each deployment)
	$(PY) -m warm

clean:
	rm -rf build $(VENV)
