"""The log file: something to send when a thing goes wrong.

`payt-onboarding.log` in the platform's log folder (platformdirs' user_log_dir:
`%LOCALAPPDATA%\\payt-onboarding\\Logs` on Windows, `~/Library/Logs/payt-onboarding` on macOS,
`~/.local/state/payt-onboarding/log` on Linux; $PAYT_ONBOARDING_LOG_DIR overrides), rotated at
1 MB with 3 old files kept, INFO by default and DEBUG on request. Every line passes through
the scrubber first (log_scrub.ScrubbingFormatter).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from payt_onboarding.app.log_scrub import ScrubbingFormatter

__all__ = ["LOG_DIR_ENV", "log_directory", "log_file", "set_debug", "start_log"]

LOG_DIR_ENV = "PAYT_ONBOARDING_LOG_DIR"
FILE_NAME = "payt-onboarding.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None


def log_directory() -> Path:
    root = os.environ.get(LOG_DIR_ENV, "").strip()
    if root:
        return Path(root).expanduser()
    return platformdirs.user_log_path("payt-onboarding", appauthor=False)


def log_file() -> Path:
    return log_directory() / FILE_NAME


def start_log(*, debug: bool = False) -> Path | None:
    """Log to the file from now on (once per process); None when the folder cannot be written,
    which never stops the program."""
    global _handler
    if _handler is None:
        path = log_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                          encoding="utf-8", delay=True)
        except OSError:
            return None
        handler.setFormatter(ScrubbingFormatter(FORMAT))
        logging.getLogger().addHandler(handler)
        _handler = handler
    set_debug(debug)
    return Path(_handler.baseFilename)


def set_debug(debug: bool) -> None:
    """DEBUG lines to the file too (`--verbose`, the About box's switch), or INFO and up."""
    level = logging.DEBUG if debug else logging.INFO
    if _handler is not None:
        _handler.setLevel(level)
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)


def debug_enabled() -> bool:
    return _handler is not None and _handler.level <= logging.DEBUG
