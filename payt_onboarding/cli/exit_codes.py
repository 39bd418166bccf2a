"""Every exit status of `payt-onboarding` (DESIGN.md section 3), in one place."""

from __future__ import annotations

import typing
from typing import Final

from payt_onboarding.cli.texts import say

# Literal types only: not made at run time (`--help` is quicker without). typing.TYPE_CHECKING,
# not the name: every upper-case int here is an exit status (tests/cli/test_exit_codes.py).
if typing.TYPE_CHECKING:
    from payt_onboarding.messages.ids import CliId

READY: Final = 0
READY_WITH_WARNINGS: Final = 1
NOT_READY: Final = 2  # token and connection failures are findings, so they end here too
USAGE: Final = 64  # EX_USAGE: bad arguments or input; stderr says what to change
NO_DISPLAY: Final = 69  # EX_UNAVAILABLE: no screen for the wizard
SOFTWARE: Final = 70  # EX_SOFTWARE: a bug; nothing a user typed causes it
INTERRUPTED: Final = 130  # 128 + SIGINT: Ctrl+C
BROKEN_PIPE: Final = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)

BY_VERDICT: Final = {"ready": READY, "ready_with_warnings": READY_WITH_WARNINGS,
                     "not_ready": NOT_READY}

# For --help: what each status means, as catalog ids.
MEANINGS: Final[tuple[tuple[int, CliId], ...]] = (
    (READY, "cli.exit.ready"),
    (READY_WITH_WARNINGS, "cli.exit.ready_with_warnings"),
    (NOT_READY, "cli.exit.not_ready"),
    (USAGE, "cli.exit.usage"),
    (NO_DISPLAY, "cli.exit.no_display"),
    (SOFTWARE, "cli.exit.software"),
    (INTERRUPTED, "cli.exit.interrupted"),
    (BROKEN_PIPE, "cli.exit.broken_pipe"),
)


def described() -> str:
    return "; ".join(f"{code} {say(meaning)}" for code, meaning in MEANINGS)
