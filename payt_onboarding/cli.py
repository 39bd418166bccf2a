"""Command line entry point (DESIGN.md section 3). Heavy imports happen inside the commands."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from payt_onboarding import __version__

EXIT_USAGE = 64
EXIT_SOFTWARE = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer whose reader went away


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits 64 as the contract says (argparse's own is 2)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    from payt_onboarding.simulator.scenarios import SCENARIOS

    parser = _Parser(
        prog="payt-onboarding",
        description="Connect AFAS Profit to Payt: test every GetConnector Payt needs.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--language", dest="gui_language", choices=("nl", "en"), default="nl",
                        help="language of the wizard, which opens without a command "
                        "(default nl)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    sim = commands.add_parser(
        "simulator",
        help="run the built-in AFAS Profit simulator on this computer",
        description="Serve a simulated AFAS Profit REST environment on loopback.",
    )
    sim.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    sim.add_argument("--port", type=int, default=8765, help="port; 0 picks a free one")
    sim.add_argument("--scenario", default="healthy", choices=sorted(SCENARIOS),
                     metavar="NAME", help="one of: " + ", ".join(SCENARIOS))
    sim.add_argument("--latency-ms", type=_non_negative, default=0, metavar="N",
                     help="delay every answer by N milliseconds")
    sim.add_argument("--entries", type=_positive, default=None, metavar="N",
                     help="number of sales entries (default: the scenario's, up to 200000)")
    sim.add_argument("--seed", type=int, default=None, help="seed of the generated data")
    sim.add_argument("--tls", action="store_true",
                     help="serve HTTPS with a throw-away test CA (needs the test extra)")
    sim.add_argument("-v", "--verbose", action="store_true", help="log every request")

    from payt_onboarding.check_command import add_check_parser

    add_check_parser(commands)
    from payt_onboarding.profile_command import add_profiles_parser

    add_profiles_parser(commands)

    demo = commands.add_parser(
        "demo",
        help="open the wizard against the built-in simulator, no AFAS account needed",
    )
    demo.add_argument("--scenario", default="healthy", choices=sorted(SCENARIOS),
                      metavar="NAME", help="one of: " + ", ".join(SCENARIOS))
    demo.add_argument("--language", choices=("nl", "en"), default="nl",
                      help="language of the wizard and the report (default nl)")
    demo.add_argument("--text", action="store_true",
                      help="no window: run the check and print the report, as 'check' does")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if not 0 < value <= 200_000:
        raise argparse.ArgumentTypeError("must be between 1 and 200000")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def silence_stdout() -> None:
    """The reader of stdout (`| head`) has gone: send the rest nowhere, so that neither this
    program nor Python's exit-time flush complains about the broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _utf8_when_redirected() -> None:
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


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_when_redirected()
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command == "simulator":
            from payt_onboarding.simulator.run import run_simulator

            return run_simulator(args)
        if args.command == "check":
            from payt_onboarding.check_command import run_check_command

            return run_check_command(args)
        if args.command == "profiles":
            from payt_onboarding.profile_command import run_profiles_command

            return run_profiles_command(args)
        if args.command == "demo":
            from payt_onboarding.demo import run_demo

            return run_demo(args.scenario, args.language, text=args.text)
        from payt_onboarding.gui.launch import launch_wizard

        return launch_wizard(args.gui_language)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_BROKEN_PIPE
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
        return EXIT_SOFTWARE


if __name__ == "__main__":
    sys.exit(main())
