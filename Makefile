# Two commands set everything up on a fresh machine with python3 and the package registries:
#   make serve   - virtual environment, install, validate, serve the site on 127.0.0.1:8000
#   make test    - virtual environment, install, run the whole test suite (and lint)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
export DISABLE_MKDOCS_2_WARNING = true
export NO_MKDOCS_2_WARNING = 1

.PHONY: install validate fmt serve build test lint bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

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

test: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/policykb fmt --check
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python scripts/benchmarks/validate_bench.py

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache
