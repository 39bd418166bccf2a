# Two commands for a fresh Linux or macOS machine: `make demo` and `make test`.
# Each creates .venv on first use and installs the project with its test and dev tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint pytest bench translations clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "payt-onboarding needs Python 3.11 or newer: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/payt-onboarding demo

test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check payt_onboarding tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

# The tests marked secret_service run apart, in a private D-Bus session with a throw-away GNOME
# Keyring (tests/keyring_session.sh); where dbus-run-session or gnome-keyring is missing they skip.
pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not secret_service"
	QT_QPA_PLATFORM=offscreen sh tests/keyring_session.sh $(BIN)/python -m pytest -m secret_service

bench: $(STAMP)
	$(BIN)/python -m bench

# The wizard's Dutch: the .ts updated from the source, compiled to the .qm it loads.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
