"""Global fixtures and hooks: the token-leak guard for every test in every folder, the isolated
config directory, and the two fixtures tests all over the suite use (`simulator`,
`secret_service`). Helpers are in tests.support; each folder's own fixtures in its conftest.py.

The guard collects every secret the suite uses (tests.support.leaks), records every log line at
DEBUG level, and fails any test whose log records, captured output or failure report contains one
of them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support import keyring_session
from tests.support.afas import Start, simulators
from tests.support.leaks import RecordAll, leaked, scan_for_secrets


def _isolated(variable: str, root: Path) -> Iterator[None]:
    """$variable points at `root` for the session (programs the tests start inherit it); after
    the run, no file under it may hold a token."""
    previous = os.environ.get(variable)
    os.environ[variable] = str(root)
    yield
    if previous is None:
        os.environ.pop(variable, None)
    else:
        os.environ[variable] = previous
    found = scan_for_secrets(root)
    assert not found, f"the token is in {found}"


@pytest.fixture(autouse=True, scope="session")
def isolated_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Profiles of every test (and every program a test starts) go to a temp directory, never
    the user's own."""
    from payt_onboarding.profile.store import CONFIG_DIR_ENV

    yield from _isolated(CONFIG_DIR_ENV, tmp_path_factory.mktemp("config"))


@pytest.fixture(autouse=True, scope="session")
def isolated_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """So do their log files: no line of them may hold a token."""
    from payt_onboarding.app.logfile import LOG_DIR_ENV

    yield from _isolated(LOG_DIR_ENV, tmp_path_factory.mktemp("logs"))


@pytest.fixture(autouse=True, scope="session")
def dutch_by_default() -> Iterator[None]:
    """The tests expect Dutch where no language is asked for, as on a Dutch computer: the
    default otherwise follows the system (tests/cli/test_language.py tests that)."""
    from payt_onboarding.cli.language import LANGUAGE_ENV

    previous = os.environ.get(LANGUAGE_ENV)
    os.environ[LANGUAGE_ENV] = "nl"
    yield
    if previous is None:
        os.environ.pop(LANGUAGE_ENV, None)
    else:
        os.environ[LANGUAGE_ENV] = previous


@pytest.fixture(autouse=True)
def no_token_in_logs() -> Iterator[None]:
    handler = RecordAll()
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    found = [t for t in handler.texts if leaked(t)]
    assert not found, f"{len(found)} log record(s) contain the token"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    texts = [report.longreprtext] + [content for _, content in report.sections]
    if any(leaked(t) for t in texts):
        report.outcome = "failed"
        report.longrepr = "the token appears in this test's output or failure report"
    return report


@pytest.fixture
def simulator() -> Iterator[Start]:
    """Start simulators for a scenario on 127.0.0.1; all are stopped after the test."""
    yield from simulators()


@pytest.fixture(scope="module")
def secret_service() -> None:
    """The throw-away Secret Service of tests/keyring_session.sh: skips where it is not running,
    and fails instead when PAYT_REQUIRE_SECRET_SERVICE=1 (CI)."""
    reason = keyring_session.unavailable()
    if reason is None:
        return
    if os.environ.get("PAYT_REQUIRE_SECRET_SERVICE") == "1":
        pytest.fail(f"PAYT_REQUIRE_SECRET_SERVICE=1, but {reason}")
    pytest.skip(reason)
