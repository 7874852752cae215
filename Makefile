# The commands the README shows. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements-lock.txt
# Written after a successful install; redone when pyproject.toml or the lock changes.
STAMP := $(VENV)/.installed

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1

.PHONY: help install demo test lint typecheck fast pytest browser lock clean

help:
	@echo "make demo       set up .venv and write report.html from the bundled demo corpus"
	@echo "make test       set up, install chromium if missing, then lint, typecheck and all tests"
	@echo "make fast       tests not marked slow"
	@echo "make lint       ruff check + ruff format --check"
	@echo "make typecheck  mypy --strict on src/fogline"
	@echo "make lock       regenerate $(LOCK) from .venv"
	@echo "make clean      remove .venv, caches and build output"

$(BIN)/python:
	@echo "== create $(VENV) =="
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	@echo "== install fogline[models,dev,bench,arrow] (constraints: $(LOCK)) =="
	$(BIN)/python -m pip install -q -c $(LOCK) --upgrade pip setuptools
	$(BIN)/python -m pip install -c $(LOCK) -e '.[models,dev,bench,arrow]'
	@if $(BIN)/python -m pip freeze | grep -qi '^nvidia-'; then \
	  echo "error: CUDA packages (nvidia-*) got installed; torch must be the +cpu build" >&2; \
	  exit 1; fi
	touch $@

install: $(STAMP)

demo: $(STAMP)
	@echo "== fogline demo =="
	$(BIN)/fogline demo --out report.html

# Debian's chromium and chromedriver for the browser tests; apt only when one is missing.
BROWSER_BINS := chromium chromedriver
browser:
	@missing=0; for b in $(BROWSER_BINS); do command -v "$$b" >/dev/null || missing=1; done; \
	if [ "$$missing" = 1 ]; then \
	  echo "== install chromium and chromium-driver (apt) =="; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
	    </dev/null; \
	fi

lint: $(STAMP)
	@echo "== ruff check =="
	$(BIN)/ruff check src tests
	@echo "== ruff format --check =="
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	@echo "== mypy =="
	$(BIN)/mypy

pytest: $(STAMP) browser
	@echo "== pytest (all tests, including slow and browser) =="
	FOGLINE_REQUIRE_BROWSER=1 $(BIN)/pytest

# Prerequisites run left to right: set-up, browser, then the checks, cheapest first.
test: $(STAMP) browser lint typecheck pytest

fast: $(STAMP)
	@echo "== pytest -m 'not slow' =="
	$(BIN)/pytest -m "not slow"

lock: $(STAMP)
	@{ echo "# Constraints for \`pip install -c $(LOCK) -e '.[models,dev,bench,arrow]'\`: the versions known to"; \
	   echo "# work together here. Regenerate with \`make lock\` from a working .venv, then check that torch is"; \
	   echo "# still the +cpu build and that no nvidia-* package has crept in."; \
	   $(BIN)/python -m pip freeze --all --exclude-editable | grep -vi '^fogline[= ]'; \
	 } > $(LOCK).tmp
	@if grep -qi '^nvidia-' $(LOCK).tmp; then echo "error: nvidia-* in the freeze" >&2; \
	  rm $(LOCK).tmp; exit 1; fi
	@grep -q '^torch==.*+cpu$$' $(LOCK).tmp || { echo "error: torch is not a +cpu build" >&2; \
	  rm $(LOCK).tmp; exit 1; }
	mv $(LOCK).tmp $(LOCK)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache report.html
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +
