# Two commands set everything up on a fresh machine with python3 and the package registries:
#   make serve   - virtual environment, install, validate, serve the site on 127.0.0.1:8000
#   make test    - virtual environment, install, run the whole test suite (and lint)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DISABLE_MKDOCS_2_WARNING = true
export NO_MKDOCS_2_WARNING = 1
# Builds are deterministic: the sitemap's dates come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: install chromium validate fmt serve build test lint bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's Chromium (never a downloaded browser). Installed here when
# missing; if that is impossible they are skipped locally, and fail in CI (CI=true).
chromium:
	@test -x /usr/bin/chromium || $(SUDO) apt-get install -y --no-install-recommends chromium \
	  || ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium) \
	  || echo "Could not install Debian's chromium: the browser tests will be skipped (CI fails them)."

validate: $(STAMP)
	$(BIN)/policykb validate

fmt: $(STAMP)
	$(BIN)/policykb fmt --write

serve: validate
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: validate
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

test: $(STAMP) chromium
	$(BIN)/ruff check scripts tests
	$(BIN)/policykb fmt --check
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python scripts/benchmarks/validate_bench.py
	$(BIN)/python scripts/benchmarks/site_bench.py

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache
