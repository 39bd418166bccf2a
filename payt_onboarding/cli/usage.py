"""A usage error: input the user must change, printed as is, exit 64."""

from __future__ import annotations

import sys

from payt_onboarding.cli import exit_codes


class UsageError(Exception):
    """Input the user must change; its text says what to do."""


def report_usage_error(command: str, error: Exception | str) -> int:
    print(f"payt-onboarding {command}: {error}", file=sys.stderr)
    return exit_codes.USAGE
