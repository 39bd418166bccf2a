"""Where the log lines go: warnings on stderr (every line with `simulator -v`), briefly, and the
log file (app/logfile.py) at INFO, or DEBUG with --verbose, with tracebacks."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from payt_onboarding.messages.ids import CliId

FILE_ONLY = {"file_only": True}  # `extra` for a record the user is told about another way


_LEVELS: dict[str, CliId] = {"DEBUG": "cli.level.debug", "INFO": "cli.level.info",
                             "WARNING": "cli.level.warning", "ERROR": "cli.level.error",
                             "CRITICAL": "cli.level.error"}


class _Brief(logging.Formatter):
    """Time, level and message: a traceback belongs in the log file, not on a user's terminal.
    (Never formatException here: it would cache an empty traceback on the record for the file.)
    A record with a `text_id` (and `text_values`) is shown in the run's language; the file
    keeps the English line."""

    def format(self, record: logging.LogRecord) -> str:
        # Here, not at start: the catalog (TOML) is read when a line is shown, not before the
        # wizard's first paint.
        from payt_onboarding.app.log_scrub import scrub
        from payt_onboarding.cli.texts import language, say
        from payt_onboarding.messages import render

        text_id = getattr(record, "text_id", None)
        message = (render(text_id, language(), **getattr(record, "text_values", {}))
                   if text_id else record.getMessage())
        level = _LEVELS.get(record.levelname)
        shown = logging.makeLogRecord(record.__dict__)  # the file handler keeps the original
        shown.message = message
        shown.asctime = self.formatTime(record, self.datefmt)
        shown.levelname = say(level) if level else record.levelname
        return scrub(self.formatMessage(shown))


def _for_stderr(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


def start_logging(*, verbose: bool = False, debug: bool = False) -> str | None:
    """The log file's path, or None when it cannot be written."""
    from payt_onboarding.app.logfile import start_log

    root = logging.getLogger()
    if not root.handlers and sys.stderr is not None:  # None: the windowed program on Windows
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stderr.setFormatter(_Brief("%(asctime)s %(levelname)s %(message)s"))
        stderr.addFilter(_for_stderr)
        root.addHandler(stderr)
    path = start_log(debug=debug or verbose)
    return str(path) if path else None
