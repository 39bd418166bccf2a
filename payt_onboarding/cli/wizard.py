"""Open the wizard, or say plainly why it cannot open (Qt would abort the process).

Also `payt-onboarding-wizard`, the gui-script: the wizard without a console window beside it
on Windows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from payt_onboarding.cli import exit_codes
from payt_onboarding.cli.display import has_screen
from payt_onboarding.cli.language import resolve_language
from payt_onboarding.cli.logs import start_logging
from payt_onboarding.cli.texts import language_on_line, say, use_language
from payt_onboarding.gui.state import Prefill
from payt_onboarding.vocabulary import Language

__all__ = ["Prefill", "has_screen", "launch_wizard", "main"]


def launch_wizard(language: Language = "nl", prefill: Prefill | None = None) -> int:
    if not has_screen():
        print(say("cli.wizard.no_screen"), file=sys.stderr)
        return exit_codes.NO_DISPLAY
    from payt_onboarding.gui.app import run_wizard

    return run_wizard(language, prefill)


def main(argv: Sequence[str] | None = None) -> int:
    """`payt-onboarding-wizard [--language en]`."""
    import argparse

    line = list(sys.argv[1:] if argv is None else argv)
    use_language(resolve_language(language_on_line(line)))  # the help speaks it too
    parser = argparse.ArgumentParser(prog="payt-onboarding-wizard")
    parser.add_argument("--language", choices=("nl", "en"), default=None,
                        help=say("cli.help.language.demo"))
    parser.add_argument("--verbose", action="store_true", help=say("cli.help.verbose"))
    args = parser.parse_args(line)
    start_logging(debug=args.verbose)
    language = resolve_language(args.language)
    use_language(language)
    return launch_wizard(language)
