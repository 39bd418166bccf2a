"""The log file: something to send when a thing goes wrong.

`payt-onboarding.log` in the platform's log folder (platformdirs' user_log_dir:
`%LOCALAPPDATA%\\payt-onboarding\\Logs` on Windows, `~/Library/Logs/payt-onboarding` on macOS,
`~/.local/state/payt-onboarding/log` on Linux; $PAYT_ONBOARDING_LOG_DIR overrides), rotated at
1 MB with 3 old files kept, INFO by default and DEBUG on request. Every line passes through
the scrubber first (log_scrub.ScrubbingFormatter).

The rotation is `RotatingFileHandler`'s, written out here: logging.handlers imports socket,
pickle and selectors for its other handlers, which the wizard's first paint would wait for.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from payt_onboarding.app.log_scrub import ScrubbingFormatter

__all__ = ["LOG_DIR_ENV", "log_directory", "log_file", "set_debug", "start_log"]

LOG_DIR_ENV = "PAYT_ONBOARDING_LOG_DIR"
FILE_NAME = "payt-onboarding.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"



class RotatingLog(logging.FileHandler):
    """logging.handlers.RotatingFileHandler's rollover (Python 3.11 to 3.13): before a line
    that would take the file to `maxBytes`, it becomes `<name>.1`, `.1` becomes `.2`, and so on
    up to `backupCount`; the oldest goes."""

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, mode="a", encoding="utf-8", delay=True)
        self.maxBytes = max_bytes
        self.backupCount = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.should_roll_over(record):
                self.roll_over()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def should_roll_over(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # never a device or a pipe (bpo-45401)
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            line = f"{self.format(record)}\n"
            self.stream.seek(0, 2)  # Windows: tell() is not at the end after opening for append
            return self.stream.tell() + len(line) >= self.maxBytes
        return False

    def roll_over(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None  # reopened by the next emit
        if self.backupCount > 0:
            for n in range(self.backupCount - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{n}", f"{self.baseFilename}.{n + 1}"
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = f"{self.baseFilename}.1"
            if os.path.exists(first):
                os.remove(first)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, first)


_handler: RotatingLog | None = None


def log_directory() -> Path:
    root = os.environ.get(LOG_DIR_ENV, "").strip()
    if root:
        return Path(root).expanduser()
    import platformdirs  # only when asked for: it is not needed where the folder is set

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
            handler = RotatingLog(path, MAX_BYTES, BACKUPS)
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
