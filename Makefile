# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: demo demo-web test bench lint install dev system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

## Ingest the bundled sample articles into annotator-demo.db and open the annotation screen.
demo: install
	$(BIN)/annotator demo

DEMO_WEB_USER ?= demo
DEMO_WEB_PASSWORD ?= demo-password

## The demo database in a browser at http://127.0.0.1:8000, with a demo login (a lead) printed on start.
demo-web: install
	$(BIN)/annotator demo --no-ui
	@$(BIN)/annotator users remove $(DEMO_WEB_USER) --db sqlite:///annotator-demo.db >/dev/null 2>&1 || true
	@printf '%s\n' '$(DEMO_WEB_PASSWORD)' | $(BIN)/annotator users add $(DEMO_WEB_USER) --lead --password-stdin --db sqlite:///annotator-demo.db
	@echo "demo login: name $(DEMO_WEB_USER), password $(DEMO_WEB_PASSWORD)"
	$(BIN)/annotator serve --db sqlite:///annotator-demo.db

## Install dev dependencies, make sure a PostgreSQL server can be started, run the whole suite.
test: dev system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Speed benchmarks (ratios against baselines measured in the same run); never part of the test suite.
bench: dev
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python -m benchmarks.$$(basename $$script .py) || exit 1; done

## Layer contracts: the TUI never touches SQL, pure packages never import textual or spacy.
lint: dev
	$(BIN)/lint-imports

## The suite starts its own throwaway PostgreSQL from Debian's binaries, drives the UI in tmux and in headless
## chromium; install them with apt where missing (as root), otherwise those tests skip outside CI.
system-deps:
	@missing=""; \
	command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "not found:$$missing (install them for the PostgreSQL, terminal and browser tests)"; \
		fi; \
	fi

clean:
	rm -rf $(VENV) annotator-demo.db* .pytest_cache
