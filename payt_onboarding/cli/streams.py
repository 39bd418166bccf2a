"""Standard output and error as a report needs them: UTF-8 when redirected, and quiet once
the reader has gone."""

from __future__ import annotations

import io
import os
import sys


def silence_stdout() -> None:
    """The reader of stdout (`| head`) has gone: send the rest nowhere, so that neither this
    program nor Python's exit-time flush complains about the broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def utf8_when_redirected() -> None:
    """Reports carry "→" and accented names: on Windows a redirect would use cp1252 and fail.

    A terminal keeps its own encoding (the Windows console speaks UTF-16 to Python anyway); a
    file or pipe gets UTF-8, which is what the JSON and HTML reports declare.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
