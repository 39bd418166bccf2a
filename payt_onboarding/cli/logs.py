"""Where the log lines go: warnings on stderr (every line with `simulator -v`), and the log
file (app/logfile.py) at INFO, or DEBUG with --verbose."""

from __future__ import annotations

import logging
import sys


def start_logging(*, verbose: bool = False, debug: bool = False) -> str | None:
    """The log file's path, or None when it cannot be written."""
    from payt_onboarding.app.logfile import start_log

    root = logging.getLogger()
    if not root.handlers:
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stderr.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        root.addHandler(stderr)
    path = start_log(debug=debug or verbose)
    return str(path) if path else None
