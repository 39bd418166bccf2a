"""Open the wizard, or say plainly why it cannot open (Qt would abort the process).

Also `payt-onboarding-wizard`, the gui-script: the wizard without a console window beside it
on Windows.

Started from a desktop, its line is empty: then no parser is built (its help texts are the
message catalog's, parsed from TOML) and nothing but the log and the window is set up before
the first page is painted. The catalog is read when a text is needed: a line to parse, a
missing screen, a line on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from payt_onboarding.cli.display import has_screen
from payt_onboarding.cli.language import resolve_language
from payt_onboarding.cli.logs import start_logging

if TYPE_CHECKING:
    from payt_onboarding.gui.state import Prefill
    from payt_onboarding.vocabulary import Language

__all__ = ["has_screen", "launch_wizard", "main"]


def launch_wizard(language: Language = "nl", prefill: Prefill | None = None) -> int:
    if not has_screen():
        from payt_onboarding.cli import exit_codes
        from payt_onboarding.cli.texts import say

        print(say("cli.wizard.no_screen"), file=sys.stderr)
        return exit_codes.NO_DISPLAY
    from payt_onboarding.gui.app import run_wizard

    return run_wizard(language, prefill)


def main(argv: Sequence[str] | None = None) -> int:
    """`payt-onboarding-wizard [--language en] [--verbose]`."""
    line = list(sys.argv[1:] if argv is None else argv)
    asked, verbose = _parse(line) if line else (None, False)
    start_logging(debug=verbose)
    language = resolve_language(asked)
    if line:  # the parser set argparse's words and the catalog's language: keep them in step
        from payt_onboarding.cli.texts import use_language

        use_language(language)
    return launch_wizard(language)


def _parse(line: list[str]) -> tuple[str | None, bool]:
    """The language asked for and --verbose; --help and a usage error exit here (SystemExit),
    in the language the line asks for."""
    import argparse

    from payt_onboarding.cli.texts import language_on_line, say, use_language

    use_language(resolve_language(language_on_line(line)))  # the help speaks it too
    parser = argparse.ArgumentParser(prog="payt-onboarding-wizard")
    parser.add_argument("--language", choices=("nl", "en"), default=None,
                        help=say("cli.help.language.demo"))
    parser.add_argument("--verbose", action="store_true", help=say("cli.help.verbose"))
    args = parser.parse_args(line)
    return args.language, args.verbose
