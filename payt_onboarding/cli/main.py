"""`payt-onboarding`: parse the line, run one command, and never show a user a traceback."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.parser import build_parser
from payt_onboarding.cli.streams import silence_stdout, utf8_when_redirected


def main(argv: Sequence[str] | None = None) -> int:
    utf8_when_redirected()
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    try:
        # Each command's module is imported only when it runs: --help stays light.
        if args.command == "simulator":
            from payt_onboarding.cli.simulator import run_simulator

            return run_simulator(args)
        if args.command == "check":
            from payt_onboarding.cli.check import run_check_command

            return run_check_command(args)
        if args.command == "profiles":
            from payt_onboarding.cli.profiles import run_profiles_command

            return run_profiles_command(args)
        if args.command == "demo":
            from payt_onboarding.cli.demo import run_demo

            return run_demo(args.scenario, args.language, text=args.text)
        from payt_onboarding.cli.wizard import launch_wizard

        return launch_wizard(args.gui_language)
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return exit_codes.BROKEN_PIPE
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("PAYT_ONBOARDING_DEBUG"):
            raise
        while isinstance(exc, ExceptionGroup) and exc.exceptions:  # a TaskGroup's: the cause
            exc = exc.exceptions[0]
        print(
            f"payt-onboarding stopped on an unexpected error ({type(exc).__name__}: {exc}). "
            "Run again with PAYT_ONBOARDING_DEBUG=1 for details and report it.",
            file=sys.stderr,
        )
        return exit_codes.SOFTWARE
