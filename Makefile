# Two commands for a fresh Linux or macOS machine: `make demo` and `make test`.
# Each creates .venv on first use: `make demo` installs only what the wizard needs, `make test`
# (and lint, pytest, bench, translations) the test and dev tools too. `make bundle` builds the
# one-folder app (packaging/) in its own build venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CKSUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(CKSUM)
RUNTIME_STAMP := $(VENV)/.runtime-$(CKSUM)
BUNDLE_VENV := build/venv-bundle
PIP := -m pip install --quiet --disable-pip-version-check
# setuptools' notice on every editable install (flat layout), which recent pip shows: not news
# to anyone working in this folder, and no warning for a user trying the demo.
export PYTHONWARNINGS := ignore:Editable installation

.PHONY: demo test lint pytest bench translations icons bundle clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "payt-onboarding needs Python 3.11 or newer: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python $(PIP) --upgrade pip
	$(BIN)/python $(PIP) -e '.[dev]'
	rm -f $(VENV)/.installed-* $(VENV)/.runtime-*
	touch $@ $(RUNTIME_STAMP)

# The wizard's own dependencies only (no ruff, mypy, pytest); a dev install already has them.
$(RUNTIME_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "payt-onboarding needs Python 3.11 or newer: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -f $(STAMP) || $(BIN)/python $(PIP) -e .
	rm -f $(VENV)/.runtime-*
	touch $@

demo: $(RUNTIME_STAMP)
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

# The icon's PNG sizes, .ico and .icns from resources/icons/payt-onboarding.svg.
icons: $(STAMP)
	$(BIN)/python scripts/icons.py

# The Linux one-folder app in dist/payt-onboarding/ and its tarball, then its self-test.
bundle:
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python $(PIP) '.[bundle]'
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/payt-onboarding.spec
	sh packaging/linux/tarball.sh dist/payt-onboarding
	dist/payt-onboarding/payt-onboarding --self-test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
