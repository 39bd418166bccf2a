"""The log file: rotated, INFO by default and DEBUG on request, and no secret in any line,
whatever form it takes and wherever in the record it sits."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from payt_onboarding.afas.token import AfasToken
from payt_onboarding.app import logfile
from payt_onboarding.app.log_scrub import BLANK, ScrubbingFormatter, remember_token, scrub
from tests.support.leaks import register_secret, secret_forms

# A token the process has used (remember_token) and one it never saw: both must be blanked.
USED = AfasToken.from_data("A1B2C3D4E5F60718" * 4)
UNSEEN = AfasToken.from_data("0F1E2D3C4B5A6978" * 4)
for _token in (USED, UNSEEN):
    register_secret(_token.reveal_data())
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]




@pytest.fixture
def log_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh log file in tmp_path, made by `start_log` as for a program."""
    monkeypatch.setenv(logfile.LOG_DIR_ENV, str(tmp_path / "logs"))
    monkeypatch.setattr(logfile, "_handler", None)
    path = logfile.start_log()
    handler = logfile._handler
    assert path is not None and handler is not None
    yield path
    logging.getLogger().removeHandler(handler)
    handler.close()


def emit(level: int, msg: str, *args: object, exc_info: ExcInfo | None = None) -> None:
    """A record straight to the log file's handler. The tests that put secrets in records
    bypass the loggers on purpose: pytest captures every logger's records, and the suite's leak
    guard would (rightly) fail the test on them."""
    handler = logfile._handler
    assert handler is not None
    handler.handle(logging.LogRecord("payt_onboarding.test", level, __file__, 1, msg, args,
                                     exc_info))


def test_every_form_of_a_token_is_blanked_in_message_arguments_and_traceback(
        log_to: Path) -> None:
    remember_token(USED)
    for token in (USED, UNSEEN):
        for form in secret_forms(token):
            emit(logging.INFO, "header was %s", form)
            emit(logging.WARNING,
                 f"inline {form} and html &lt;data&gt;{token.reveal_data()}&lt;/data&gt;")
            try:
                raise ValueError(f"bad answer for {form}")
            except ValueError:
                emit(logging.ERROR, "failed", exc_info=sys.exc_info())
    text = log_to.read_text(encoding="utf-8")
    for token in (USED, UNSEEN):
        for form in secret_forms(token):
            assert form not in text
    assert text.count(BLANK) >= 24
    assert "ValueError: bad answer for" in text  # the traceback is kept, only the secret goes


def test_the_file_keeps_info_and_debug_only_when_asked(log_to: Path) -> None:
    log = logging.getLogger("payt_onboarding.test")
    log.debug("detail one")
    log.info("step one")
    logfile.set_debug(True)  # as --verbose and the About box's switch do
    assert logfile.debug_enabled()
    log.debug("detail two")
    logfile.set_debug(False)
    text = log_to.read_text(encoding="utf-8")
    assert "step one" in text and "detail two" in text
    assert "detail one" not in text


def test_the_file_rotates(log_to: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = logfile._handler
    assert handler is not None
    monkeypatch.setattr(handler, "maxBytes", 2_000)
    for n in range(200):
        emit(logging.INFO, "line %d %s", n, "x" * 40)
    names = sorted(p.name for p in log_to.parent.iterdir())
    assert names == ["payt-onboarding.log", "payt-onboarding.log.1", "payt-onboarding.log.2",
                     "payt-onboarding.log.3"]


def test_an_unwritable_folder_never_stops_the_program(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(logfile.LOG_DIR_ENV, str(blocker / "logs"))
    monkeypatch.setattr(logfile, "_handler", None)
    assert logfile.start_log() is None


def test_the_formatter_leaves_the_record_alone_for_other_handlers() -> None:
    """Other handlers (the test suite's leak guard) see the record as it was."""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token %s", (USED.xml(),), None)
    line = ScrubbingFormatter("%(message)s").format(record)
    assert USED.xml() not in line
    assert record.args == (USED.xml(),)
    assert scrub("nothing secret here, uid 12345") == "nothing secret here, uid 12345"
