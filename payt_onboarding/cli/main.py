"""`payt-onboarding`: parse the line, start the log, run one command, and never show a user a
traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from payt_onboarding import __version__
from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.language import resolve_language
from payt_onboarding.cli.parser import build_parser
from payt_onboarding.cli.streams import silence_stdout, utf8_when_redirected
from payt_onboarding.cli.texts import language_on_line, say, use_language


def main(argv: Sequence[str] | None = None) -> int:
    utf8_when_redirected()
    line = list(sys.argv[1:] if argv is None else argv)
    # One language for the whole run, wherever --language stood on the line: known before
    # the parser is built, so that its help and its errors speak it too.
    use_language(resolve_language(language_on_line(line)))
    args = build_parser().parse_args(line)
    args.language = args.gui_language = resolve_language(
        getattr(args, "language", None), args.gui_language)
    use_language(args.language)
    # Logging is set up once the line is parsed: --help and --version need none of it.
    import logging

    from payt_onboarding.cli.logs import FILE_ONLY, start_logging

    log = logging.getLogger("payt_onboarding")
    log_path = start_logging(verbose=getattr(args, "verbose", False),
                             debug=getattr(args, "debug_log", False))
    log.info("payt-onboarding %s: %s", __version__,
             "self-test" if args.self_test else args.command or "wizard")
    try:
        return _run(args)
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return exit_codes.BROKEN_PIPE
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("PAYT_ONBOARDING_DEBUG"):
            raise
        log.error("unexpected error", exc_info=exc, extra=FILE_ONLY)
        while isinstance(exc, ExceptionGroup) and exc.exceptions:  # a TaskGroup's: the cause
            exc = exc.exceptions[0]
        print(say("cli.unexpected_error.logged" if log_path else "cli.unexpected_error",
                  error=f"{type(exc).__name__}: {exc}", log=log_path or ""), file=sys.stderr)
        return exit_codes.SOFTWARE


def _run(args: argparse.Namespace) -> int:
    command = args.command
    # Each command's module is imported only when it runs: --help stays light.
    if args.self_test:
        from payt_onboarding.cli.selftest import run_self_test

        return run_self_test()
    if command == "simulator":
        from payt_onboarding.cli.simulator import run_simulator

        return run_simulator(args)
    if command == "check":
        from payt_onboarding.cli.check_all import misplaced_batch_options, run_check_all

        if args.all_profiles:
            return run_check_all(args)
        misplaced = misplaced_batch_options(args)
        if misplaced:
            from payt_onboarding.cli.usage import report_usage_error

            return report_usage_error("check", misplaced)
        from payt_onboarding.cli.check import run_check_command

        return run_check_command(args)
    if command == "profiles":
        from payt_onboarding.cli.profiles import run_profiles_command

        return run_profiles_command(args)
    if command == "demo":
        from payt_onboarding.cli.demo import run_demo

        return run_demo(args.scenario, args.language, text=args.text)
    from payt_onboarding.cli.wizard import launch_wizard

    return launch_wizard(args.gui_language)
