"""Every exit status of `payt-onboarding` (DESIGN.md section 3), in one place."""

from typing import Final

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

# For --help and the README: what each status means.
MEANINGS: Final = (
    (READY, "ready"),
    (READY_WITH_WARNINGS, "ready with warnings"),
    (NOT_READY, "not ready (also when the token or the connection fails)"),
    (USAGE, "usage error: what to change is printed on stderr"),
    (NO_DISPLAY, "no screen to open the wizard on"),
    (SOFTWARE, "internal error (a bug; PAYT_ONBOARDING_DEBUG=1 shows details to report)"),
    (INTERRUPTED, "interrupted (Ctrl+C; check still writes the partial report, marked "
                  "cancelled)"),
    (BROKEN_PIPE, "the reader of the output went away (`| head`)"),
)


def described() -> str:
    return ", ".join(f"{code} {meaning}" for code, meaning in MEANINGS)
